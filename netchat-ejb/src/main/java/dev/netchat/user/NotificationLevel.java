package dev.netchat.user;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which new messages notify a user (desktop notification or SMS): a user's own level, or a channel's level that
 * overrides it for that user.
 */
public enum NotificationLevel {
    /** Nothing. */
    OFF,
    /** Direct and group conversations, and mentions of {@code @username} (the default). */
    MENTIONS,
    /** Every message. */
    ALL;

    public String wire() {
        return name().toLowerCase();
    }

    public static Optional<NotificationLevel> fromWire(String value) {
        return Arrays.stream(values()).filter(v -> v.wire().equals(value)).findFirst();
    }

    /** Whether a message with these traits notifies at this level. */
    public boolean notifies(boolean conversation, boolean mentioned) {
        return this == ALL || (this == MENTIONS && (conversation || mentioned));
    }
}
