package dev.netchat.message;

import dev.netchat.event.ChannelEvent;

/** A user took a reaction back. Frame {@code reaction.deleted}. */
public record ReactionRemoved(String channelId, long seq, MessageDto message, ReactionChange reaction)
        implements ChannelEvent {

    @Override
    public String type() {
        return "reaction.deleted";
    }
}
