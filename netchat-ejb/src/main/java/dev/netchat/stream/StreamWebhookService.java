package dev.netchat.stream;

import dev.netchat.channel.ChannelRepository;
import dev.netchat.channel.ChannelService;
import dev.netchat.message.Message;
import dev.netchat.message.MessageRepository;
import dev.netchat.message.MessageRules;
import dev.netchat.message.MessageService;
import dev.netchat.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings Stream's webhook events into NetChat: messages posted, edited and deleted and members added and removed
 * by Stream-side clients, delivered and notified like any other change. Each delivery acts once (its id is
 * stored in the same transaction as the change), and what NetChat mirrored to Stream itself is recognised (same
 * message id, same text, already a member) and not applied twice, nor sent back.
 */
@Stateless
public class StreamWebhookService {

    private static final Logger LOG = Logger.getLogger(StreamWebhookService.class.getName());
    /** Stream-side messages are stored with this clientMessageId prefix before Stream's id. */
    static final String CLIENT_ID_PREFIX = "stream:";

    /** What a delivery led to; MALFORMED: signed, but its fields have the wrong types (recorded, not applied). */
    public enum Result {
        APPLIED,
        IGNORED,
        DUPLICATE,
        MALFORMED
    }

    /** Receipts are kept this long (see the outbox's retention); an event older than that is not applied. */
    @Inject
    @ConfigProperty(name = "netchat.outbox.retention", defaultValue = "P30D")
    Duration retention;

    @Inject
    StreamLinkRepository links;

    @Inject
    StreamOrigin origin;

    @Inject
    MessageService messages;

    @Inject
    ChannelService channelService;

    @Inject
    ChannelRepository channels;

    @Inject
    MessageRepository stored;

    @Inject
    UserRepository users;

    public boolean seen(String webhookId) {
        return links.receiptExists(webhookId);
    }

    public Result handle(String webhookId, JsonObject event) {
        if (seen(webhookId)) {
            return Result.DUPLICATE;
        }
        // Taken first: a concurrent redelivery waits on this key and then fails, acting not at all.
        links.addReceipt(webhookId, Instant.now());
        if (!wellTyped(event)) {
            // Recorded (above) and answered 400 once: a redelivery of the same body is a duplicate.
            LOG.info(() -> "Stream webhook " + webhookId + " has fields of the wrong types; not applied");
            return Result.MALFORMED;
        }
        if (tooOld(event)) {
            // Its receipt may have been removed already: a replay of an old signed body must not act again.
            LOG.info(() -> "Stream webhook " + webhookId + " is older than the retention period; not applied");
            return Result.IGNORED;
        }
        origin.markFromStream();
        String type = event.getString("type", "");
        String channelId = channelId(event);
        boolean applied = switch (type) {
            case "message.new" -> messageNew(channelId, event.getJsonObject("message"));
            case "message.updated" -> messageUpdated(event.getJsonObject("message"));
            case "message.deleted" -> messageDeleted(event.getJsonObject("message"));
            case "member.added" ->
                channelId != null
                        && memberId(event) != null
                        && channelService.addMemberFromStream(channelId, memberId(event));
            case "member.removed" ->
                channelId != null
                        && memberId(event) != null
                        && channelService.removeMemberFromStream(channelId, memberId(event));
            default -> false;
        };
        if (!applied) {
            LOG.fine(() -> "Stream webhook " + webhookId + " (" + type + ") changed nothing");
        }
        return applied ? Result.APPLIED : Result.IGNORED;
    }

    private boolean messageNew(String channelId, JsonObject m) {
        String id = string(m, "id");
        String userId = m == null ? null : string(m.getJsonObject("user"), "id");
        String text = string(m, "text");
        if (channelId == null || id == null || userId == null || text == null || text.isBlank()) {
            return false;
        }
        if (!MessageRules.validClientMessageId(CLIENT_ID_PREFIX + id)) {
            return false;
        }
        if (stored.find(id).isPresent() || streamMessage(id).isPresent()) {
            return false; // NetChat's own message mirrored to Stream (or this one brought in before)
        }
        if (!channels.isMember(channelId, userId)
                || users.find(userId).filter(u -> !u.isDisabled()).isEmpty()) {
            LOG.info(() ->
                    "Stream message " + id + " ignored: its author is not an active member of channel " + channelId);
            return false;
        }
        String parentId = Optional.ofNullable(string(m, "parent_id"))
                .flatMap(this::resolve)
                .map(Message::getId)
                .filter(p -> stored.find(p)
                        .map(pm -> pm.getParentId() == null && !pm.isDeleted())
                        .orElse(false))
                .orElse(null);
        String messageId = messages.post(userId, channelId, text, CLIENT_ID_PREFIX + id, parentId)
                .message()
                .id();
        // NetChat's edits, deletes and replies of it go to Stream under Stream's id.
        links.link(messageId, id);
        return true;
    }

