package dev.netchat.channel;

import dev.netchat.shared.Times;
import dev.netchat.user.UserDto;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * A channel as clients see it. {@code unreadCount} and {@code lastReadSeq} are the caller's own (null inside
 * events, which all members share); {@code mentionCount}, also the caller's own, in the caller's channel list
 * and in one channel as its caller asks for it: how many of the unread messages mention {@code @username}; {@code members} when one channel is asked
 * for, and in lists for conversations (whose names are their members). {@code direct}: a conversation between
 * exactly two people that can never get more members (a group of two is not direct). {@code isDefault}: the
 * public channel every new account joins. {@code notificationLevel} (all, mentions, off; null = the caller's own
 * level) and {@code muted} are the caller's own settings for the channel (null inside events).
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
        List<UserDto> members,
        boolean direct,
        @JsonbProperty("default") boolean isDefault,
        String notificationLevel,
        Boolean muted) {

    public static ChannelDto of(Channel c, Long unreadCount, List<UserDto> members) {
        return of(c, unreadCount, null, members);
    }

    public static ChannelDto of(Channel c, Long unreadCount, Long lastReadSeq, List<UserDto> members) {
        return of(c, unreadCount, null, lastReadSeq, members);
    }

    public static ChannelDto of(
            Channel c, Long unreadCount, Long mentionCount, Long lastReadSeq, List<UserDto> members) {
        return new ChannelDto(
                c.getId(),
                c.getType().wire(),
                c.getName(),
                c.getDescription(),
                c.isPrivate(),
                c.getCreatedBy(),
                Times.iso(c.getCreatedAt()),
                Times.iso(c.getUpdatedAt()),
                c.getMemberCount(),
                c.getLastSeq(),
                Times.iso(c.getLastMessageAt()),
                unreadCount,
                mentionCount,
                lastReadSeq,
                members,
                c.isDirect(),
                c.isDefaultChannel(),
                null,
                null);
    }

    /** The same channel with the caller's own notification settings for it. */
    public ChannelDto withSettingsOf(ChannelMember member) {
        if (member == null) {
            return this;
        }
        return new ChannelDto(
                id,
                type,
                name,
                description,
                isPrivate,
                createdBy,
                createdAt,
                updatedAt,
                memberCount,
                lastSeq,
                lastMessageAt,
                unreadCount,
                mentionCount,
                lastReadSeq,
                members,
                direct,
                isDefault,
                member.getNotifyLevel() == null ? null : member.getNotifyLevel().wire(),
                member.isMuted());
    }
}
