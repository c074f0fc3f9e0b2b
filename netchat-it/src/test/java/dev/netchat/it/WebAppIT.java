package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The WAR serves the web client at /, client paths fall back to it, and server paths stay the server's. */
@ExtendWith(ServerExtension.class)
class WebAppIT {

    private final Api api = ServerExtension.api();

    @Test
    void theWebClientIsServedAtTheRoot() {
        Api.Reply r = api.send("GET", "/", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).contains("<div id=\"root\"");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void theClientsFilesAreCompressedButApiAnswersAreNot() {
        String html = api.send("GET", "/", null).body();
        java.util.regex.Matcher script =
                java.util.regex.Pattern.compile("/assets/[^\"]+\\.js").matcher(html);
        assertThat(script.find()).as("index.html names its script").isTrue();
        Api.Reply js = api.send("GET", script.group(), null, "Accept-Encoding", "gzip");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(js.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        Api.Reply problem = api.send(
                "POST", "/api/auth/login", "{}", "Content-Type", "application/json", "Accept-Encoding", "gzip");
        assertThat(problem.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void theBootScriptThatStartsTheSessionRenewalIsServedUncached() {
        assertThat(api.send("GET", "/", null).body()).contains("src=\"/session-boot.js\"");
        Api.Reply boot = api.send("GET", "/session-boot.js", null);
        assertThat(boot.status()).isEqualTo(200);
        assertThat(boot.contentType()).contains("javascript");
        assertThat(boot.body()).contains("/api/auth/refresh");
        assertThat(boot.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void unknownClientPathsFallBackToTheApp() {
        Api.Reply r = api.send("GET", "/channels/general/some-thread", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(api.send("GET", "/", null).body());
    }

    @Test
    void missingFilesAndApiPathsDoNotFallBack() {
        assertThat(api.send("GET", "/assets/no-such-bundle.js", null).status()).isEqualTo(404);
        assertThat(api.send("GET", "/api/no-such-resource", null).contentType()).startsWith("application/problem+json");
    }

    @Test
    void healthAnswersUpWhileTheDatabaseIsReachable() {
        Api.Reply r = api.send("GET", "/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentDescribesTheAccountsApi() {
        Api.Reply r = api.send("GET", "/openapi?format=JSON", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("paths").has("/api/auth/signup")).isTrue();
        assertThat(r.json().path("paths").has("/api/users/me")).isTrue();
    }
}
