package dev.netchat.outbox;

import java.util.Map;

/**
 * The order of Twilio's message statuses (accepted, queued, sending, sent, then a final one), so that a callback
 * that arrives late never moves a message back: {@code delivered} followed by a late {@code sent} stays
 * {@code delivered}. Twilio documents that status callbacks may arrive out of order.
 */
public final class DeliveryStatus {

    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("accepted", 1),
            Map.entry("scheduled", 1),
            Map.entry("queued", 2),
            Map.entry("sending", 3),
            Map.entry("sent", 4),
            // Final: nothing but "read" (delivered, then opened) comes after them.
            Map.entry("delivered", 5),
            Map.entry("undelivered", 5),
            Map.entry("failed", 5),
            Map.entry("canceled", 5),
            Map.entry("read", 6));

    private DeliveryStatus() {}

    /** Whether {@code next} may replace {@code current} (null: nothing recorded yet; unknown statuses rank lowest). */
    public static boolean supersedes(String next, String current) {
        if (current == null) {
            return true;
        }
        int now = RANK.getOrDefault(current, 0);
        int later = RANK.getOrDefault(next, 0);
        if (now == 5 && later == 5) {
            return false; // one final state never becomes another
        }
        return later >= now;
    }
}
