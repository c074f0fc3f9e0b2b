package dev.netchat.message;

import dev.netchat.channel.Channel;
import dev.netchat.channel.ChannelAccess;
import dev.netchat.channel.ChannelRepository;
import dev.netchat.event.ChannelEventLog;
import dev.netchat.file.AttachmentDto;
import dev.netchat.file.FileService;
import dev.netchat.shared.ConflictException;
import dev.netchat.shared.FieldError;
import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.Links;
import dev.netchat.shared.Mentions;
import dev.netchat.shared.NotAllowedException;
import dev.netchat.shared.NotFoundException;
import dev.netchat.user.UserAccount;
import dev.netchat.user.UserRepository;
import dev.netchat.user.UserRules;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Message use cases. Every change takes the channel row's lock, takes the next seq, stores the change and
 * its event in one transaction; the event reaches sockets only after commit.
 */
@Stateless
public class MessageService {

    @Inject
    MessageRepository messages;

    @Inject
    ChannelRepository channels;

    @Inject
    ChannelAccess access;

    @Inject
    UserRepository users;

    @Inject
    ChannelEventLog events;

    @EJB
    FileService files;

    @Inject
    MessageViews messageViews;

    @Inject
    Event<LinkPreviewWanted> previewsWanted;

    @Inject
    dev.netchat.file.PreviewImages previewImages;

    @Inject
    @ConfigProperty(name = "netchat.chat.max-text-length", defaultValue = "4000")
    int maxTextLength;

    @Inject
    @ConfigProperty(name = "netchat.chat.page-size-max", defaultValue = "200")
    int pageSizeMax;

    public PostedMessage post(String userId, String channelId, String text, String clientMessageId, String parentId) {
        return post(userId, channelId, text, clientMessageId, parentId, List.of(), true);
    }

