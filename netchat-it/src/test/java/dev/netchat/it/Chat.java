package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Channel and message calls of ../shared/API.md as the chat tests use them. The methods that answer JSON
 * assert the documented success status first, so a setup step that breaks fails where it broke.
 */
final class Chat {

    /** ISO-8601 UTC with milliseconds, as API.md shows times. */
    static final String ISO_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    private final Api api;

    Chat(Api api) {
        this.api = api;
    }

    /** A team channel name no other test uses: lowercase letters, digits and dashes, well under 80 characters. */
    static String channelName(String prefix) {
        return Api.uniqueName(prefix);
    }

    /** A token that occurs nowhere else, for search and discovery: letters and digits only. */
    static String token() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }

    static ArrayNode ids(Api.Session... users) {
        ArrayNode ids = Api.JSON.createArrayNode();
        for (Api.Session u : users) {
            ids.add(u.userId());
        }
        return ids;
    }

    /** A user reference that is either an id or a user object. */
    static String idOf(JsonNode userOrId) {
        return userOrId.isObject() ? userOrId.path("id").asText() : userOrId.asText();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> idsOf(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    static List<Long> seqsOf(List<JsonNode> messagesOrEvents) {
        return messagesOrEvents.stream().map(n -> n.path("seq").asLong()).toList();
    }

    static List<Long> range(long firstInclusive, int count) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seqs.add(firstInclusive + i);
        }
        return seqs;
    }

    static void assertProblem(Api.Reply r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).as(r.toString()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** 403 or 404: the caller is not allowed, or is not told the thing exists. Never a success. */
    static void assertRefused(Api.Reply r) {
        assertThat(r.status()).as(r.toString()).isIn(403, 404);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
    }

    // Channels

    Api.Reply createChannel(Api.Session creator, ObjectNode body) {
        return api.post("/api/channels", body, creator);
    }

    JsonNode createTeam(Api.Session creator, String name, boolean isPrivate, Api.Session... members) {
        ObjectNode body = Api.json().put("type", "team").put("name", name).put("private", isPrivate);
        body.set("memberIds", ids(members));
        Api.Reply r = createChannel(creator, body);
        assertThat(r.status()).as("create team channel: %s", r).isEqualTo(201);
        return r.json();
    }

    /** A private team channel of the creator and the members, for tests that need any channel. */
    String privateChannel(Api.Session creator, Api.Session... members) {
        return createTeam(creator, channelName("room"), true, members)
                .path("id")
                .asText();
    }

    Api.Reply createMessaging(Api.Session creator, Api.Session... members) {
        ObjectNode body = Api.json().put("type", "messaging");
        body.set("memberIds", ids(members));
        return createChannel(creator, body);
    }

    JsonNode channel(Api.Session caller, String channelId) {
        Api.Reply r = api.get("/api/channels/" + channelId, caller);
        assertThat(r.status()).as("GET channel: %s", r).isEqualTo(200);
        return r.json();
    }

    long lastSeq(Api.Session caller, String channelId) {
        return channel(caller, channelId).path("lastSeq").asLong();
    }

    /** GET /api/channels with an optional query string ("" or "?type=team"). */
    List<JsonNode> channels(Api.Session caller, String query) {
        Api.Reply r = api.get("/api/channels" + query, caller);
        assertThat(r.status()).as("GET channels: %s", r).isEqualTo(200);
        assertThat(r.json().path("channels").isArray()).as(r.toString()).isTrue();
        List<JsonNode> list = new ArrayList<>();
        r.json().path("channels").forEach(list::add);
        return list;
    }

    /** The caller's channel as the channel list shows it (with its unreadCount), or null. */
    JsonNode listed(Api.Session caller, String channelId) {
        return channels(caller, "").stream()
                .filter(c -> c.path("id").asText().equals(channelId))
                .findFirst()
                .orElse(null);
    }

    // Messages

    static ObjectNode message(String text, String clientMessageId) {
        return Api.json().put("text", text).put("clientMessageId", clientMessageId);
    }

    static String clientMessageId() {
        return UUID.randomUUID().toString();
    }

    Api.Reply send(Api.Session author, String channelId, ObjectNode body) {
        return api.post("/api/channels/" + channelId + "/messages", body, author);
    }

    /** Posts a message with a fresh clientMessageId and answers it (after asserting 201). */
    JsonNode post(Api.Session author, String channelId, String text) {
        Api.Reply r = send(author, channelId, message(text, clientMessageId()));
        assertThat(r.status()).as("post message: %s", r).isEqualTo(201);
        return r.json();
    }

    JsonNode reply(Api.Session author, String channelId, String parentId, String text) {
        Api.Reply r = send(author, channelId, message(text, clientMessageId()).put("parentId", parentId));
        assertThat(r.status()).as("post reply: %s", r).isEqualTo(201);
        return r.json();
    }

    /** One page of history; {@code query} is "" or like "?after=3&limit=2". */
    JsonNode page(Api.Session caller, String channelId, String query) {
        Api.Reply r = api.get("/api/channels/" + channelId + "/messages" + query, caller);
        assertThat(r.status()).as("GET messages%s: %s", query, r).isEqualTo(200);
        assertThat(r.json().path("messages").isArray()).as(r.toString()).isTrue();
        assertThat(r.json().path("hasMore").isBoolean()).as(r.toString()).isTrue();
        return r.json();
    }

    /** The whole history, oldest first, paging forward with after= and the largest limit. */
    List<JsonNode> history(Api.Session caller, String channelId) {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        for (int guard = 0; guard < 1000; guard++) {
            JsonNode page = page(caller, channelId, "?after=" + after + "&limit=200");
            page.path("messages").forEach(all::add);
            if (!page.path("hasMore").asBoolean() || page.path("messages").isEmpty()) {
                return all;
            }
            after = all.get(all.size() - 1).path("seq").asLong();
        }
        throw new AssertionError("history of " + channelId + " never ended");
    }

    JsonNode find(Api.Session caller, String channelId, String messageId) {
        return history(caller, channelId).stream()
                .filter(m -> m.path("id").asText().equals(messageId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("message " + messageId + " not in the history of " + channelId));
    }

    /** The reaction entry of one type on a message, or null when there is none. */
    static JsonNode reaction(JsonNode message, String type) {
        for (JsonNode r : message.path("reactions")) {
            if (r.path("type").asText().equals(type)) {
                return r;
            }
        }
        return null;
    }

    /** How many of a message's reactions of one type there are (an entry with count 0 counts as none). */
    static int reactionCount(JsonNode message, String type) {
        JsonNode r = reaction(message, type);
        return r == null ? 0 : r.path("count").asInt();
    }

    // Frames

    static Predicate<JsonNode> channelEvent(String channelId) {
        return f -> f.has("seq") && channelId.equals(f.path("channelId").asText());
    }

    static Predicate<JsonNode> event(String type, String channelId) {
        return f -> type.equals(f.path("type").asText())
                && channelId.equals(f.path("channelId").asText());
    }

    static Predicate<JsonNode> newMessage(String channelId) {
        return event("message.new", channelId);
    }

    static Predicate<JsonNode> aboutMessage(String type, String messageId) {
        return f -> type.equals(f.path("type").asText())
                && messageId.equals(f.path("message").path("id").asText());
    }
}
