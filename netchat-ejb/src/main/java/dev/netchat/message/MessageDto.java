package dev.netchat.message;

import dev.netchat.file.AttachmentDto;
import dev.netchat.shared.Times;
import dev.netchat.user.AuthorDto;
import java.util.List;

/**
 * A message as clients see it (../shared/API.md). {@code pinned} is shared by all members (null: not pinned);
 * {@code saved} is the viewer's own bookmark, given in REST answers that list messages for a viewer and null in
 * events, which every member shares (a client keeps what it knew); {@code preview} is the card of its first link.
 */
public record MessageDto(
        String id,
        String channelId,
        long seq,
        AuthorDto user,
        String text,
        String createdAt,
        String updatedAt,
        boolean edited,
        boolean deleted,
        String parentId,
        int replyCount,
        List<ReactionDto> reactions,
        String clientMessageId,
        List<AttachmentDto> attachments,
        PinDto pinned,
        Boolean saved,
        PreviewDto preview) {

    static MessageDto of(Message m, AuthorDto author, List<ReactionDto> reactions) {
        return of(m, author, reactions, List.of());
    }

    static MessageDto of(Message m, AuthorDto author, List<ReactionDto> reactions, List<AttachmentDto> attachments) {
        return of(m, author, reactions, attachments, null, null);
    }

    static MessageDto of(
            Message m,
            AuthorDto author,
            List<ReactionDto> reactions,
            List<AttachmentDto> attachments,
            AuthorDto pinnedBy,
            Boolean saved) {
        PinDto pin = m.isPinned() ? new PinDto(pinnedBy, Times.iso(m.getPinnedAt())) : null;
        return new MessageDto(
                m.getId(),
                m.getChannelId(),
                m.getSeq(),
                author,
                m.getText(),
                Times.iso(m.getCreatedAt()),
                Times.iso(m.getUpdatedAt()),
                m.isEdited(),
                m.isDeleted(),
                m.getParentId(),
                m.getReplyCount(),
                reactions,
                m.getClientMessageId(),
                attachments,
                pin,
                saved,
                previewOf(m));
    }

    /** The message's preview with NetChat's own path to its picture, which changes when the picture does. */
    static PreviewDto previewOf(Message m) {
        return m.getPreview()
                .map(p -> new PreviewDto(
                        p.url(),
                        p.title(),
                        p.description(),
                        p.siteName(),
                        p.imageUrl() == null
                                ? null
                                : "/api/messages/" + m.getId() + "/preview/image?v="
                                        + Integer.toHexString(p.imageUrl().hashCode())))
                .orElse(null);
    }

    /** The same message as one viewer sees it: {@code me} set on the reactions that viewer made. */
    public MessageDto forViewer(String viewerId) {
        return copy(
                reactions.stream()
                        .map(r ->
                                new ReactionDto(r.type(), r.count(), r.userIds().contains(viewerId), r.userIds()))
                        .toList(),
                saved);
    }

    /** The same message with the viewer's own saved mark (which events, shared by all members, leave null). */
    public MessageDto withSaved(boolean isSaved) {
        return copy(reactions, isSaved);
    }

    private MessageDto copy(List<ReactionDto> withReactions, Boolean withSaved) {
        return new MessageDto(
                id,
                channelId,
                seq,
                user,
                text,
                createdAt,
                updatedAt,
                edited,
                deleted,
                parentId,
                replyCount,
                withReactions,
                clientMessageId,
                attachments,
                pinned,
                withSaved,
                preview);
    }

    /**
     * Reactions of one type. {@code me} is the caller's own; in events, which every member shares, it is false
     * and {@code userIds} lets each client work out its own.
     */
    public record ReactionDto(String type, int count, boolean me, List<String> userIds) {}

    /** The message is pinned to its conversation: by whom (null once that account is gone) and when. */
    public record PinDto(AuthorDto by, String at) {}
}
