package dev.netchat.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Stream Chat server in miniature, as a WireMock response transformer: it keeps users, channels and messages
 * and answers the REST calls NetChat's SDK makes as Stream does, refusals included (a channel whose users do not
 * exist, a message for a channel or a message id Stream does not know), in Stream's error format
 * ({@code code}, {@code message}, {@code StatusCode}). Tests read its state to see what Stream ended up with.
 */
final class StreamFake implements ResponseDefinitionTransformerV2 {

    static final String NAME = "stream-state";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHANNEL_QUERY = Pattern.compile("/channels/([^/]+)/([^/]+)/query");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/channels/([^/]+)/([^/]+)/message");
    private static final Pattern CHANNEL = Pattern.compile("/channels/([^/]+)/([^/]+)");
    private static final Pattern MESSAGE = Pattern.compile("/messages/([^/]+)");

    /** A message as Stream keeps it. */
    record StoredMessage(String id, String channelId, String userId, String text, String parentId, boolean deleted) {}

    final Set<String> users = ConcurrentHashMap.newKeySet();
    /** Channel id (without type) to its members. */
    final Map<String, Set<String>> channels = new ConcurrentHashMap<>();

    final Map<String, StoredMessage> messages = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** A message posted by a Stream-side client (so Stream knows it before NetChat hears of it). */
    void seedMessage(String channelId, String id, String userId, String text) {
        messages.put(id, new StoredMessage(id, channelId, userId, text, null, false));
    }

    List<StoredMessage> messagesOf(String channelId) {
        List<StoredMessage> found = new ArrayList<>();
        messages.values().stream().filter(m -> m.channelId().equals(channelId)).forEach(found::add);
        return found;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        String url = request.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String method = request.getMethod().getName();
        JsonNode body;
        try {
            body = request.getBodyAsString().isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(request.getBodyAsString());
        } catch (Exception e) {
            return error(400, 4, "invalid JSON body");
        }
        Matcher m;
        if (method.equals("POST") && path.equals("/users")) {
            body.path("users").fieldNames().forEachRemaining(users::add);
            return ok();
        }
        if (method.equals("POST") && (m = CHANNEL_QUERY.matcher(path)).matches()) {
            JsonNode data = body.path("data");
            List<String> needed = new ArrayList<>();
            data.path("members")
                    .forEach(member -> needed.add(member.path("user_id").asText()));
            if (data.path("created_by").hasNonNull("id")) {
                needed.add(data.path("created_by").path("id").asText());
            }
            List<String> missing =
                    needed.stream().filter(id -> !users.contains(id)).distinct().toList();
            if (!missing.isEmpty()) {
                return error(
                        400,
                        4,
                        "GetOrCreateChannel failed with error: \"The following users are involved in channel create "
                                + "operation, but don't exist: " + missing
                                + ". Please create the user objects before setting up the channel.\"");
            }
            Set<String> members = channels.computeIfAbsent(m.group(2), id -> ConcurrentHashMap.newKeySet());
            data.path("members")
                    .forEach(member -> members.add(member.path("user_id").asText()));
            return ok();
        }
        if (method.equals("POST") && (m = CHANNEL_MESSAGE.matcher(path)).matches()) {
            String channelId = m.group(2);
            if (!channels.containsKey(channelId)) {
                return error(
                        404,
                        16,
                        "SendMessage failed with error: \"channel \\\"" + m.group(1) + ":" + channelId
                                + "\\\" does not exist\"");
            }
            JsonNode message = body.path("message");
            String id = message.path("id").asText();
            if (messages.containsKey(id)) {
                return error(400, 4, "SendMessage failed with error: \"a message with ID " + id + " already exists\"");
            }
            messages.put(
                    id,
                    new StoredMessage(
                            id,
                            channelId,
                            message.path("user_id").asText(null),
                            message.path("text").asText(),
                            message.path("parent_id").asText(null),
                            false));
            return ok();
        }
        if (method.equals("POST") && (m = CHANNEL.matcher(path)).matches()) {
            Set<String> members = channels.get(m.group(2));
            if (members == null) {
                return error(
                        404,
                        16,
                        "UpdateChannel failed with error: \"channel \\\"" + m.group(1) + ":" + m.group(2)
                                + "\\\" does not exist\"");
            }
            for (JsonNode added : body.path("add_members")) {
                String id = added.isTextual()
                        ? added.asText()
                        : added.path("user_id").asText();
                if (!users.contains(id)) {
                    return error(
                            400,
                            4,
                            "UpdateChannel failed with error: \"The following users are involved in channel update "
                                    + "operation, but don't exist: [" + id + "].\"");
                }
                members.add(id);
            }
            body.path("remove_members")
                    .forEach(removed -> members.remove(
                            removed.isTextual()
                                    ? removed.asText()
                                    : removed.path("user_id").asText()));
            return ok();
        }
        if ((m = MESSAGE.matcher(path)).matches()) {
            StoredMessage stored = messages.get(m.group(1));
            if (stored == null) {
                return error(
                        404,
                        16,
                        (method.equals("DELETE") ? "DeleteMessage" : "UpdateMessage")
                                + " failed with error: \"message with id " + m.group(1) + " doesn't exist\"");
            }
            if (method.equals("DELETE")) {
                messages.put(
                        stored.id(),
                        new StoredMessage(
                                stored.id(),
                                stored.channelId(),
                                stored.userId(),
                                stored.text(),
                                stored.parentId(),
                                true));
                return ok();
            }
            if (method.equals("POST")) {
                messages.put(
                        stored.id(),
                        new StoredMessage(
                                stored.id(),
                                stored.channelId(),
                                stored.userId(),
                                body.path("message").path("text").asText(stored.text()),
                                stored.parentId(),
                                stored.deleted()));
                return ok();
            }
        }
        // Anything else NetChat may call (a channel's partial update): accepted, nothing kept.
        return ok();
    }

    private static ResponseDefinition ok() {
        return ResponseDefinition.okForJson(Map.of("duration", "0.42ms"));
    }

    /** An error exactly as Stream's API answers one. */
    static ResponseDefinition error(int status, int code, String message) {
        ObjectNode body = JSON.createObjectNode()
                .put("code", code)
                .put("message", message)
                .put("StatusCode", status)
                .put("duration", "0.10ms")
                .put("more_info", "https://getstream.io/chat/docs/api_errors_response");
        body.putObject("exception_fields");
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body.toString())
                .build();
    }
}