    private boolean messageUpdated(JsonObject m) {
        String text = string(m, "text");
        Optional<Message> target = Optional.ofNullable(string(m, "id")).flatMap(this::resolve);
        String editor = m == null ? null : string(m.getJsonObject("user"), "id");
        if (target.isEmpty()
                || text == null
                || text.isBlank()
                || target.get().isDeleted()
                || !target.get().getUserId().equals(editor)
                || target.get().getText().equals(text)) {
            return false;
        }
        messages.edit(editor, target.get().getId(), text);
        return true;
    }

    private boolean messageDeleted(JsonObject m) {
        Optional<Message> target = Optional.ofNullable(string(m, "id")).flatMap(this::resolve);
        if (target.isEmpty() || target.get().isDeleted() || target.get().getUserId() == null) {
            return false;
        }
        messages.delete(target.get().getUserId(), target.get().getId());
        return true;
    }

    /** A Stream message id as NetChat knows it: one of ours (same id), or one brought in from Stream. */
    private Optional<Message> resolve(String streamId) {
        return stored.find(streamId).or(() -> streamMessage(streamId));
    }

    private Optional<Message> streamMessage(String streamId) {
        Optional<String> linked = links.messageIdOf(streamId);
        if (linked.isPresent()) {
            return stored.find(linked.get());
        }
        // Brought in before links were kept.
        return stored.findByAnyClientId(CLIENT_ID_PREFIX + streamId);
    }

    /**
     * Whether the fields NetChat reads have the types Stream documents: strings, and objects for message, user,
     * member and channel. A signed event with other types is a sender's bug that a retry will not cure.
     */
    static boolean wellTyped(JsonObject event) {
        if (!ofType(event, JsonValue.ValueType.STRING, "type", "cid", "channel_id", "channel_type", "created_at")
                || !ofType(event, JsonValue.ValueType.OBJECT, "message", "user", "member", "channel")) {
            return false;
        }
        JsonValue m = event.get("message");
        if (m != null && m.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject message = m.asJsonObject();
            if (!ofType(message, JsonValue.ValueType.STRING, "id", "text", "parent_id")
                    || !ofType(message, JsonValue.ValueType.OBJECT, "user")
                    || !userWellTyped(message.get("user"))) {
                return false;
            }
        }
        JsonValue member = event.get("member");
        if (member != null && member.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject mo = member.asJsonObject();
            if (!ofType(mo, JsonValue.ValueType.STRING, "user_id")
                    || !ofType(mo, JsonValue.ValueType.OBJECT, "user")
                    || !userWellTyped(mo.get("user"))) {
                return false;
            }
        }
        return userWellTyped(event.get("user"));
    }

    private static boolean userWellTyped(JsonValue user) {
        return user == null
                || user.getValueType() != JsonValue.ValueType.OBJECT
                || ofType(user.asJsonObject(), JsonValue.ValueType.STRING, "id");
    }

    /** Each key is absent, null, or of the type. */
    private static boolean ofType(JsonObject o, JsonValue.ValueType type, String... keys) {
        for (String key : keys) {
            JsonValue v = o.get(key);
            if (v != null && v.getValueType() != JsonValue.ValueType.NULL && v.getValueType() != type) {
                return false;
            }
        }
        return true;
    }

    private boolean tooOld(JsonObject event) {
        String created = string(event, "created_at");
        if (created == null) {
            return false;
        }
        try {
            return OffsetDateTime.parse(created)
                    .toInstant()
                    .isBefore(Instant.now().minus(retention));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String channelId(JsonObject event) {
        String id = string(event, "channel_id");
        if (id == null) {
            String cid = string(event, "cid");
            if (cid != null && cid.contains(":")) {
                id = cid.substring(cid.indexOf(':') + 1);
            }
        }
        return id;
    }

    private static String memberId(JsonObject event) {
        JsonObject member = event.getJsonObject("member");
        String id = string(member, "user_id");
        return id != null ? id : member == null ? null : string(member.getJsonObject("user"), "id");
    }

    private static String string(JsonObject o, String key) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : null;
    }
}
