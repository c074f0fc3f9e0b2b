package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets a clear 4xx problem+json, changes nothing, and never shows internals. */
@ExtendWith(ServerExtension.class)
class BadInputIT {

    private final Api api = ServerExtension.api();

    @Test
    void malformedJsonIs400() {
        String username = Api.uniqueName("malformed");
        Api.Reply r = api.postJson("/api/auth/signup", "{\"fullName\":\"X\",\"username\":\"" + username + "\",");
        assertProblem(r, 400);
        assertThat(api.signup("Now Valid", username, Api.PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void jsonOfTheWrongShapeIs400() {
        assertProblem(api.postJson("/api/auth/signup", "[1,2,3]"), 400);
        assertProblem(api.postJson("/api/auth/login", "{\"username\": {\"nested\": true}, \"password\": 5}"), 400);
    }

    @Test
    void aMissingBodyIs400NamingTheBodyBeforeAnythingElseRuns() {
        Api.Reply signup = api.postJson("/api/auth/signup", "");
        assertProblem(signup, 400);
        assertThat(signup.json().path("errors").get(0).path("field").asText()).isEqualTo("body");

        Api.Session alice = api.newUser("nobody");
        Api.Reply patch = api.sendJson("PATCH", "/api/users/me", "", alice);
        assertProblem(patch, 400);
        assertThat(patch.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
        // Checked at the edge, before the service looks for the channel (there is none).
        Api.Reply post = api.sendJson("POST", "/api/channels/no-such-channel/messages", "", alice);
        assertProblem(post, 400);
        assertThat(post.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(api.get("/api/users/me", alice).json().path("fullName").asText())
                .isEqualTo("nobody Tester");
    }

    @Test
    void aWrongMediaTypeIs415() {
        Api.Reply r = api.send(
                "POST",
                "/api/auth/login",
                "username=a&password=b",
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertProblem(r, 415);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"fullName\":\"" + "x".repeat(200_000) + "\"}";
        assertProblem(api.postJson("/api/auth/signup", huge), 413);
    }

    @Test
    void anOversizedBodyWithoutALengthIsRefusedToo() throws Exception {
        byte[] huge = ("{\"fullName\":\"" + "x".repeat(300_000) + "\"}").getBytes();
        // An InputStream publisher has no known length: the JDK client sends it chunked.
        HttpRequest request = HttpRequest.newBuilder(api.base().resolve("/api/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"type\":\"urn:netchat:problem:too-large\"");
    }

    @Test
    void unknownApiPathsAre404ProblemJson() {
        assertProblem(api.send("GET", "/api/no/such/thing", null), 404);
        assertProblem(api.send("POST", "/api/nothing-here", "{}", "Content-Type", "application/json"), 404);
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(api.send("GET", "/api/auth/login", null), 405);
    }

    @Test
    void anonymousCallsToProtectedEndpointsAre401ProblemJson() {
        Api.Reply r = api.send("GET", "/api/users/me", null);
        assertProblem(r, 401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    /** The stable problem types of the OpenAPI document's ProblemDto, by status. */
    private static final java.util.Map<Integer, String> TYPES = java.util.Map.of(
            400, "urn:netchat:problem:invalid-input",
            401, "urn:netchat:problem:not-authenticated",
            404, "urn:netchat:problem:not-found",
            405, "urn:netchat:problem:method-not-allowed",
            413, "urn:netchat:problem:too-large",
            415, "urn:netchat:problem:unsupported-media-type");

    private static void assertProblem(Api.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(status);
        // The same kind of error has the same type wherever it is answered: a resource, a mapper or a servlet filter.
        assertThat(r.json().path("type").asText()).as(r.body()).isEqualTo(TYPES.get(status));
        assertThat(r.json().path("title").asText()).isNotBlank();
        assertThat(r.json().path("detail").asText()).isNotBlank();
        assertThat(r.body())
                .doesNotContain("Exception")
                .doesNotContain("RESTEASY")
                .doesNotContain("\tat ")
                .doesNotContain("dev.netchat");
    }
}
