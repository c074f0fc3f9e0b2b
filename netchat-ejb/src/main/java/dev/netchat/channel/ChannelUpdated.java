package dev.netchat.channel;

import dev.netchat.event.ChannelEvent;

/** A channel's name, description or privacy changed. Frame {@code channel.updated}. */
public record ChannelUpdated(String channelId, long seq, ChannelDto channel) implements ChannelEvent {

    @Override
    public String type() {
        return "channel.updated";
    }
}
