package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document agrees with the contract (../shared/API.md): every call listed in the sections
 * this server implements appears there with its method. Sections of later work are added as they land.
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
        Path work = Path.of(System.getProperty("netchat.it.work")).toAbsolutePath().normalize();
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
}
