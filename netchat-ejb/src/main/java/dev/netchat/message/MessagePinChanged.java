package dev.netchat.message;

import dev.netchat.event.ChannelEvent;

/**
 * A member pinned or unpinned a message; {@code message.pinned} says which. Frame {@code message.updated}, like
 * every change to a message that clients replace in place (the Stream bridge observes only {@link MessageEdited}).
 */
public record MessagePinChanged(String channelId, long seq, MessageDto message) implements ChannelEvent {

    @Override
    public String type() {
        return "message.updated";
    }
}
