package dev.netchat.channel;

import dev.netchat.event.ChannelEvent;

/** A user became a member of a channel. Frame {@code member.added}. */
public record MemberAdded(String channelId, long seq, String userId, ChannelDto channel) implements ChannelEvent {

    @Override
    public String type() {
        return "member.added";
    }
}
