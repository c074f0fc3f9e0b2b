package dev.netchat.stream;

import dev.netchat.channel.ChannelCreated;
import dev.netchat.event.ChannelEventRecorded;
import dev.netchat.outbox.OutboxStore;
import dev.netchat.outbox.OutboxWritten;
import dev.netchat.shared.Wire;
import dev.netchat.user.ProfileChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
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
    OutboxStore outbox;

    @Inject
    Event<OutboxWritten> written;

    void onProfile(@Observes ProfileChanged user) {
        if (!stream.enabled()) {
            return;
        }
        var payload = Wire.JSON.createObjectBuilder().add("id", user.userId()).add("name", user.fullName())
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
        var payload = Wire.JSON.createObjectBuilder().add("channelId", channel.channelId()).add("createdBy", channel.createdBy())
                .add("netchatType", channel.type().name().toLowerCase()).add("members", members);
        if (channel.name() != null) {
            payload.add("name", channel.name());
        }
        write("stream.channel", key(channel.channelId()), payload.build().toString());
    }

    void onChannelEvent(@Observes ChannelEventRecorded event) {
        if (!stream.enabled() || origin.fromStream()) {
            return;
        }
        JsonObject frame = Wire.JSON.createReader(new StringReader(event.json())).readObject();
        switch (event.type()) {
            case "message.new", "message.updated", "message.deleted" -> {
                JsonObject m = frame.getJsonObject("message");
                if (event.type().equals("message.updated")
                        && (!m.getBoolean("edited", false) || repliedParents.contains(m.getString("id")))) {
                    return; // a reply count or similar changed: nothing Stream keeps
                }
                var payload = Wire.JSON.createObjectBuilder().add("id", m.getString("id")).add("channelId", event.channelId())
                        .add("text", dev.netchat.file.AttachmentLinks.appendTo(m.getString("text", ""), m.get("attachments")));
                JsonValue user = m.getJsonObject("user").get("id");
                if (user != null && user.getValueType() == JsonValue.ValueType.STRING) {
                    payload.add("userId", m.getJsonObject("user").getString("id"));
                }
                JsonValue parent = m.get("parentId");
                if (parent != null && parent.getValueType() == JsonValue.ValueType.STRING) {
                    payload.add("parentId", m.getString("parentId"));
                    if (event.type().equals("message.new")) {
                        repliedParents.add(m.getString("parentId"));
                    }
                }
                write("stream." + event.type(), key(event.channelId()), payload.build().toString());
            }
            case "member.added", "member.removed" -> write("stream." + event.type(), key(event.channelId()),
                    Wire.JSON.createObjectBuilder().add("channelId", event.channelId()).add("userId", frame.getString("userId"))
                            .build().toString());
            case "channel.updated" -> {
                JsonObject channel = frame.getJsonObject("channel");
                var payload = Wire.JSON.createObjectBuilder().add("channelId", event.channelId());
                if (channel != null && channel.get("name") != null && channel.get("name").getValueType() == JsonValue.ValueType.STRING) {
                    payload.add("name", channel.getString("name"));
                }
                write("stream.channel.updated", key(event.channelId()), payload.build().toString());
            }
            default -> {
                // reactions, reads and the rest stay in NetChat
            }
        }
    }

    private void write(String kind, String key, String payload) {
        outbox.add(kind, key, payload, Instant.now());
        written.fire(new OutboxWritten());
    }

    static String key(String channelId) {
        return "stream:" + channelId;
    }
}
