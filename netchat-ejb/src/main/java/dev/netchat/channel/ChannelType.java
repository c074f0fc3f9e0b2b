package dev.netchat.channel;

import java.util.Arrays;
import java.util.Optional;

/** team: named, public unless private. messaging: a direct or group conversation between listed members. */
public enum ChannelType {
    TEAM,
    MESSAGING;

    public String wire() {
        return name().toLowerCase();
    }

    public static Optional<ChannelType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(value)).findFirst();
    }
}
