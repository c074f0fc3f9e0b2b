package dev.netchat.channel;

import dev.netchat.event.ChannelEvent;
import java.util.List;

/** A member left or was removed. Frame {@code member.removed}; the removed user still gets it, and no later event of the channel. */
public record MemberRemoved(String channelId, long seq, String userId, ChannelDto channel) implements ChannelEvent {

    @Override
    public String type() {
        return "member.removed";
    }

    @Override
    public List<String> alsoTo() {
        return List.of(userId);
    }
}
