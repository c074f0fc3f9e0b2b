package dev.netchat.admin;

/**
 * The server console's view of NetChat's users (JMX name {@code netchat:type=Users}). Every operation takes a
 * user by username (or id) and answers a sentence: what it did, or why it did nothing.
 */
public interface UsersMBean {

    long getUserCount();

    int getOnlineUsers();

    int getOpenSockets();

    String findUsers(String query);

    String showUser(String username);

    String disable(String username);

    String enable(String username);

    String grantAdmin(String username);

    String revokeAdmin(String username);

    /** Answers a one-time password that the user must change at the next sign-in. */
    String resetPassword(String username);

    String endSessions(String username);

    String deleteUser(String username);

    /** The outbox entries (SMS, Stream) that failed for good, newest first, with why. */
    String listFailedOutboxEntries();

    /** Sends one failed outbox entry again, by its number (see {@link #listFailedOutboxEntries()}). */
    String resendOutboxEntry(long id);

    /** Sends every failed outbox entry again (once the cause, e.g. a bad key or an outage, is fixed). */
    String resendAllFailedOutboxEntries();
}
