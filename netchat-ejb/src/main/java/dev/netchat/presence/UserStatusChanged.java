package dev.netchat.presence;

import dev.netchat.event.RealtimeEvent;
import dev.netchat.user.UserStatus;

/**
 * A user's custom status changed. Frame {@code user.status.changed} with {@code user: {id, status}} (status null
 * once cleared), to the user's own sockets and, like presence, to co-members of its small channels.
 */
public record UserStatusChanged(StatusOf user) implements RealtimeEvent {

    /** The status part of a user. */
    public record StatusOf(String id, UserStatus status) {}

    @Override
    public String type() {
        return "user.status.changed";
    }
}
