package dev.netchat.message;

import dev.netchat.file.AttachmentDto;
import dev.netchat.file.FileService;
import dev.netchat.message.MessageDto.ReactionDto;
import dev.netchat.user.AuthorDto;
import dev.netchat.user.UserAccount;
import dev.netchat.user.UserRepository;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Messages as the API shows them, with their authors, reactions and attachments: two queries in all (plus the
 * attachments'), none per message. Shared by the message use cases so that every list looks the same.
 */
@ApplicationScoped
class MessageViews {

    @Inject
    MessageRepository messages;

    @Inject
    UserRepository users;

    @EJB
    FileService files;

    /**
     * The view of a message written in the caller's transaction, without a query: it has no reactions yet and
     * carries the files just attached to it (in the order {@link FileService#attachmentsOf} gives them later).
     */
    MessageDto ofNew(Message m, UserAccount author, List<AttachmentDto> attachments) {
        return MessageDto.of(m, AuthorDto.of(author), List.of(), attachments);
    }

    /** Views for a viewer ({@code me} set on its reactions), or as every member sees them when viewerId is null. */
    List<MessageDto> of(List<Message> rows, String viewerId) {
        Set<String> authorIds = rows.stream()
                .flatMap(m -> Stream.of(m.getUserId(), m.getPinnedBy()))
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, UserAccount> authors = users.findAll(authorIds);
        // The viewer's own bookmarks; events, shared by all members, carry none (null).
        Set<String> saved = viewerId == null
                ? null
                : messages.savedAmong(
                        viewerId, rows.stream().map(Message::getId).toList());
        Map<String, List<Reaction>> byMessage = messages
                .reactions(rows.stream().map(Message::getId).toList())
                .stream()
                .collect(Collectors.groupingBy(Reaction::getMessageId));
        Map<String, List<AttachmentDto>> attachments =
                files.attachmentsOf(rows.stream().map(Message::getId).toList());
        List<MessageDto> out = new ArrayList<>(rows.size());
        for (Message m : rows) {
            Map<String, List<String>> byType = new LinkedHashMap<>();
            for (Reaction r : byMessage.getOrDefault(m.getId(), List.of())) {
                byType.computeIfAbsent(r.getType(), t -> new ArrayList<>()).add(r.getUserId());
            }
            List<ReactionDto> reactions = byType.entrySet().stream()
                    .map(e -> new ReactionDto(
                            e.getKey(),
                            e.getValue().size(),
                            viewerId != null && e.getValue().contains(viewerId),
                            e.getValue()))
                    .toList();
            out.add(MessageDto.of(
                    m,
                    author(authors, m.getUserId()),
                    reactions,
                    attachments.getOrDefault(m.getId(), List.of()),
                    author(authors, m.getPinnedBy()),
                    saved == null ? null : saved.contains(m.getId())));
        }
        return out;
    }

    private static AuthorDto author(Map<String, UserAccount> accounts, String userId) {
        return AuthorDto.of(userId == null ? null : accounts.get(userId));
    }
}
