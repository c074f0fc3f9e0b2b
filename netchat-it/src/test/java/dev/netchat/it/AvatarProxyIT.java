package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Avatars given as URLs to other hosts (issue 17 point 4, issue 18 point 5): NetChat fetches them itself, so the
 * viewer's browser never contacts the other host, and refuses hosts in the server's own network. The test server
 * runs with {@code NETCHAT_AVATARS_PROXY_ALLOWED_ADDRESSES=127.0.0.1} (see {@link NetChatServer#environment()}),
 * as an operator would allow an intranet picture server; the origin here listens on every local address, IPv6
 * loopback included, so a refused URL that was fetched anyway would show up in its log.
 */
@ExtendWith(ServerExtension.class)
class AvatarProxyIT {

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);
    private final Files files = new Files(api);

    private HttpServer origin;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final byte[] png = Files.png(300, 200);

    @BeforeEach
    void startOrigin() throws IOException {
        // The wildcard address: reachable as 127.0.0.1 and as ::1.
        origin = HttpServer.create(new InetSocketAddress(0), 0);
        origin.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path + " " + exchange.getRequestHeaders().getFirst("User-Agent"));
            try (exchange) {
                if (path.startsWith("/huge")) {
                    exchange.getResponseHeaders().add("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, 0);
                    byte[] chunk = new byte[64 * 1024];
                    System.arraycopy(png, 0, chunk, 0, png.length);
                    for (int i = 0; i < 160; i++) { // 10 MiB, five times the proxy's cap
                        exchange.getResponseBody().write(chunk);
                    }
                } else if (path.startsWith("/page")) {
                    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/html");
                    exchange.sendResponseHeaders(200, html.length);
                    exchange.getResponseBody().write(html);
                } else if (path.startsWith("/moved")) {
                    exchange.getResponseHeaders().add("Location", "http://10.0.0.1/inside.png");
                    exchange.sendResponseHeaders(302, -1);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, png.length);
                    exchange.getResponseBody().write(png);
                }
            } catch (IOException closedByTheProxy) {
                // the proxy hangs up once it has seen too much
            }
        });
        origin.start();
    }

    @AfterEach
    void stopOrigin() {
        origin.stop(0);
    }

    private String at(String host, String path) {
        return "http://" + host + ":" + origin.getAddress().getPort() + path;
    }

    /** A user whose avatar is the URL, and the avatar URL other people are given for that user. */
    private String shownAvatarOf(Api.Session owner, String url, Api.Session viewer) {
        Api.Reply set = api.patch("/api/users/me", Api.json().put("avatarURL", url), owner);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        String channel = chat.privateChannel(owner, viewer);
        JsonNode message = chat.post(owner, channel, "look at my picture");
        JsonNode seen = chat.find(viewer, channel, message.path("id").asText());
        return seen.path("user").path("avatarURL").asText();
    }

    @Test
    void anotherUserGetsThePictureThroughNetChatWithoutContactingTheOrigin() {
        Api.Session alice = api.newUser("avatar");
        Api.Session bob = api.newUser("avatar");
        String url = at("127.0.0.1", "/alice-" + alice.userId() + ".png");

        String shown = shownAvatarOf(alice, url, bob);

        // Bob is given NetChat's own path, never the origin's URL.
        assertThat(shown).isEqualTo("/api/users/" + alice.userId() + "/avatar").doesNotContain("127.0.0.1");
        assertThat(requests).isEmpty();
        Files.Bytes picture = files.get(shown, bob);
        assertThat(picture.status()).isEqualTo(200);
        assertThat(picture.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(picture.header("Cache-Control")).contains("max-age=3600");
        BufferedImage decoded = Files.decode(picture.body());
        assertThat(decoded.getWidth()).isEqualTo(256);
        assertThat(decoded.getHeight()).isEqualTo(256);
        // The server fetched it, once (a second viewer is served from its cache).
        assertThat(files.get(shown, alice).status()).isEqualTo(200);
        assertThat(requests).containsExactly("/alice-" + alice.userId() + ".png NetChat avatar proxy");
        assertThat(files.get(shown, null).status()).isEqualTo(401);
    }

    @Test
    void addressesTheOperatorDidNotAllowAreRefusedWhenSavedAndByTheProxyWithoutAFetch() throws Exception {
        Api.Session viewer = api.newUser("avatar");
        // ::1 is loopback but only 127.0.0.1 is allowed; 169.254.169.254 is the cloud metadata service; 10.0.0.1 a
        // private address; 0.0.0.0 reaches this machine on Linux.
        for (String url : List.of(
                at("[::1]", "/v6.png"),
                at("[::ffff:169.254.169.254]", "/mapped.png"),
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/inside.png",
                at("0.0.0.0", "/any.png"))) {
            Api.Session owner = api.newUser("avatar");

            // Saving such a URL is refused, by the proxy's own rule, naming the field; nothing changes.
            Api.Reply saved =
                    api.patch("/api/users/me", Api.json().put("avatarURL", url).put("fullName", "Not Saved"), owner);
            Chat.assertProblem(saved, 400);
            assertThat(saved.errorFields()).as(url).containsExactly("avatarURL");
            assertThat(saved.json().path("errors").get(0).path("message").asText())
                    .contains("private, loopback or link-local");
            JsonNode me = api.get("/api/users/me", owner).json();
            assertThat(me.path("avatarURL").isNull()).as(url).isTrue();
            assertThat(me.path("fullName").asText()).isNotEqualTo("Not Saved");

            // A URL stored before this rule (written to the database as an older release left it) is still
            // refused by the proxy. Only the PostgreSQL run can write it: the H2 file is the server's alone.
            if (storedDirectly(owner.userId(), url)) {
                String shown = "/api/users/" + owner.userId() + "/avatar";
                String channel = chat.privateChannel(owner, viewer);
                JsonNode message = chat.post(owner, channel, "look at my picture");
                assertThat(chat.find(viewer, channel, message.path("id").asText())
                                .path("user")
                                .path("avatarURL")
                                .asText())
                        .isEqualTo(shown);

                Api.Reply refused = api.get(shown, viewer);

                Chat.assertProblem(refused, 404);
                assertThat(refused.json().path("detail").asText())
                        .as(url)
                        .contains("not one NetChat fetches pictures from");
            }
        }
        // A sign-up with such a URL is refused the same way.
        Api.Reply signup = api.postJson(
                "/api/auth/signup",
                Api.json()
                        .put("fullName", "Inside")
                        .put("username", Api.uniqueName("inside"))
                        .put("password", Api.PASSWORD)
                        .put("avatarURL", "http://169.254.169.254/latest/meta-data/"));
        Chat.assertProblem(signup, 400);
        assertThat(signup.errorFields()).containsExactly("avatarURL");
        assertThat(requests).isEmpty();
    }

    /** Writes the avatar URL straight into the database (PostgreSQL only): false on H2. */
    private static boolean storedDirectly(String userId, String url) throws Exception {
        if (!ServerExtension.server().onPostgresql()) {
            return false;
        }
        try (Connection c = DriverManager.getConnection(
                        System.getProperty("netchat.it.pg.url") + NetChatServer.PG_DATABASE,
                        System.getProperty("netchat.it.pg.user"),
                        System.getProperty("netchat.it.pg.password"));
                PreparedStatement s = c.prepareStatement("UPDATE users SET avatar_url = ? WHERE id = ?")) {
            s.setString(1, url);
            s.setString(2, userId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        return true;
    }

    @Test
    void hugeNonImageAndRedirectedResponsesAreRefused() {
        Api.Session viewer = api.newUser("avatar");
        for (String path : List.of("/huge.png", "/page.png", "/moved.png")) {
            Api.Session owner = api.newUser("avatar");
            String shown = shownAvatarOf(owner, at("127.0.0.1", path + "?" + owner.userId()), viewer);

            Api.Reply refused = api.get(shown, viewer);

            Chat.assertProblem(refused, 404);
            assertThat(refused.body()).as(path).doesNotContain("<html").doesNotContain("alert");
        }
        // Each was asked for once; the redirect to 10.0.0.1 was not followed.
        assertThat(requests)
                .hasSize(3)
                .allMatch(r -> r.endsWith("NetChat avatar proxy"))
                .noneMatch(r -> r.contains("inside"));
    }
}
