package dev.netchat.presence;

import dev.netchat.event.RealtimeEvent;

/**
 * A user came online (first socket on any node) or went offline (last socket anywhere closed). Frame
 * {@code user.presence.changed} with {@code user: {id, online, lastActive}}, to co-members of small channels.
 */
public record PresenceChanged(Presence user) implements RealtimeEvent {

    /** The presence part of a user. */
    public record Presence(String id, boolean online, String lastActive) {}

    @Override
    public String type() {
        return "user.presence.changed";
    }
}
