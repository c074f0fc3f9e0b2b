package dev.netchat.message;

import dev.netchat.event.ChannelEvent;

/** Its author changed a message's text. Frame {@code message.updated}. */
public record MessageEdited(String channelId, long seq, MessageDto message) implements ChannelEvent {

    @Override
    public String type() {
        return "message.updated";
    }
}
