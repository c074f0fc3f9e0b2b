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
        String[] tooLarge = RawHttp.exact(
                api.base(),
                "POST /api/auth/login HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: " + big.length,
                big);
        assertThat(tooLarge[0]).isEqualTo("413");
        String headers =
                tooLarge[1].substring(0, tooLarge[1].indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(headers)
                .contains(
                        "content-type: application/problem+json",
                        "content-security-policy: ",
                        "frame-ancestors 'none'",
                        "x-frame-options: deny",
                        "x-content-type-options: nosniff");
    }

    /**
     * HSTS on answers over HTTPS (WildFly's HTTPS listener, 8443 + offset, with the self-signed certificate the
     * server generates on first use), never over plain HTTP, where a browser would ignore it anyway.
     */
    @Test
    void strictTransportSecurityOverHttpsOnly() throws Exception {
        int httpsPort = 8443 + NetChatServer.PORT_OFFSET;
        for (String path : List.of("/", "/c/general", "/api/channels")) {
            String[] secure = RawHttp.overTls(httpsPort, "GET " + path + " HTTP/1.1");
            String headers = headersOf(secure[1]);
            assertThat(secure[0])
                    .as("GET %s over HTTPS: %s", path, head(secure[1]))
                    .isIn("200", "401");
            assertThat(headers)
                    .as("GET %s over HTTPS", path)
                    .contains("strict-transport-security: max-age=31536000; includesubdomains");

            String[] plain = RawHttp.exact(api.base(), "GET " + path + " HTTP/1.1", new byte[0]);
            assertThat(plain[0]).as("GET %s over HTTP", path).isEqualTo(secure[0]);
            assertThat(headersOf(plain[1])).as("GET %s over HTTP", path).doesNotContain("strict-transport-security");
        }
    }

    /**
     * A bad percent-encoding in the path or the query (%zz, a '%' at the end, bytes that are not UTF-8) is 400
     * problem+json with the hardening headers, from NetChat (config/netchat.cli: the listeners leave the target
     * undecoded, the host decodes only well-formed ones, MalformedUrlFilter refuses the others), not an empty
     * answer from the server's parser. Sent on a raw socket: the JDK's client refuses to send such targets.
     */
    @Test
    void aBadPercentEncodingIs400ProblemJson() throws Exception {
        Api.Session user = api.newUser("badurl");
        String auth = "\r\nAuthorization: Bearer " + user.token();
        for (String target : List.of(
                "/api/channels/%zz",
                "/api/channels?x=%zz",
                "/api/channels/%",
                "/api/channels?x=%",
                "/api/channels/%4",
                "/api/channels/%C3%28",
                "/api/channels?x=%C3%28",
                "/c/%zz",
                "/%zz")) {
            String[] r = RawHttp.exact(api.base(), "GET " + target + " HTTP/1.1" + auth, new byte[0]);
            assertThat(r[0]).as("GET %s: %s", target, head(r[1])).isEqualTo("400");
            String headers = headersOf(r[1]);
            assertThat(headers)
                    .as("GET %s", target)
                    .contains(
                            "content-type: application/problem+json",
                            "frame-ancestors 'none'",
                            "x-content-type-options: nosniff");
            assertThat(r[1])
                    .as("GET %s", target)
                    .contains("\"status\":400")
                    .doesNotContain("Exception", "at dev.", "at io.");
        }
    }

    /**
     * What is well encoded is treated exactly as before the listeners stopped decoding: query values are decoded,
     * valid UTF-8 in a path is a plain 404, and encoded dots or slashes never reach a file outside the web client.
     */
    @Test
    void wellEncodedTargetsAreDecodedAsBeforeAndTraversalStaysRefused() throws Exception {
        Api.Session user = api.newUser("goodurl");
        String auth = "\r\nAuthorization: Bearer " + user.token();
        // As with the parser decoding (checked by hand with decode-url=true): an encoded letter in the API path is
        // NetChat's 404 problem+json, not a route.
        String[] encodedLetter = RawHttp.exact(api.base(), "GET /api/%63hannels HTTP/1.1" + auth, new byte[0]);
        assertThat(encodedLetter[0]).as(head(encodedLetter[1])).isEqualTo("404");
        assertThat(encodedLetter[1]).contains("application/problem+json");
        String[] encodedQuery =
                RawHttp.exact(api.base(), "GET /api/channels?type=%74e%61m HTTP/1.1" + auth, new byte[0]);
        assertThat(encodedQuery[0])
                .as("type=team, encoded: %s", head(encodedQuery[1]))
                .isEqualTo("200");
        String[] encodedUnicode =
                RawHttp.exact(api.base(), "GET /api/channels/caf%C3%A9%20nowhere HTTP/1.1" + auth, new byte[0]);
        assertThat(encodedUnicode[0]).as(head(encodedUnicode[1])).isEqualTo("404");
        assertThat(encodedUnicode[1]).contains("application/problem+json");
        for (String target : List.of(
                "/%2e%2e/WEB-INF/web.xml",
                "/assets/%2e%2e/WEB-INF/web.xml",
                "/WEB-INF%2fweb.xml",
                "/assets/..%2f..%2fWEB-INF/web.xml",
                "/%57EB-INF/web.xml",
                "/api/..%2f..%2fWEB-INF/web.xml")) {
            String[] r = RawHttp.exact(api.base(), "GET " + target + " HTTP/1.1", new byte[0]);
            assertThat(r[1]).as("GET %s: %s", target, head(r[1])).doesNotContain("<web-app", "error-page");
            assertThat(r[0]).as("GET %s: %s", target, head(r[1])).startsWith("4");
            assertThat(headersOf(r[1])).as("GET %s: %s", target, head(r[1])).contains("application/problem+json");
        }
    }

    /**
     * The container's own folders are refused by the container itself before any error page could run; NetChat's
     * host filter sends them to its error page, so they are a 404 problem+json like any other missing path.
     */
    @Test
    void theContainersOwnFoldersAreA404ProblemNotItsHtmlPage() throws Exception {
        for (String target : List.of(
                "/WEB-INF/web.xml",
                "/web-inf/web.xml",
                "/%57EB-INF/web.xml",
                "/META-INF/MANIFEST.MF",
                "/WEB-INF/",
                "/error/status")) {
            String[] r = RawHttp.exact(api.base(), "GET " + target + " HTTP/1.1", new byte[0]);
            assertThat(r[0]).as("GET %s: %s", target, head(r[1])).isEqualTo("404");
            assertThat(headersOf(r[1])).as("GET %s", target).contains("content-type: application/problem+json");
            assertThat(r[1]).as("GET %s", target).doesNotContain("<html", "<web-app", "Manifest-Version");
        }
    }

    private static String headersOf(String response) {
        int end = response.indexOf("\r\n\r\n");
        return (end < 0 ? response : response.substring(0, end)).toLowerCase(java.util.Locale.ROOT);
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
        assertThat(api.get("/api/users/me", user).headers().firstValue("Cache-Control"))
                .hasValue("no-store");
        assertThat(api.get("/api/channels", user).headers().firstValue("Cache-Control"))
                .hasValue("no-store");
    }

    @Test
    void bodiesOverOneMebibyteAre413ProblemJsonWithOrWithoutALength() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        for (String path : List.of("/api/auth/login", "/api/channels", "/c/general", "/nothing-here.png")) {
            String[] declared = RawHttp.exact(
                    api.base(),
                    "POST " + path + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: " + big.length,
                    big);
            assertThat(declared[0])
                    .as("%s with a length: %s", path, head(declared[1]))
                    .isEqualTo("413");
            assertThat(declared[1]).as(path).contains("application/problem+json");
        }
        // A JSON document that is still being read when it passes the limit (a string that never ends).
        String json = "{\"username\":\"" + new String(big, StandardCharsets.US_ASCII);
        String chunked = Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n";
        String[] r = RawHttp.exact(
                api.base(),
                "POST /api/auth/login HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                chunked.getBytes(StandardCharsets.US_ASCII));
        assertThat(r[0]).as("chunked: %s", head(r[1])).isEqualTo("413");
        assertThat(r[1]).contains("application/problem+json");
    }

    @Test
    void aWildcardOrUnreadableContentTypeIs415ProblemJsonNot500() {
        Api.Session user = api.newUser("wildcard");
        for (String type : List.of("*/*", "application/*")) {
            Api.Reply r = api.send(
                    "PATCH",
                    "/api/users/me",
                    "12345678901234567890",
                    "Content-Type",
                    type,
                    "Authorization",
                    "Bearer " + user.token());
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.contentType()).as(type).startsWith("application/problem+json");
        }
        // A header that is no media type at all is refused by the runtime before any filter: a 4xx, as problem+json.
        Api.Reply garbled = api.send(
                "PATCH",
                "/api/users/me",
                "{}",
                "Content-Type",
                "not a media type",
                "Authorization",
                "Bearer " + user.token());
        assertThat(garbled.status()).isIn(400, 415);
        assertThat(garbled.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aCookieWithAnyAuthorizationHeaderStillNeedsAnAllowedOrigin() {
        Api.Session user = api.newUser("originauth");
        String patch = Api.write(Api.json().put("fullName", "Forged"));
        for (String authorization : List.of("Bearer " + user.token(), "Bearer nonsense", "Basic Zm9vOmJhcg==")) {
            Api.Reply forged = api.send(
                    "PATCH",
                    "/api/users/me",
                    patch,
                    "Content-Type",
                    "application/json",
                    "Cookie",
                    "netchat_access=" + user.accessCookie(),
                    "Authorization",
                    authorization,
                    "Origin",
                    "https://evil.example");
            assertThat(forged.status())
                    .as("cookie + Authorization: %s", authorization)
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/users/me", user).json().path("fullName").asText())
                .isNotEqualTo("Forged");
        // A program with a bearer token and no cookies needs no Origin.
        assertThat(api.patch("/api/users/me", Api.json().put("fullName", "Bot Owner"), user)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theMostCommonPasswordsAreRefusedAtSignupAndAtAPasswordChange() {
        for (String weak : List.of("12345678", "password", "PASSWORD", "qwertyuiop", "iloveyou")) {
            Api.Reply r = api.signup("Weak", Api.uniqueName("weak"), weak);
            assertThat(r.status()).as(weak).isEqualTo(400);
            assertThat(r.errorFields()).as(weak).containsExactly("password");
        }
        Api.Session user = api.newUser("strong");
        Api.Reply change = api.postJson(
                "/api/users/me/password",
                Api.json().put("currentPassword", Api.PASSWORD).put("newPassword", "password1"),
                user.bearer());
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
        Api.Reply first = api.post(
                "/api/channels",
                Api.json().put("type", "messaging").set("memberIds", Api.JSON.valueToTree(List.of(bob.userId()))),
                ann);
        String channel = first.json().path("id").asText();
        assertThat(api.delete("/api/channels/" + channel + "/members/" + ann.userId(), ann)
                        .status())
                .isEqualTo(204);

        Api.Reply again = api.post(
                "/api/channels",
                Api.json().put("type", "messaging").set("memberIds", Api.JSON.valueToTree(List.of(bob.userId()))),
                ann);
        assertThat(again.status()).isIn(200, 201);
        String direct = again.json().path("id").asText();
        Api.Reply posted = api.post(
                "/api/channels/" + direct + "/messages",
                Api.json()
                        .put("text", "back again")
                        .put("clientMessageId", java.util.UUID.randomUUID().toString()),
                ann);
        assertThat(posted.status()).as("%s", posted).isEqualTo(201);
        assertThat(api.get("/api/channels/" + direct + "/messages", bob).body()).contains("back again");
    }

    private static void assertHardened(Api.Reply r, String what) {
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .as("%s CSP", what)
                .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(r.headers().firstValue("X-Frame-Options"))
                .as("%s X-Frame-Options", what)
                .hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options"))
                .as("%s nosniff", what)
                .hasValue("nosniff");
    }

    private static String head(String response) {
        return response.length() > 300 ? response.substring(0, 300) : response;
    }
}
