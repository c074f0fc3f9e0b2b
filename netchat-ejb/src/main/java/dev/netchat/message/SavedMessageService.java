package dev.netchat.message;

import dev.netchat.channel.ChannelRepository;
import dev.netchat.event.RealtimeBus;
import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.NotFoundException;
import dev.netchat.shared.Times;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Saved messages ("save for later"): a private list per person of messages it may read. Leaving a channel hides
 * its saved messages from the list (they come back on rejoining); a deleted message leaves the list.
 */
@Stateless
public class SavedMessageService {

    @Inject
    MessageRepository messages;

    @Inject
    ChannelRepository channels;

    @Inject
    MessageViews views;

    @Inject
    RealtimeBus bus;

    /** A saved message and when it was saved. */
    public record SavedItemDto(String savedAt, MessageDto message) {}

    /** Saves the message (a member's readable, not deleted) or takes it off the list; idempotent both ways. */
    public MessageDto setSaved(String userId, String messageId, boolean save) {
        Message message = messages.find(messageId)
                .filter(m -> channels.isMember(m.getChannelId(), userId))
                .orElseThrow(() -> NotFoundException.message());
        // Two saves at once (a double click, two tabs) must both answer 200 with one row: the second waits here
        // for the first to commit and then finds its row. The channel's lock is the one at hand; held briefly.
        channels.findForUpdate(message.getChannelId()).orElseThrow();
        var existing = messages.saved(userId, messageId);
        if (save && message.isDeleted()) {
            throw NotFoundException.deletedMessage();
        }
        if (save != existing.isPresent()) {
            if (save) {
                messages.add(new SavedMessage(userId, messageId, Instant.now()));
            } else {
                messages.remove(existing.get());
            }
            // The person's other tabs and devices follow; the one that asked knows from the answer.
            bus.toUsers(new SavedChanged(userId, message.getChannelId(), messageId, save), List.of(userId), null);
        }
        return views.of(List.of(message), userId).get(0).withSaved(save);
    }

    /** Up to {@code limit} (1–100, default 30) saved messages, most recently saved first, saved before {@code before}. */
    public List<SavedItemDto> saved(String userId, Instant before, Integer limit) {
        int size = limit == null ? 30 : limit;
        if (size < 1 || size > 100) {
            throw InvalidInputException.of("limit", "limit must be between 1 and 100.");
        }
        List<SavedMessage> marks = messages.savedBy(userId, before, size);
        Map<String, MessageDto> byId =
                views
                        .of(
                                messages.findAll(marks.stream()
                                        .map(SavedMessage::getMessageId)
                                        .toList()),
                                userId)
                        .stream()
                        .collect(Collectors.toMap(MessageDto::id, Function.identity()));
        return marks.stream()
                .filter(s -> byId.containsKey(s.getMessageId()))
                .map(s -> new SavedItemDto(Times.iso(s.getSavedAt()), byId.get(s.getMessageId())))
                .toList();
    }
}
