package dev.netchat.message;

import dev.netchat.event.RealtimeEvent;

/**
 * The user saved a message or took it off its saved list. Frame {@code saved.updated}, to every socket of that
 * user only (its other tabs and devices), never to other members.
 */
public record SavedChanged(String userId, String channelId, String messageId, boolean saved) implements RealtimeEvent {

    @Override
    public String type() {
        return "saved.updated";
    }
}
