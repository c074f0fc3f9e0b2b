package dev.netchat.auth;

/**
 * The sign-in limits as a rule over counts of recent failures, so that the rule can be tested without a
 * database. A stranger must not be able to lock a user out, so failures for one username from everywhere only
 * refuse addresses the user has never signed in from; the user's own usual address is limited only by its own
 * failures for that username (someone guessing from the same address is the owner, or shares the owner's
 * network).
 *
 * @param perUserAndAddress failures for one username from one address before that pair is refused (brute force)
 * @param perAddress failures from one address for any usernames before the address is refused (credential stuffing)
 * @param perUser failures for one username from all addresses before unfamiliar addresses are refused for it
 *     (guessing spread over many addresses)
 */
public record LoginLimits(int perUserAndAddress, int perAddress, int perUser) {

    public LoginLimits {
        if (perUserAndAddress < 1 || perAddress < 1 || perUser < 1) {
            throw new IllegalArgumentException("sign-in limits must be positive");
        }
    }

    /** Recent failures as counted in the window. */
    public record Counts(long userAndAddress, long address, long user, boolean familiarAddress) {}

    /** Which limit refuses this attempt, or null when it may go ahead. */
    public String refusal(Counts counts) {
        if (counts.userAndAddress() >= perUserAndAddress) {
            return "too many failures for this username from this address";
        }
        if (counts.address() >= perAddress) {
            return "too many failures from this address";
        }
        if (counts.user() >= perUser && !counts.familiarAddress()) {
            return "too many failures for this username from unfamiliar addresses";
        }
        return null;
    }

    /** Addresses as stored: at most 64 characters, never null. */
    static String address(String clientAddress) {
        if (clientAddress == null || clientAddress.isEmpty()) {
            return "unknown";
        }
        return clientAddress.length() <= 64 ? clientAddress : clientAddress.substring(0, 64);
    }
}
