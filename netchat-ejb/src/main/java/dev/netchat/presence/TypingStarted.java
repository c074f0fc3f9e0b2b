package dev.netchat.presence;

import dev.netchat.event.RealtimeEvent;

/** A member started typing in a channel. Frame {@code typing.start}, to the channel's other members. */
public record TypingStarted(String channelId, String userId) implements RealtimeEvent {

    @Override
    public String type() {
        return "typing.start";
    }
}
