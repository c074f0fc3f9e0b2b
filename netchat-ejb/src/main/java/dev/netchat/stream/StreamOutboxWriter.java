package dev.netchat.stream;

import dev.netchat.channel.ChannelCreated;
import dev.netchat.channel.ChannelUpdated;
import dev.netchat.channel.MemberAdded;
import dev.netchat.channel.MemberRemoved;
import dev.netchat.message.MessageDeleted;
import dev.netchat.message.MessageDto;
import dev.netchat.message.MessageEdited;
import dev.netchat.message.MessagePosted;
import dev.netchat.outbox.OutboxRepository;
import dev.netchat.outbox.OutboxWritten;
import dev.netchat.shared.Wire;
import dev.netchat.user.ProfileChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;

/**
 * Writes what Stream must learn into the outbox, in the transaction of the change (synchronous observers):
 * users on signup and profile change, channels when created or renamed, members added and removed, messages
 * posted, edited and deleted. Entries of one channel share an ordering key, so Stream sees them in NetChat's
 * order. Changes that came from Stream itself are not written (no echo).
 */
@ApplicationScoped
public class StreamOutboxWriter {

    @Inject
    StreamSettings stream;

    @Inject
    StreamOrigin origin;

    @Inject
    RepliedParents repliedParents;

    @Inject
    OutboxRepository outbox;

    @Inject
    Event<OutboxWritten> written;

    void onProfile(@Observes ProfileChanged user) {
        if (!stream.enabled()) {
            return;
        }
        var payload = Wire.JSON
                .createObjectBuilder()
                .add("id", user.userId())
                .add("name", user.fullName())
                .add("username", user.username());
        if (user.avatarUrl() != null) {
            payload.add("image", user.avatarUrl());
        }
        write("stream.user", "stream-user:" + user.userId(), payload.build().toString());
    }

    void onChannelCreated(@Observes ChannelCreated channel) {
        if (!stream.enabled() || origin.fromStream()) {
            return;
        }
        JsonArrayBuilder members = Wire.JSON.createArrayBuilder();
        channel.memberIds().forEach(members::add);
        var payload = Wire.JSON
                .createObjectBuilder()
                .add("channelId", channel.channelId())
                .add("createdBy", channel.channel().createdBy())
                .add("netchatType", channel.channel().type())
                .add("members", members);
        if (channel.channel().name() != null) {
            payload.add("name", channel.channel().name());
        }
        write("stream.channel", key(channel.channelId()), payload.build().toString());
    }

    void onMessagePosted(@Observes MessagePosted event) {
        if (event.message().parentId() != null) {
            repliedParents.add(event.message().parentId());
        }
        message("stream.message.new", event.channelId(), event.message());
    }

    /**
     * Only real edits: a reply count changing (ReplyCountChanged) is nothing Stream keeps, and neither is an update
     * of a parent that got a reply in this same transaction (its reply count is all that changed).
     */
    void onMessageEdited(@Observes MessageEdited event) {
        if (!event.message().edited() || repliedParents.contains(event.message().id())) {
            return;
        }
        message("stream.message.updated", event.channelId(), event.message());
    }

    void onMessageDeleted(@Observes MessageDeleted event) {
        message("stream.message.deleted", event.channelId(), event.message());
    }

    void onMemberAdded(@Observes MemberAdded event) {
        member("stream.member.added", event.channelId(), event.userId());
    }

    void onMemberRemoved(@Observes MemberRemoved event) {
        member("stream.member.removed", event.channelId(), event.userId());
    }

    void onChannelUpdated(@Observes ChannelUpdated event) {
        if (!stream.enabled() || origin.fromStream()) {
            return;
        }
        var payload = Wire.JSON.createObjectBuilder().add("channelId", event.channelId());
        if (event.channel().name() != null) {
            payload.add("name", event.channel().name());
        }
        write("stream.channel.updated", key(event.channelId()), payload.build().toString());
    }

    private void message(String kind, String channelId, MessageDto m) {
        if (!stream.enabled() || origin.fromStream()) {
            return;
        }
        var payload = Wire.JSON
                .createObjectBuilder()
                .add("id", m.id())
                .add("channelId", channelId)
                .add(
                        "text",
                        dev.netchat.file.AttachmentLinks.appendTo(
                                m.text() == null ? "" : m.text(),
                                m.attachments() == null ? null : Wire.toValue(m.attachments())));
        if (m.user() != null && m.user().id() != null) {
            payload.add("userId", m.user().id());
        }
        if (m.parentId() != null) {
            payload.add("parentId", m.parentId());
        }
        write(kind, key(channelId), payload.build().toString());
    }

    private void member(String kind, String channelId, String userId) {
        if (!stream.enabled() || origin.fromStream()) {
            return;
        }
        write(
                kind,
                key(channelId),
                Wire.JSON
                        .createObjectBuilder()
                        .add("channelId", channelId)
                        .add("userId", userId)
                        .build()
                        .toString());
    }

    private void write(String kind, String key, String payload) {
        outbox.add(kind, key, payload, Instant.now());
        written.fire(new OutboxWritten());
    }

    static String key(String channelId) {
        return "stream:" + channelId;
    }
}
