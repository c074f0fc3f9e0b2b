package dev.netchat.event;

import java.util.List;

/**
 * What the bus carries: a frame (encoded once) and who on each node gets it. Routing only; the frame is opaque.
 *
 * @param kind            how a node hands it out
 * @param frame           the frame (CHANNEL, USERS, PRESENCE); empty for the other kinds
 * @param channelId       CHANNEL: the channel (ordered by seq per channel on every node)
 * @param seq             CHANNEL: the event's seq
 * @param recipients      CHANNEL, USERS, PRESENCE: the users whose sockets get the frame
 * @param exceptSessionId USERS: that sign-in session's sockets are skipped (the one that caused it), or null
 * @param userId          PRESENCE: whose presence; SESSIONS_ENDED, ACCOUNT_CHANGED: whose account
 * @param sessionId       SESSIONS_ENDED: only that session, or null for every session but keepSessionId
 * @param keepSessionId   SESSIONS_ENDED: the session that stays, or null
 * @param reason          SESSIONS_ENDED: why (in the close reason)
 */
public record Delivery(
        Kind kind,
        String frame,
        String channelId,
        long seq,
        List<String> recipients,
        String exceptSessionId,
        String userId,
        String sessionId,
        String keepSessionId,
        String reason) {

    public enum Kind {
        CHANNEL,
        USERS,
        PRESENCE,
        SESSIONS_ENDED,
        ACCOUNT_CHANGED
    }

    public static Delivery channel(ChannelEvent event, String frame, List<String> recipients) {
        return new Delivery(
                Kind.CHANNEL, frame, event.channelId(), event.seq(), recipients, null, null, null, null, null);
    }

    public static Delivery users(String frame, List<String> recipients, String exceptSessionId) {
        return new Delivery(Kind.USERS, frame, null, 0, recipients, exceptSessionId, null, null, null, null);
    }

    public static Delivery presence(String userId, String frame, List<String> recipients) {
        return new Delivery(Kind.PRESENCE, frame, null, 0, recipients, null, userId, null, null, null);
    }

    public static Delivery sessionsEnded(SessionsEnded e) {
        return new Delivery(
                Kind.SESSIONS_ENDED,
                "",
                null,
                0,
                List.of(),
                null,
                e.userId(),
                e.sessionId(),
                e.keepSessionId(),
                e.reason());
    }

    public static Delivery accountChanged(String userId) {
        return new Delivery(Kind.ACCOUNT_CHANGED, "", null, 0, List.of(), null, userId, null, null, null);
    }
}
