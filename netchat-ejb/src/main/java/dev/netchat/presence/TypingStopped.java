package dev.netchat.presence;

import dev.netchat.event.RealtimeEvent;

/** A member stopped typing in a channel. Frame {@code typing.stop}, to the channel's other members. */
public record TypingStopped(String channelId, String userId) implements RealtimeEvent {

    @Override
    public String type() {
        return "typing.stop";
    }
}
