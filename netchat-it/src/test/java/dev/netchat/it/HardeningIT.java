package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The smaller holes: browser-hardening headers on every kind of answer, no redirect to the management console,
 * problem+json for what the container refuses, the Origin check with any Authorization header, weak passwords
 * and reserved names, and a direct conversation that can be taken up again after leaving it.
 */
@ExtendWith(ServerExtension.class)
class HardeningIT {

    private final Api api = ServerExtension.api();

    @Test
    void deepLinksOpenapiConsoleAnd413AnswersCarryCspAndAntiFraming() throws Exception {
        for (String path : List.of("/c/general", "/settings", "/openapi", "/console", "/")) {
            Api.Reply r = api.send("GET", path, null);
            assertThat(r.status()).as("GET %s", path).isEqualTo(200);
            assertHardened(r, path);
        }
        byte[] big = new byte[2 * 1024 * 1024];
        String[] tooLarge = RawHttp.exact(api.base(), "POST /api/auth/login HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                + big.length, big);
        assertThat(tooLarge[0]).isEqualTo("413");
        String headers = tooLarge[1].substring(0, tooLarge[1].indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(headers).contains("content-type: application/problem+json", "content-security-policy: ",
                "frame-ancestors 'none'", "x-frame-options: deny", "x-content-type-options: nosniff");
    }

    @Test
    void consoleIsTheWebClientNotARedirectToTheManagementConsole() {
        Api.Reply r = api.send("GET", "/console", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.body()).containsIgnoringCase("<!doctype html").doesNotContain("9990");
    }

    @Test
    void signedInApiReadsAreNeverCached() {
        Api.Session user = api.newUser("nostore");
        assertThat(api.get("/api/users/me", user).headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(api.get("/api/channels", user).headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void bodiesOverOneMebibyteAre413ProblemJsonWithOrWithoutALength() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        for (String path : List.of("/api/auth/login", "/api/channels", "/c/general", "/nothing-here.png")) {
            String[] declared = RawHttp.exact(api.base(), "POST " + path + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + big.length, big);
            assertThat(declared[0]).as("%s with a length: %s", path, head(declared[1])).isEqualTo("413");
            assertThat(declared[1]).as(path).contains("application/problem+json");
        }
        // A JSON document that is still being read when it passes the limit (a string that never ends).
        String json = "{\"username\":\"" + new String(big, StandardCharsets.US_ASCII);
        String chunked = Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n";
        String[] r = RawHttp.exact(api.base(), "POST /api/auth/login HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                chunked.getBytes(StandardCharsets.US_ASCII));
        assertThat(r[0]).as("chunked: %s", head(r[1])).isEqualTo("413");
        assertThat(r[1]).contains("application/problem+json");
    }

    @Test
    void aWildcardOrUnreadableContentTypeIs415ProblemJsonNot500() {
        Api.Session user = api.newUser("wildcard");
        for (String type : List.of("*/*", "application/*")) {
            Api.Reply r = api.send("PATCH", "/api/users/me", "12345678901234567890", "Content-Type", type,
                    "Authorization", "Bearer " + user.token());
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.contentType()).as(type).startsWith("application/problem+json");
        }
        // A header that is no media type at all is refused by the runtime before any filter: a 4xx, as problem+json.
        Api.Reply garbled = api.send("PATCH", "/api/users/me", "{}", "Content-Type", "not a media type",
                "Authorization", "Bearer " + user.token());
        assertThat(garbled.status()).isIn(400, 415);
        assertThat(garbled.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCookieWithAnyAuthorizationHeaderStillNeedsAnAllowedOrigin() {
        Api.Session user = api.newUser("originauth");
        String patch = Api.write(Api.json().put("fullName", "Forged"));
        for (String authorization : List.of("Bearer " + user.token(), "Bearer nonsense", "Basic Zm9vOmJhcg==")) {
            Api.Reply forged = api.send("PATCH", "/api/users/me", patch, "Content-Type", "application/json",
                    "Cookie", "netchat_access=" + user.accessCookie(), "Authorization", authorization, "Origin", "https://evil.example");
            assertThat(forged.status()).as("cookie + Authorization: %s", authorization).isEqualTo(403);
        }
        assertThat(api.get("/api/users/me", user).json().path("fullName").asText()).isNotEqualTo("Forged");
        // A program with a bearer token and no cookies needs no Origin.
        assertThat(api.patch("/api/users/me", Api.json().put("fullName", "Bot Owner"), user).status()).isEqualTo(200);
    }

    @Test
    void theMostCommonPasswordsAreRefusedAtSignupAndAtAPasswordChange() {
        for (String weak : List.of("12345678", "password", "PASSWORD", "qwertyuiop", "iloveyou")) {
            Api.Reply r = api.signup("Weak", Api.uniqueName("weak"), weak);
            assertThat(r.status()).as(weak).isEqualTo(400);
            assertThat(r.errorFields()).as(weak).containsExactly("password");
        }
        Api.Session user = api.newUser("strong");
        Api.Reply change = api.postJson("/api/users/me/password",
                Api.json().put("currentPassword", Api.PASSWORD).put("newPassword", "password1"), user.bearer());
        assertThat(change.status()).isEqualTo(400);
        assertThat(change.errorFields()).containsExactly("newPassword");
    }

    @Test
    void reservedNamesCannotBeTaken() {
        for (String name : List.of("root", "netchat", "administrator", "Support")) {
            Api.Reply r = api.signup("Impostor", name, Api.PASSWORD);
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.errorFields()).as(name).containsExactly("username");
        }
    }

    @Test
    void someoneWhoLeftADirectConversationCanWriteToThatPersonAgain() {
        Api.Session ann = api.newUser("leaver");
        Api.Session bob = api.newUser("stayer");
        Api.Reply first = api.post("/api/channels", Api.json().put("type", "messaging")
                .set("memberIds", Api.JSON.valueToTree(List.of(bob.userId()))), ann);
        String channel = first.json().path("id").asText();
        assertThat(api.delete("/api/channels/" + channel + "/members/" + ann.userId(), ann).status()).isEqualTo(204);

        Api.Reply again = api.post("/api/channels", Api.json().put("type", "messaging")
                .set("memberIds", Api.JSON.valueToTree(List.of(bob.userId()))), ann);
        assertThat(again.status()).isIn(200, 201);
        String direct = again.json().path("id").asText();
        Api.Reply posted = api.post("/api/channels/" + direct + "/messages",
                Api.json().put("text", "back again").put("clientMessageId", java.util.UUID.randomUUID().toString()), ann);
        assertThat(posted.status()).as("%s", posted).isEqualTo(201);
        assertThat(api.get("/api/channels/" + direct + "/messages", bob).body()).contains("back again");
    }

    private static void assertHardened(Api.Reply r, String what) {
        assertThat(r.headers().firstValue("Content-Security-Policy")).as("%s CSP", what).hasValueSatisfying(v ->
                assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(r.headers().firstValue("X-Frame-Options")).as("%s X-Frame-Options", what).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as("%s nosniff", what).hasValue("nosniff");
    }

    private static String head(String response) {
        return response.length() > 300 ? response.substring(0, 300) : response;
    }
}