    /**
     * Posts a message with files uploaded to the channel before; with files, the text may be empty. With
     * {@code linkPreview} false the message never gets a link preview, not even after edits.
     */
    public PostedMessage post(
            String userId,
            String channelId,
            String text,
            String clientMessageId,
            String parentId,
            List<String> attachmentIds,
            boolean linkPreview) {
        boolean withFiles = attachmentIds != null && !attachmentIds.isEmpty();
        if (withFiles && (text == null || text.isBlank())) {
            text = "";
        }
        List<FieldError> errors = new ArrayList<>();
        addIfPresent(errors, withFiles && text.isEmpty() ? null : checkText(text));
        if (!MessageRules.validClientMessageId(clientMessageId)) {
            errors.add(new FieldError(
                    "clientMessageId", "clientMessageId must be 1 to 64 characters of A-Z a-z 0-9 . _ : -"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // Loaded before the channel lock is taken, so that the view below needs no query while others wait for it.
        UserAccount author = users.find(userId).orElse(null);
        Channel channel = access.postable(userId, channelId);
        // Checked under the channel lock: a retry racing its original waits for it and then finds it.
        var earlier = messages.findByClientId(userId, clientMessageId);
        if (earlier.isPresent()) {
            if (!earlier.get().getChannelId().equals(channelId)) {
                throw new ConflictException("clientMessageId", "This clientMessageId was used for another channel.");
            }
            return new PostedMessage(view(earlier.get(), userId), false);
        }
        checkBroadcast(userId, channel, text);
        Message parent = null;
        if (parentId != null) {
            parent = messages.find(parentId)
                    .filter(p -> p.getChannelId().equals(channelId) && p.getParentId() == null && !p.isDeleted())
                    .orElseThrow(() -> InvalidInputException.of(
                            "parentId", "parentId must be a message of this channel that is not a reply."));
        }
        Instant now = Instant.now();
        long seq = channel.nextSeq();
        Message message = new Message(channelId, seq, userId, text, parentId, clientMessageId, now);
        if (!linkPreview) {
            message.refuseLinkPreview();
        }
        messages.add(message);
        List<AttachmentDto> attached = files.attach(userId, channelId, message.getId(), attachmentIds);
        channel.setLastMessageAt(now);
        channels.member(channelId, userId).ifPresent(m -> m.readUpTo(seq));
        // Built from what this transaction holds (a new message has no reactions, its files were just attached):
        // the channel stays locked until commit, and every query here would make the channel's next post wait.
        MessageDto posted = messageViews.ofNew(message, author, attached);
        events.append(new MessagePosted(channelId, seq, posted));
        if (parent != null) {
            parent.addReply();
            events.append(new ReplyCountChanged(channelId, channel.nextSeq(), shared(parent)));
        }
        wantPreview(message);
        // A message this moment old is nobody's saved item yet.
        return new PostedMessage(posted.forViewer(userId).withSaved(false), true);
    }

    public MessagePageDto history(String userId, String channelId, Long before, Long after, Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > pageSizeMax) {
            throw InvalidInputException.of("limit", "limit must be between 1 and " + pageSizeMax + ".");
        }
        if (before != null && after != null) {
            throw InvalidInputException.of("before", "Give before or after, not both.");
        }
        access.readable(userId, channelId);
        List<Message> rows = messages.page(channelId, before, after, size);
        boolean hasMore = rows.size() > size;
        if (hasMore) {
            // The extra row lies beyond the page: the oldest when paging back, the newest when paging forward.
            rows = after != null ? rows.subList(0, size) : rows.subList(1, rows.size());
        }
        return new MessagePageDto(views(rows, userId), hasMore);
    }

    public List<MessageDto> replies(String userId, String messageId) {
        Message parent = readableMessage(userId, messageId);
        return views(messages.replies(parent.getId(), 1000), userId);
    }

    public MessageDto edit(String userId, String messageId, String text) {
        addIfPresentAndThrow(checkText(text));
        Message message = readableMessage(userId, messageId);
        if (!userId.equals(message.getUserId())) {
            throw new NotAllowedException(NotAllowedException.Why.AUTHOR_ONLY, "Only its author may edit a message.");
        }
        if (message.isDeleted()) {
            throw NotFoundException.deletedMessage();
        }
        Channel channel = channels.findForUpdate(message.getChannelId()).orElseThrow();
        checkBroadcast(userId, channel, text);
        message.edit(text, Instant.now());
        // A card for a link the text no longer has first would describe something else: it goes with this edit.
        if (message.getPreview().isPresent()
                && !Links.first(text).equals(message.getPreview().map(LinkPreview::url))) {
            message.clearPreview();
        }
        wantPreview(message);
        MessageDto edited = shared(message);
        events.append(new MessageEdited(channel.getId(), channel.nextSeq(), edited));
        return forCaller(edited, userId);
    }

    /**
     * After commit (the observer runs then), a preview of the message's first link is fetched off the request
     * thread, outside the channel lock, and given to {@link #showPreview}.
     */
    private void wantPreview(Message message) {
        if (!message.wantsLinkPreview()) {
            return;
        }
        Links.first(message.getText())
                .filter(url ->
                        message.getPreview().map(p -> !p.url().equals(url)).orElse(true))
                .ifPresent(url ->
                        previewsWanted.fire(new LinkPreviewWanted(message.getId(), message.getChannelId(), url)));
    }

    /**
     * Shows a fetched preview on the message and announces it ({@code message.updated}), unless the message has
     * changed meanwhile: deleted, its first link edited away, or its author removed the preview. Called by the
     * preview fetcher in a transaction of its own, never while it fetches.
     */
    public void showPreview(String messageId, String channelId, LinkPreview preview) {
        Channel channel = channels.findForUpdate(channelId).orElse(null);
        // Read after taking the lock that every change of the message takes: what it says now is final until commit.
        Message message = messages.find(messageId).orElse(null);
        if (channel == null
                || message == null
                || message.isDeleted()
                || !message.wantsLinkPreview()
                || !Links.first(message.getText()).equals(Optional.of(preview.url()))
                || message.getPreview().equals(Optional.of(preview))) {
            return;
        }
        message.showPreview(preview);
        events.append(new MessagePreviewChanged(channelId, channel.nextSeq(), shared(message)));
    }

    /**
     * The author removes a message's link preview; none is fetched for it again, whatever later edits say.
     * Idempotent: removing what is not there announces nothing.
     */
    public MessageDto removePreview(String userId, String messageId) {
        Message message = readableMessage(userId, messageId);
        if (!userId.equals(message.getUserId())) {
            throw new NotAllowedException(
                    NotAllowedException.Why.AUTHOR_ONLY, "Only its author may remove a message's link preview.");
        }
        if (message.isDeleted()) {
            throw NotFoundException.deletedMessage();
        }
        Channel channel = channels.findForUpdate(message.getChannelId()).orElseThrow();
        boolean shown = message.getPreview().isPresent();
        message.refuseLinkPreview();
        MessageDto changed = shared(message);
        if (shown) {
            events.append(new MessagePreviewChanged(channel.getId(), channel.nextSeq(), changed));
        }
        return forCaller(changed, userId);
    }

    /**
     * The picture of a message's link preview, fetched by NetChat from the page's host and re-encoded (members of
     * the channel only); 404 when there is none or it cannot be fetched safely. No transaction: the fetch may take
     * seconds and holds no database connection meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public byte[] previewImage(String userId, String messageId) {
        String imageUrl = readableMessage(userId, messageId)
                .getPreview()
                .map(LinkPreview::imageUrl)
                .orElseThrow(() -> NotFoundException.picture("This message's preview has no picture."));
        return previewImages
                .fetch(imageUrl)
                .picture()
                .orElseThrow(() -> NotFoundException.picture("This preview's picture cannot be fetched."));
    }

    public void delete(String userId, String messageId) {
        // Admins moderate channels they are not in, too.
        Message message = access.isAdmin(userId)
                ? messages.find(messageId).orElseThrow(() -> NotFoundException.message())
                : readableMessage(userId, messageId);
        Channel channel = channels.findForUpdate(message.getChannelId()).orElseThrow();
        if (!userId.equals(message.getUserId()) && !access.canManage(userId, channel)) {
            throw new NotAllowedException(
                    NotAllowedException.Why.AUTHOR_OR_MANAGERS,
                    "Only the author, the channel's creator or an admin may delete a message.");
        }
        if (message.isDeleted()) {
            return;
        }
        message.delete(Instant.now());
        files.removeForMessage(message.getId());
        events.append(new MessageDeleted(channel.getId(), channel.nextSeq(), shared(message)));
    }

    public MessageDto react(String userId, String messageId, String type, boolean add) {
        if (!MessageRules.validReaction(type)) {
            throw InvalidInputException.of("type", "A reaction is 1 to 32 of a-z 0-9 _ + -");
        }
        Message message = readableMessage(userId, messageId);
        if (message.isDeleted()) {
            throw NotFoundException.deletedMessage();
        }
        Channel channel = channels.findForUpdate(message.getChannelId()).orElseThrow();
        var existing = messages.reaction(messageId, userId, type);
        if (add == existing.isPresent()) {
            // Already as asked: idempotent, no event.
            return view(message, userId);
        }
        if (add) {
            messages.add(new Reaction(messageId, userId, type, Instant.now()));
        } else {
            messages.remove(existing.get());
        }
        MessageDto reacted = shared(message);
        ReactionChange change = new ReactionChange(type, userId);
        events.append(
                add
                        ? new ReactionAdded(channel.getId(), channel.nextSeq(), reacted, change)
                        : new ReactionRemoved(channel.getId(), channel.nextSeq(), reacted, change));
        return forCaller(reacted, userId);
    }

    /**
     * A search over the channels the caller is a member of, with the filters of {@link SearchQuery}. A filter
     * naming a channel or person the caller cannot see matches nothing (it is not an error: the box is free text).
     */
    public SearchResult search(String userId, String rawQuery, String channelId, Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > 100) {
            throw InvalidInputException.of("limit", "limit must be between 1 and 100.");
        }
        SearchQuery query = SearchQuery.parse(rawQuery);
        if (channelId != null) {
            access.readable(userId, channelId);
        }
        Set<String> channelIds = channelId == null ? null : Set.of(channelId);
        if (query.channel() != null) {
            Set<String> named = channels.forUser(userId, null).stream()
                    .filter(c -> c.getName() != null && c.getName().equalsIgnoreCase(query.channel()))
                    .map(Channel::getId)
                    .filter(id -> channelId == null || id.equals(channelId))
                    .collect(Collectors.toSet());
            if (named.isEmpty()) {
                return new SearchResult(List.of(), query.highlightTerms());
            }
            channelIds = named;
        }
        String authorId = null;
        if (query.author() != null) {
            Optional<UserAccount> author = users.findByUsername(UserRules.normalizeUsername(query.author()));
            if (author.isEmpty()) {
                return new SearchResult(List.of(), query.highlightTerms());
            }
            authorId = author.get().getId();
        }
        return new SearchResult(
                views(messages.search(userId, query, channelIds, authorId, size), userId), query.highlightTerms());
    }

    /** Search matches, best first, and the words a client may highlight in them. */
    public record SearchResult(List<MessageDto> messages, List<String> terms) {}

    /** {@code @channel} and {@code @here} in a large channel would wake everyone: its creator or an admin decides. */
    private void checkBroadcast(String userId, Channel channel, String text) {
        if (Mentions.broadcast(text)
                && channel.getMemberCount() > Mentions.OPEN_BROADCAST_MAX_MEMBERS
                && !access.canManage(userId, channel)) {
            throw new NotAllowedException(
                    NotAllowedException.Why.MANAGERS_ONLY,
                    "Only the channel's creator or an admin may use @channel or @here in a channel of more than "
                            + Mentions.OPEN_BROADCAST_MAX_MEMBERS + " members.");
        }
    }

    private Message readableMessage(String userId, String messageId) {
        return messages.find(messageId)
                .filter(m -> channels.isMember(m.getChannelId(), userId))
                .orElseThrow(() -> NotFoundException.message());
    }

    private FieldError checkText(String text) {
        if (text == null || text.isBlank()) {
            return new FieldError("text", "A message needs some text.");
        }
        if (text.codePointCount(0, text.length()) > maxTextLength) {
            return new FieldError("text", "A message is at most " + maxTextLength + " characters long.");
        }
        return null;
    }

    /** A message as every member sees it, made the caller's: its own reactions and whether it saved the message. */
    private MessageDto forCaller(MessageDto shared, String userId) {
        return shared.forViewer(userId)
                .withSaved(messages.saved(userId, shared.id()).isPresent());
    }

    private MessageDto view(Message m, String viewerId) {
        return views(List.of(m), viewerId).get(0);
    }

    /** The message as every member sees it: reactions without a personal {@code me}. */
    private MessageDto shared(Message m) {
        return views(List.of(m), null).get(0);
    }

    private List<MessageDto> views(List<Message> rows, String viewerId) {
        return messageViews.of(rows, viewerId);
    }

    private static void addIfPresent(List<FieldError> errors, FieldError error) {
        if (error != null) {
            errors.add(error);
        }
    }

    private static void addIfPresentAndThrow(FieldError error) {
        if (error != null) {
            throw new InvalidInputException(List.of(error));
        }
    }
}
