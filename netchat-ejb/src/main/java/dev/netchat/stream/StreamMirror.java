package dev.netchat.stream;

import dev.netchat.outbox.OutboxEntry;
import dev.netchat.outbox.OutboxHandler;
import dev.netchat.shared.Wire;
import dev.netchat.user.UserAccount;
import io.getstream.chat.java.exceptions.StreamException;
import io.getstream.chat.java.models.Channel;
import io.getstream.chat.java.models.Channel.ChannelMemberRequestObject;
import io.getstream.chat.java.models.Channel.ChannelRequestObject;
import io.getstream.chat.java.models.Message;
import io.getstream.chat.java.models.Message.MessageRequestObject;
import io.getstream.chat.java.models.User;
import io.getstream.chat.java.models.User.UserRequestObject;
import io.getstream.chat.java.services.framework.Client;
import io.getstream.chat.java.services.framework.DefaultClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Does the Stream outbox entries with Stream's Java SDK. Every call is idempotent: Stream's ids are NetChat's
 * (user, channel and message ids; a message that came from Stream keeps Stream's id, see {@link StreamLinkRepository}),
 * a channel is got-or-created, a message sent twice (after a crash between sending and marking) is answered
 * "already exists", which counts as done. What an entry needs in Stream is upserted first (a channel's members,
 * an added member), so an entry never depends on another key's entry (say, a user upsert still backing off
 * after an outage); and a refusal because something "does not exist" yet is retried, not given up.
 */
@ApplicationScoped
public class StreamMirror implements OutboxHandler {

    @Inject
    StreamSettings stream;

    @Inject
    StreamLinkRepository directory;

    private volatile Client client;

    @Override
    public boolean enabled() {
        return stream.enabled();
    }

    @Override
    public boolean handles(String kind) {
        return kind.startsWith("stream.");
    }

    @Override
    public String kindPrefix() {
        return "stream.";
    }

