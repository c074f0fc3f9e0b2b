package dev.netchat.auth;

import dev.netchat.shared.TooManyRequestsException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits sign-in failures ({@link LoginLimits}) and sign-ups per client address. Counted in the database, so
 * every node of a cluster sees the same attempts: five failures spread over two nodes are five. Checks run
 * before any bcrypt work, so a refused attempt costs one indexed count.
 */
@Stateless
public class LoginThrottle {

    @Inject
    AuthAttemptRepository attempts;

    @Inject
    RefreshTokenRepository tokens;

    @Inject
    @ConfigProperty(name = "netchat.auth.login-max-failures-per-user-and-address", defaultValue = "5")
    int maxPerUserAndAddress;

    @Inject
    @ConfigProperty(name = "netchat.auth.login-max-failures-per-address", defaultValue = "20")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "netchat.auth.login-max-failures-per-user", defaultValue = "10")
    int maxPerUser;

    @Inject
    @ConfigProperty(name = "netchat.auth.login-failure-window", defaultValue = "PT15M")
    Duration window;

    @Inject
    @ConfigProperty(name = "netchat.auth.signup-max-per-address", defaultValue = "10")
    int maxSignupsPerAddress;

    @Inject
    @ConfigProperty(name = "netchat.auth.signup-window", defaultValue = "PT1H")
    Duration signupWindow;

    /** Addresses exempt from the sign-up limit (an office's own gateway, a provisioning script). */
    @Inject
    @ConfigProperty(name = "netchat.auth.signup-unlimited-addresses", defaultValue = " ")
    String signupUnlimited;

    /** Throws when a limit refuses this sign-in attempt; says how long until the oldest counted failure ages out. */
    public void check(String username, String clientAddress) {
        String address = LoginLimits.address(clientAddress);
        Instant since = Instant.now().minus(window);
        long pair = attempts.count(AuthAttempt.LOGIN_FAILURE, username, address, since);
        long fromAddress = attempts.count(AuthAttempt.LOGIN_FAILURE, null, address, since);
        long forUser = attempts.count(AuthAttempt.LOGIN_FAILURE, username, null, since);
        LoginLimits limits = new LoginLimits(maxPerUserAndAddress, maxPerAddress, maxPerUser);
        boolean familiar = forUser >= maxPerUser && tokens.everIssuedFrom(username, address);
        String refusal = limits.refusal(new LoginLimits.Counts(pair, fromAddress, forUser, familiar));
        if (refusal != null) {
            long wait = window.toSeconds();
            throw new TooManyRequestsException(
                    "Too many failed sign-ins (" + refusal + "). Try again in " + wait + " seconds.", wait);
        }
    }

    /** Counted in its own transaction: the failed sign-in itself rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String username, String clientAddress) {
        attempts.add(new AuthAttempt(AuthAttempt.LOGIN_FAILURE, username, clientAddress, Instant.now()));
    }

    /** A successful sign-in forgives that address's failures for the username (never the address's others). */
    public void recordSuccess(String username, String clientAddress) {
        attempts.forgetFailures(username, LoginLimits.address(clientAddress));
    }

    /** Throws when the address has signed up too many accounts lately; otherwise counts this sign-up. */
    public void signup(String clientAddress) {
        String address = LoginLimits.address(clientAddress);
        if (Set.of(signupUnlimited.strip().split("\\s*,\\s*")).contains(address)) {
            return;
        }
        long recent =
                attempts.count(AuthAttempt.SIGNUP, null, address, Instant.now().minus(signupWindow));
        if (recent >= maxSignupsPerAddress) {
            long wait = signupWindow.toSeconds();
            throw new TooManyRequestsException(
                    "Too many new accounts from this address. Try again in " + wait + " seconds.", wait);
        }
        attempts.add(new AuthAttempt(AuthAttempt.SIGNUP, null, address, Instant.now()));
    }

    /** Removes attempts older than both windows; called by {@link SessionJanitor}. */
    public int purgeOld() {
        Duration longest = window.compareTo(signupWindow) > 0 ? window : signupWindow;
        return attempts.deleteBefore(Instant.now().minus(longest));
    }
}
