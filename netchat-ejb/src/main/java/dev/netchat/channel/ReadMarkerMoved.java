package dev.netchat.channel;

import dev.netchat.event.RealtimeEvent;

/** A member's read position in a channel moved forward. Frame {@code read.updated}, to that member's other sockets. */
public record ReadMarkerMoved(String channelId, String userId, long seq) implements RealtimeEvent {

    @Override
    public String type() {
        return "read.updated";
    }
}
