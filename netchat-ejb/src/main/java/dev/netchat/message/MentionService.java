package dev.netchat.message;

import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.Mentions;
import dev.netchat.shared.NotFoundException;
import dev.netchat.user.UserAccount;
import dev.netchat.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's mentions: recent messages in its channels, replies included, that call on it by {@code @username},
 * {@code @channel} or {@code @here} (the rule of {@link Mentions}, the same one the sidebar's count and the web
 * client use), newest first. Its own messages never mention it.
 */
@Stateless
public class MentionService {

    /** Candidates read per round: the SQL LIKE finds look-alikes too ("@channels"), which the exact rule drops. */
    private static final int ROUND = 100;

    /** At most this many candidates are looked at for one page, so a flood of look-alikes cannot make it slow. */
    private static final int MAX_SCANNED = 2_000;

    @Inject
    MessageRepository messages;

    @Inject
    MessageViews views;

    @Inject
    UserRepository users;

    /** Up to {@code limit} (1–100, default 30) mentions created before {@code before} (null: the latest). */
    public List<MessageDto> mentions(String userId, Instant before, Integer limit) {
        int size = limit == null ? 30 : limit;
        if (size < 1 || size > 100) {
            throw InvalidInputException.of("limit", "limit must be between 1 and 100.");
        }
        String username = users.find(userId).map(UserAccount::getUsername).orElseThrow(() -> NotFoundException.user());
        List<Message> found = new ArrayList<>(size);
        for (int offset = 0; offset < MAX_SCANNED && found.size() < size; offset += ROUND) {
            List<Message> round = messages.mentionCandidates(userId, username, before, offset, ROUND);
            for (Message m : round) {
                if (found.size() < size && Mentions.addresses(m.getText(), username)) {
                    found.add(m);
                }
            }
            if (round.size() < ROUND) {
                break;
            }
        }
        return views.of(found, userId);
    }
}
