package dev.netchat.message;

import dev.netchat.channel.Channel;
import dev.netchat.channel.ChannelAccess;
import dev.netchat.channel.ChannelRepository;
import dev.netchat.event.ChannelEventLog;
import dev.netchat.shared.ConflictException;
import dev.netchat.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Pinned messages: any member may pin a message of the conversation for everyone to find in its header, and
 * any member may unpin one (as in Slack). A pin is a channel event like an edit, under the channel's lock.
 */
@Stateless
public class PinService {

    /** Pins per conversation: the header's list stays a short list of what matters (Slack's limit too). */
    public static final int MAX_PINS = 100;

    @Inject
    MessageRepository messages;

    @Inject
    ChannelRepository channels;

    @Inject
    ChannelAccess access;

    @Inject
    ChannelEventLog events;

    @Inject
    MessageViews views;

    /** Pins ({@code pin}) or unpins the message; asking for what already is changes nothing and sends no event. */
    public MessageDto setPinned(String userId, String messageId, boolean pin) {
        Message message = messages.find(messageId)
                .filter(m -> channels.isMember(m.getChannelId(), userId))
                .orElseThrow(() -> NotFoundException.message());
        Channel channel = channels.findForUpdate(message.getChannelId()).orElseThrow();
        // Read again under the lock every change of the message takes: a pin, unpin or delete that committed
        // while this one waited is seen, so two pins at once make one event, and a deleted message stays unpinned.
        messages.refresh(message);
        if (message.isDeleted()) {
            throw NotFoundException.deletedMessage();
        }
        if (message.isPinned() != pin) {
            if (pin) {
                if (messages.pinnedCount(channel.getId()) >= MAX_PINS) {
                    throw new ConflictException(
                            "pinned", "A conversation has at most " + MAX_PINS + " pinned messages: unpin one first.");
                }
                message.pin(userId, Instant.now());
            } else {
                message.unpin();
            }
            MessageDto changed = views.of(List.of(message), null).get(0);
            events.append(new MessagePinChanged(channel.getId(), channel.nextSeq(), changed));
        }
        return views.of(List.of(message), userId).get(0);
    }

    /** The conversation's pinned messages, most recently pinned first; members only. */
    public List<MessageDto> pinned(String userId, String channelId) {
        access.readable(userId, channelId);
        return views.of(messages.pinned(channelId, MAX_PINS), userId);
    }
}
