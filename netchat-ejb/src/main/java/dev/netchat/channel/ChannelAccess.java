package dev.netchat.channel;

import dev.netchat.shared.NotAllowedException;
import dev.netchat.shared.NotFoundException;
import dev.netchat.user.Role;
import dev.netchat.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may do what in a channel, in one place every service asks: members read and post; the creator and admins
 * change settings and members; admins moderate channels they are not in. A channel the caller may not read is
 * "not found" (non-members may not learn that it exists).
 */
@ApplicationScoped
public class ChannelAccess {

    @Inject
    ChannelRepository channels;

    @Inject
    UserRepository users;

    /** The channel, if the user is a member; otherwise "not found". */
    public Channel readable(String userId, String channelId) {
        return channels.find(channelId)
                .filter(c -> channels.isMember(c.getId(), userId))
                .orElseThrow(() -> NotFoundException.channel());
    }

    /** The channel, locked for its next event, if the user is a member and so may post to it. */
    public Channel postable(String userId, String channelId) {
        return channels.findForUpdate(channelId)
                .filter(c -> channels.isMember(c.getId(), userId))
                .orElseThrow(() -> NotFoundException.channel());
    }

    /** The channel, locked for its next event, if the user may change its settings and members. */
    public Channel manageable(String userId, String channelId) {
        Channel channel = channels.findForUpdate(channelId)
                .filter(c -> channels.isMember(c.getId(), userId) || isAdmin(userId))
                .orElseThrow(() -> NotFoundException.channel());
        if (!canManage(userId, channel)) {
            throw new NotAllowedException(
                    NotAllowedException.Why.MANAGERS_ONLY, "Only the channel's creator or an admin may change it.");
        }
        return channel;
    }

    public boolean canManage(String userId, Channel channel) {
        return userId.equals(channel.getCreatedBy()) || isAdmin(userId);
    }

    public boolean isAdmin(String userId) {
        return users.find(userId)
                .map(u -> u.getRole() == Role.ADMIN && !u.isDisabled())
                .orElse(false);
    }
}
