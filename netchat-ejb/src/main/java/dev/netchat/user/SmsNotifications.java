package dev.netchat.user;

import java.util.Arrays;
import java.util.Optional;

/** When a user without an open NetChat window wants an SMS. */
public enum SmsNotifications {
    /** Never. */
    OFF,
    /** For direct messages and mentions only (the default). */
    MENTIONS,
    /** For every message in the user's channels. */
    ALL;

    public String wire() {
        return name().toLowerCase();
    }

    public static Optional<SmsNotifications> fromWire(String value) {
        return Arrays.stream(values()).filter(v -> v.wire().equals(value)).findFirst();
    }
}
