package dev.netchat.message;

import dev.netchat.event.ChannelEvent;

/** A thread got a reply: its parent message's reply count changed. Frame {@code message.updated}. */
public record ReplyCountChanged(String channelId, long seq, MessageDto message) implements ChannelEvent {

    @Override
    public String type() {
        return "message.updated";
    }
}
