package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document agrees with the contract (../shared/API.md): every call listed in the sections
 * this server implements appears there with its method. Sections of later work are added as they land.
 *
 * <p>And the document describes what the server really sends: for a set of real calls (signup, login, the caller's
 * user and its update, channels, posting and history, people and message search, problems) each JSON body, sent
 * and answered, is validated against the schema the served document gives for that path, method, status and media
 * type ({@link ServedSchemas}). When one fails, the document is what to fix, unless the server contradicts API.md.
 */
@ExtendWith(ServerExtension.class)
class OpenApiContractIT {

    private static final List<String> IMPLEMENTED_SECTIONS =
            List.of("## Accounts", "## Channels", "## Messages", "## Webhooks", "## Administration");
    private static final Pattern CALL = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/api/[^`?\\s]*)[^`]*`");

    @Test
    void everyDocumentedCallIsInTheServedOpenApiDocument() throws Exception {
        List<String[]> calls = documentedCalls();
        assertThat(calls).hasSizeGreaterThan(20);

        JsonNode paths = ServerExtension.api()
                .send("GET", "/openapi?format=JSON", null)
                .json()
                .path("paths");

        List<String> missing = new ArrayList<>();
        for (String[] call : calls) {
            JsonNode path = paths.path(call[1]);
            if (path.isMissingNode() || path.path(call[0].toLowerCase()).isMissingNode()) {
                missing.add(call[0] + " " + call[1]);
            }
        }
        assertThat(missing).as("calls in API.md missing from /openapi").isEmpty();
    }

    /** The mentions list (issue 19) is in the served document with its paging parameters. */
    @Test
    void theMentionsListIsDocumented() {
        JsonNode get = ServerExtension.api()
                .send("GET", "/openapi?format=JSON", null)
                .json()
                .path("paths")
                .path("/api/mentions")
                .path("get");
        assertThat(get.isMissingNode()).as("GET /api/mentions in /openapi").isFalse();
        assertThat(get.path("parameters").findValuesAsText("name")).contains("before", "limit");
        assertThat(get.path("description").asText()).contains("@channel").contains("newest first");
    }

    /** Files and avatars (issue 18): their calls, the Attachment schema, and the attachments of messages. */
    @Test
    void filesAvatarsAndAttachmentsAreDocumented() {
        JsonNode doc =
                ServerExtension.api().send("GET", "/openapi?format=JSON", null).json();
        JsonNode paths = doc.path("paths");
        List<String> missing = new ArrayList<>();
        for (String call : List.of(
                "post /api/files",
                "get /api/files/{id}",
                "get /api/files/{id}/thumbnail",
                "get /api/files/{id}/preview",
                "post /api/users/me/avatar",
                "get /api/avatars/{id}",
                "get /api/users/{id}/avatar")) {
            String[] parts = call.split(" ");
            if (paths.path(parts[1]).path(parts[0]).isMissingNode()) {
                missing.add(call);
            }
        }
        assertThat(missing).as("file and avatar calls missing from /openapi").isEmpty();

        JsonNode upload = paths.path("/api/files").path("post");
        assertThat(upload.path("responses").has("413"))
                .as("upload documents 413")
                .isTrue();
        assertThat(upload.path("responses").has("429"))
                .as("upload documents 429")
                .isTrue();
        assertThat(upload.path("parameters").findValuesAsText("name")).contains("channelId", "name");
        assertThat(upload.path("responses")
                        .path("201")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/AttachmentDto");
        assertThat(paths.path("/api/avatars/{id}")
                        .path("get")
                        .path("parameters")
                        .findValuesAsText("name"))
                .contains("size");
        assertThat(paths.path("/api/users/{id}/avatar")
                        .path("get")
                        .path("responses")
                        .has("404"))
                .isTrue();
        assertThat(paths.path("/api/users/{id}/avatar")
                        .path("get")
                        .path("description")
                        .asText())
                .contains("NETCHAT_AVATARS_PROXY_ALLOWED_ADDRESSES");

        JsonNode schemas = doc.path("components").path("schemas");
        List<String> attachmentFields =
                List.of("id", "name", "mediaType", "size", "width", "height", "url", "thumbnailUrl", "previewUrl");
        // One schema for a file, described (from META-INF/openapi.yaml) and shared with the scanned messages.
        assertThat(fieldNames(schemas.path("AttachmentDto").path("properties"))).containsAll(attachmentFields);
        assertThat(schemas.path("AttachmentDto").path("description").asText()).contains("attachmentIds");
        assertThat(fieldNames(schemas))
                .noneMatch(name -> name.startsWith("Attachment") && !name.equals("AttachmentDto"));

        // The message schema's attachments are a list of such files, and posting names them by attachmentIds.
        JsonNode attachments = null;
        JsonNode attachmentIds = null;
        for (JsonNode schema : schemas) {
            attachments = attachments != null
                    ? attachments
                    : schema.path("properties").get("attachments");
            attachmentIds = attachmentIds != null
                    ? attachmentIds
                    : schema.path("properties").get("attachmentIds");
        }
        assertThat(attachments).as("a schema with attachments").isNotNull();
        assertThat(attachments.path("type").asText()).isEqualTo("array");
        assertThat(attachments.path("items").path("$ref").asText()).isEqualTo("#/components/schemas/AttachmentDto");
        assertThat(attachmentIds).as("a schema with attachmentIds").isNotNull();
        assertThat(attachmentIds.path("type").asText()).isEqualTo("array");
        assertThat(attachmentIds.path("items").path("type").asText()).isEqualTo("string");
    }

    /**
     * The upload's documented success is the status a real upload answers, and nothing else: a scanner's default
     * "200" next to the documented "201" would send generated clients down a branch that never happens.
     */
    @Test
    void theUploadDocumentsOnlyTheSuccessStatusARealUploadAnswers() {
        Api api = ServerExtension.api();
        Api.Session alice = api.newUser("oasfile");
        Api.Session bob = api.newUser("oasfile");
        String channel = new Chat(api).privateChannel(alice, bob);
        Api.Reply uploaded = new dev.netchat.it.Files(api)
                .upload(
                        alice,
                        channel,
                        "note.txt",
                        "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/plain");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);

        JsonNode responses = api.send("GET", "/openapi?format=JSON", null)
                .json()
                .path("paths")
                .path("/api/files")
                .path("post")
                .path("responses");
        List<String> successes = fieldNames(responses).stream()
                .filter(code -> code.startsWith("2"))
                .toList();
        assertThat(successes)
                .as("2xx answers documented for POST /api/files")
                .containsExactly(String.valueOf(uploaded.status()));
        // Every documented answer is one the upload can give (the refusals are proved in FileIT).
        assertThat(fieldNames(responses))
                .as("answers documented for POST /api/files")
                .allMatch(code ->
                        List.of("201", "400", "401", "404", "413", "429").contains(code));
    }

    private static List<String> fieldNames(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String[]> documentedCalls() throws Exception {
        String text = Files.readString(apiMd());
        List<String[]> calls = new ArrayList<>();
        for (String section : text.split("(?m)^(?=## )")) {
            if (IMPLEMENTED_SECTIONS.stream().noneMatch(section::startsWith)) {
                continue;
            }
            Matcher m = CALL.matcher(section);
            while (m.find()) {
                // API.md names the path parameter of users' routes {userId}; keep names as written.
                calls.add(new String[] {m.group(1), m.group(2)});
            }
        }
        return calls;
    }

    /**
     * ../shared/API.md beside the checkout: the first {@code shared/API.md} above the build directory (a checkout
     * at /work/main and a worktree at /work/wt/NAME both find /work/shared/API.md).
     */
    private static Path apiMd() {
        Path work =
                Path.of(System.getProperty("netchat.it.work")).toAbsolutePath().normalize();
        for (Path dir = work; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/API.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/API.md above " + work);
    }

    /** Pins, saved items and link previews (issue 19, point 5): their calls, and the message's fields for them. */
    @Test
    void pinsAndSavedItemsAreDocumented() {
        JsonNode doc =
                ServerExtension.api().send("GET", "/openapi?format=JSON", null).json();
        JsonNode paths = doc.path("paths");
        List<String> missing = new ArrayList<>();
        for (String call : List.of(
                "put /api/messages/{id}/pin",
                "delete /api/messages/{id}/pin",
                "get /api/channels/{id}/pins",
                "put /api/messages/{id}/saved",
                "delete /api/messages/{id}/saved",
                "get /api/saved",
                "delete /api/messages/{id}/preview",
                "get /api/messages/{id}/preview/image")) {
            String[] parts = call.split(" ");
            if (paths.path(parts[1]).path(parts[0]).isMissingNode()) {
                missing.add(call);
            }
        }
        assertThat(missing).as("pin and saved calls missing from /openapi").isEmpty();
        assertThat(paths.path("/api/messages/{id}/pin")
                        .path("put")
                        .path("responses")
                        .has("409"))
                .isTrue();
        // Any emoji may be a reaction, skin tones included: the reaction call says how they are named.
        assertThat(paths.path("/api/messages/{id}/reactions/{type}")
                        .path("put")
                        .path("description")
                        .asText())
                .contains("_tone1");
        assertThat(paths.path("/api/messages/{id}/saved")
                        .path("put")
                        .path("description")
                        .asText())
                .contains("saved.updated");
        // The scanned message schema keeps its fields and gains the described pinned and saved.
        JsonNode message =
                doc.path("components").path("schemas").path("MessageDto").path("properties");
        assertThat(fieldNames(message)).contains("id", "text", "attachments", "pinned", "saved", "preview");
        assertThat(message.path("saved").path("description").asText()).contains("null in frames");
    }

    // Bodies against the schemas: real calls to the running server, each body (and each JSON request body sent)
    // validated against the schema the served document gives for its path, method, status and media type.

    private static ServedSchemas schemas;
    private static Api api;
    private static Chat chat;
    /** A fresh account: every optional field of its user is null. */
    private static Api.Session bob;
    /** An account with a phone number, a time zone, notification settings, do not disturb and a custom status. */
    private static Api.Session alice;
    /** A public team channel of alice and bob with a thread, a reaction, a pin, a saved message and two files. */
    private static String team;
    /** The first message of {@link #team}: pinned, saved by alice, with bob's reply and reaction. */
    private static String first;
    /** The word every message in {@link #team} contains, for search. */
    private static String word;

    @BeforeAll
    static void aConversationInUse() {
        api = ServerExtension.api();
        chat = new Chat(api);
        schemas = ServedSchemas.of(api);
        alice = api.newUser("oasbody");
        bob = api.newUser("oasbody");

        ObjectNode profile = Api.json()
                .put("phoneNumber", "+15551234567")
                .put("timeZone", "Europe/Paris")
                .put("avatarURL", "https://example.com/alice.png");
        profile.putObject("notifications")
                .put("sms", "all")
                .put("desktop", "mentions")
                .put("dndUntil", Instant.now().plus(Duration.ofDays(1)).toString());
        assertThat(api.patch("/api/users/me", profile, alice).status()).isEqualTo(200);
        Api.Reply status = api.sendJson(
                "PUT", "/api/users/me/status", Api.json().put("emoji", "🌴").put("text", "On vacation"), alice);
        assertThat(status.status()).as(status.toString()).isEqualTo(200);

        word = Chat.token();
        team = chat.createTeam(alice, Chat.channelName("oasbody"), false, bob)
                .path("id")
                .asText();
        assertThat(chat.createMessaging(alice, bob).status()).isIn(200, 201);
        first = chat.post(alice, team, "hello " + word).path("id").asText();
        chat.reply(bob, team, first, "a reply to " + word);
        assertThat(api.put("/api/messages/" + first + "/reactions/thumbsup", bob)
                        .status())
                .isEqualTo(200);
        assertThat(api.put("/api/messages/" + first + "/pin", alice).status()).isEqualTo(200);
        assertThat(api.put("/api/messages/" + first + "/saved", alice).status()).isEqualTo(200);

        dev.netchat.it.Files files = new dev.netchat.it.Files(api);
        Api.Reply image = files.upload(alice, team, "plan.png", dev.netchat.it.Files.png(64, 48), "image/png");
        Api.Reply text =
                files.upload(alice, team, "notes.txt", "some notes".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(image.status()).as(image.toString()).isEqualTo(201);
        assertThat(text.status()).as(text.toString()).isEqualTo(201);
        ObjectNode withFiles = Chat.message("files about " + word, Chat.clientMessageId());
        withFiles
                .putArray("attachmentIds")
                .add(image.json().path("id").asText())
                .add(text.json().path("id").asText());
        Api.Reply posted = chat.send(alice, team, withFiles);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    }

    @Test
    void signupRequestAndAnswerMatchTheirSchemas() {
        ObjectNode body = Api.json()
                .put("fullName", "Sam Signup")
                .put("username", Api.uniqueName("oassignup"))
                .put("password", Api.PASSWORD)
                .put("phoneNumber", "+15557654321")
                .put("avatarURL", "https://example.com/sam.png");
        assertRequestMatches("POST", "/api/auth/signup", body);
        assertAnswerMatches("POST", "/api/auth/signup", api.postJson("/api/auth/signup", body), 201);
    }

    @Test
    void loginRequestAndAnswerMatchTheirSchemas() {
        ObjectNode body = Api.json().put("username", bob.username()).put("password", Api.PASSWORD);
        assertRequestMatches("POST", "/api/auth/login", body);
        assertAnswerMatches("POST", "/api/auth/login", api.postJson("/api/auth/login", body), 200);
    }

    @Test
    void meOfAFreshAccountMatchesMeDto() {
        assertAnswerMatches("GET", "/api/users/me", api.get("/api/users/me", bob), 200);
    }

    @Test
    void meOfAFilledInProfileMatchesMeDto() {
        Api.Reply me = api.get("/api/users/me", alice);
        assertThat(me.json().path("status").isObject()).as(me.toString()).isTrue();
        assertThat(me.json().path("notifications").path("dndUntil").isTextual())
                .as(me.toString())
                .isTrue();
        assertAnswerMatches("GET", "/api/users/me", me, 200);
    }

    @Test
    void profileUpdateRequestAndAnswerMatchTheirSchemas() {
        Api.Session carol = api.newUser("oasprofile");
        ObjectNode body = Api.json()
                .put("fullName", "Carol Changed")
                .put("timeZone", "America/New_York")
                .put("readReceipts", false);
        body.putObject("notifications").put("desktop", "all").put("dndUntil", "");
        assertRequestMatches("PATCH", "/api/users/me", body);
        assertAnswerMatches("PATCH", "/api/users/me", api.patch("/api/users/me", body, carol), 200);
    }

    @Test
    void channelListMatchesChannelListDto() {
        Api.Reply list = api.get("/api/channels", alice);
        // The team channel, the direct conversation and the default channel every account joins.
        assertThat(list.json().path("channels").size()).as(list.toString()).isGreaterThanOrEqualTo(3);
        assertAnswerMatches("GET", "/api/channels", list, 200);
    }

    @Test
    void oneChannelMatchesChannelDto() {
        assertAnswerMatches("GET", "/api/channels/{id}", api.get("/api/channels/" + team, bob), 200);
    }

    @Test
    void postedMessageMatchesMessageDtoWith201() {
        ObjectNode body = Chat.message("posted " + word, Chat.clientMessageId())
                .put("parentId", first)
                .put("linkPreview", false);
        assertRequestMatches("POST", "/api/channels/{id}/messages", body);
        assertAnswerMatches("POST", "/api/channels/{id}/messages", chat.send(bob, team, body), 201);
    }

    @Test
    void theSamePostAgainMatchesMessageDtoWith200() {
        ObjectNode body = Chat.message("posted twice " + word, Chat.clientMessageId());
        assertThat(chat.send(bob, team, body).status()).isEqualTo(201);
        assertAnswerMatches("POST", "/api/channels/{id}/messages", chat.send(bob, team, body), 200);
    }

    @Test
    void historyPageMatchesMessagePageDto() {
        Api.Reply page = api.get("/api/channels/" + team + "/messages?limit=50", alice);
        JsonNode messages = page.json().path("messages");
        assertThat(messages.findValues("pinned").stream().anyMatch(JsonNode::isObject))
                .as("a pinned message in %s", page)
                .isTrue();
        assertThat(messages.findValues("attachments").stream().anyMatch(a -> a.size() == 2))
                .as("a message with two files in %s", page)
                .isTrue();
        assertAnswerMatches("GET", "/api/channels/{id}/messages", page, 200);
    }

    @Test
    void peopleSearchMatchesUserListDto() {
        Api.Reply found = api.get("/api/users?q=oasbody&limit=50", bob);
        assertThat(found.json().path("users").findValuesAsText("username"))
                .as(found.toString())
                .contains(alice.username(), bob.username());
        assertAnswerMatches("GET", "/api/users", found, 200);
    }

    @Test
    void messageSearchMatchesSearchResultDto() {
        Api.Reply found = api.get("/api/search/messages?q=" + word, alice);
        assertThat(found.json().path("messages").size()).as(found.toString()).isGreaterThanOrEqualTo(3);
        assertAnswerMatches("GET", "/api/search/messages", found, 200);
    }

    @Test
    void notFoundProblemMatchesProblemDto() {
        Api.Reply missing = api.get("/api/channels/" + UUID.randomUUID(), alice);
        Chat.assertProblem(missing, 404);
        assertThat(missing.json().path("kind").asText())
                .as("what was not found")
                .isEqualTo("channel");
        assertAnswerMatches("GET", "/api/channels/{id}", missing, 404);
    }

    @Test
    void invalidInputProblemMatchesProblemDto() {
        Api.Reply refused = api.signup("", "x", "short");
        Chat.assertProblem(refused, 400);
        assertThat(refused.errorFields()).as(refused.toString()).contains("username", "password");
        assertThat(refused.json().path("kind").isNull())
                .as("no kind where the field errors say it all: %s", refused)
                .isTrue();
        assertAnswerMatches("POST", "/api/auth/signup", refused, 400);
    }

    @Test
    void notAuthenticatedProblemMatchesProblemDto() {
        Api.Reply refused = api.send("GET", "/api/users/me", null);
        Chat.assertProblem(refused, 401);
        assertAnswerMatches("GET", "/api/users/me", refused, 401);
    }

    /** The answer has the expected status, and its body is what the served document says that answer is. */
    private static void assertAnswerMatches(String method, String path, Api.Reply reply, int status) {
        assertThat(reply.status()).as("%s %s: %s", method, path, reply).isEqualTo(status);
        assertThat(schemas.responseErrors(method, path, reply))
                .as("%s %s answered %s", method, path, reply)
                .isEmpty();
    }

    /** The JSON body about to be sent is what the served document says that call takes. */
    private static void assertRequestMatches(String method, String path, JsonNode body) {
        assertThat(schemas.requestErrors(method, path, "application/json", Api.write(body)))
                .as("%s %s with %s", method, path, body)
                .isEmpty();
    }
}