    @Override
    public Outcome deliver(OutboxEntry entry) {
        JsonObject p =
                Wire.JSON.createReader(new StringReader(entry.getPayload())).readObject();
        try {
            switch (entry.getKind()) {
                case "stream.user" -> {
                    var user = UserRequestObject.builder()
                            .id(p.getString("id"))
                            .name(p.getString("name"))
                            .additionalField("username", p.getString("username"));
                    if (p.containsKey("image")) {
                        user.additionalField("image", p.getString("image"));
                    }
                    User.upsert().user(user.build()).withClient(client()).request();
                }
                case "stream.channel" -> {
                    List<String> memberIds = p.getJsonArray("members").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString)
                            .toList();
                    List<String> needed = new ArrayList<>(memberIds);
                    if (!needed.contains(p.getString("createdBy"))) {
                        needed.add(p.getString("createdBy"));
                    }
                    upsertUsers(needed);
                    List<ChannelMemberRequestObject> members = memberIds.stream()
                            .map(id -> ChannelMemberRequestObject.builder()
                                    .userId(id)
                                    .build())
                            .toList();
                    var data = ChannelRequestObject.builder()
                            .createdBy(UserRequestObject.builder()
                                    .id(p.getString("createdBy"))
                                    .build())
                            .members(members)
                            .additionalField("netchat_type", p.getString("netchatType"));
                    if (p.containsKey("name")) {
                        data.additionalField("name", p.getString("name"));
                    }
                    Channel.getOrCreate(StreamSettings.CHANNEL_TYPE, p.getString("channelId"))
                            .data(data.build())
                            .withClient(client())
                            .request();
                }
                case "stream.channel.updated" -> {
                    if (p.containsKey("name")) {
                        Channel.partialUpdate(StreamSettings.CHANNEL_TYPE, p.getString("channelId"))
                                .setValue("name", p.getString("name"))
                                .withClient(client())
                                .request();
                    }
                }
                case "stream.member.added" -> {
                    upsertUsers(List.of(p.getString("userId")));
                    Channel.update(StreamSettings.CHANNEL_TYPE, p.getString("channelId"))
                            .addMember(p.getString("userId"))
                            .withClient(client())
                            .request();
                }
                case "stream.member.removed" ->
                    Channel.update(StreamSettings.CHANNEL_TYPE, p.getString("channelId"))
                            .removeMember(p.getString("userId"))
                            .withClient(client())
                            .request();
                case "stream.message.new" -> {
                    var message = MessageRequestObject.builder()
                            .id(p.getString("id"))
                            .text(p.getString("text"))
                            .userId(p.getString("userId", null));
                    if (p.containsKey("parentId")) {
                        message.parentId(directory.streamId(p.getString("parentId")));
                    }
                    try {
                        Message.send(StreamSettings.CHANNEL_TYPE, p.getString("channelId"))
                                .message(message.build())
                                .withClient(client())
                                .request();
                    } catch (StreamException e) {
                        if (!alreadyExists(e)) {
                            throw e;
                        }
                    }
                }
                case "stream.message.updated" ->
                    Message.update(directory.streamId(p.getString("id")))
                            .message(MessageRequestObject.builder()
                                    .text(p.getString("text"))
                                    .userId(p.getString("userId", null))
                                    .build())
                            .withClient(client())
                            .request();
                case "stream.message.deleted" -> {
                    try {
                        Message.delete(directory.streamId(p.getString("id")))
                                .withClient(client())
                                .request();
                    } catch (StreamException e) {
                        if (status(e) != 404) {
                            throw e;
                        }
                    }
                }
                default -> {
                    return new Outcome.GiveUp("Unknown Stream outbox kind " + entry.getKind());
                }
            }
            return new Outcome.Done(null);
        } catch (StreamException e) {
            int status = status(e);
            String reason =
                    "Stream answered " + (status == 0 ? "nothing" : String.valueOf(status)) + ": " + e.getMessage();
            // No answer, 429 and 5xx pass; so does "does not exist" (what is missing may be on its way, or an admin
            // sends it again); other 4xx mean Stream refuses this request as it is.
            return status == 0 || status == 429 || status >= 500 || missingSomething(e)
                    ? new Outcome.Retry(reason)
                    : new Outcome.GiveUp(reason);
        }
    }

    /**
     * Makes sure these NetChat users exist in Stream, as their profile is now (one idempotent upsert). Users that
     * were deleted in NetChat are skipped.
     */
    private void upsertUsers(List<String> ids) throws StreamException {
        Map<String, UserRequestObject> users = new LinkedHashMap<>();
        for (UserAccount u : directory.users(ids)) {
            var user = UserRequestObject.builder()
                    .id(u.getId())
                    .name(u.getFullName())
                    .additionalField("username", u.getUsername());
            if (u.getAvatarUrl() != null) {
                user.additionalField("image", u.getAvatarUrl());
            }
            users.put(u.getId(), user.build());
        }
        if (!users.isEmpty()) {
            User.upsert().users(users).withClient(client()).request();
        }
    }

    /** Stream's refusal because a user, channel or message it needs does not exist (yet). */
    private static boolean missingSomething(StreamException e) {
        int status = status(e);
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase();
        return (status == 400 || status == 404)
                && (message.contains("don't exist")
                        || message.contains("does not exist")
                        || message.contains("doesn't exist"));
    }

    private static int status(StreamException e) {
        return e.getResponseData() == null || e.getResponseData().getStatusCode() == null
                ? 0
                : e.getResponseData().getStatusCode();
    }

    private static boolean alreadyExists(StreamException e) {
        return status(e) == 400 && e.getMessage() != null && e.getMessage().contains("already exists");
    }

    private Client client() {
        Client c = client;
        if (c == null) {
            Properties props = new Properties();
            props.put(DefaultClient.API_KEY_PROP_NAME, stream.apiKey());
            props.put(DefaultClient.API_SECRET_PROP_NAME, stream.apiSecret());
            props.put(DefaultClient.API_URL_PROP_NAME, stream.apiUrl());
            props.put(
                    DefaultClient.API_TIMEOUT_PROP_NAME,
                    String.valueOf(stream.timeout().toMillis()));
            c = new DefaultClient(props);
            client = c;
        }
        return c;
    }
}
