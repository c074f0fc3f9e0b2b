package dev.netchat.message;

import dev.netchat.event.ChannelEvent;

/** A message was deleted (the tombstone travels). Frame {@code message.deleted}. */
public record MessageDeleted(String channelId, long seq, MessageDto message) implements ChannelEvent {

    @Override
    public String type() {
        return "message.deleted";
    }
}
