package dev.netchat.message;

import dev.netchat.event.ChannelEvent;

/** A user reacted to a message. Frame {@code reaction.new}. */
public record ReactionAdded(String channelId, long seq, MessageDto message, ReactionChange reaction)
        implements ChannelEvent {

    @Override
    public String type() {
        return "reaction.new";
    }
}
