package dev.netchat.channel;

import dev.netchat.shared.Times;
import dev.netchat.user.UserView;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * A channel as clients see it. {@code unreadCount} and {@code lastReadSeq} are the caller's own (null inside
 * events, which all members share); {@code mentionCount}, also the caller's own, only in the caller's channel
 * list: how many of the unread messages mention {@code @username}; {@code members} when one channel is asked
 * for, and in lists for conversations (whose names are their members).
 */
public record ChannelDto(
        String id,
        String type,
        String name,
        String description,
        @JsonbProperty("private") boolean isPrivate,
        String createdBy,
        String createdAt,
        String updatedAt,
        int memberCount,
        long lastSeq,
        String lastMessageAt,
        Long unreadCount,
        Long mentionCount,
        Long lastReadSeq,
        List<UserView> members) {

    public static ChannelDto of(Channel c, Long unreadCount, List<UserView> members) {
        return of(c, unreadCount, null, members);
    }

    public static ChannelDto of(Channel c, Long unreadCount, Long lastReadSeq, List<UserView> members) {
        return of(c, unreadCount, null, lastReadSeq, members);
    }

    public static ChannelDto of(Channel c, Long unreadCount, Long mentionCount, Long lastReadSeq, List<UserView> members) {
        return new ChannelDto(c.getId(), c.getType().wire(), c.getName(), c.getDescription(), c.isPrivate(), c.getCreatedBy(),
                Times.iso(c.getCreatedAt()), Times.iso(c.getUpdatedAt()), c.getMemberCount(), c.getLastSeq(),
                Times.iso(c.getLastMessageAt()), unreadCount, mentionCount, lastReadSeq, members);
    }
}
