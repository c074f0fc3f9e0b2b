package dev.netchat.channel;

import dev.netchat.event.RealtimeEvent;

/** A member's read position in a channel moved (forward on read, back on "mark as unread"). Frame {@code read.updated}, to every socket of that member. */
public record ReadMarkerMoved(String channelId, String userId, long seq) implements RealtimeEvent {

    @Override
    public String type() {
        return "read.updated";
    }
}
