package dev.netchat.message;

import dev.netchat.event.ChannelEvent;

/** A message was posted (a thread reply too). Frame {@code message.new}. */
public record MessagePosted(String channelId, long seq, MessageDto message) implements ChannelEvent {

    @Override
    public String type() {
        return "message.new";
    }
}
