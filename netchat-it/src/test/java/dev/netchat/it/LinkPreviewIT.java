package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Link previews (issue 19, point 5) on the real server: a message linking to a page gets a card (title,
 * description, picture) that the server fetched after answering the post, announced as {@code message.updated}.
 * The pages are served by this test JVM on every local address; the server runs with
 * {@code NETCHAT_PREVIEWS_ALLOWED_ADDRESSES=127.0.0.1} ({@link NetChatServer#environment()}), as an operator would
 * allow an intranet site, so ::1, 127.0.0.2 and private ranges stay refused and would show up in {@link #requests}
 * if they were fetched anyway. Default limits: 3 s timeout, 5 s for a whole body, 512 KiB.
 */
@ExtendWith(ServerExtension.class)
class LinkPreviewIT {

    private static final Duration ARRIVES = Duration.ofSeconds(20);

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);
    private final Files files = new Files(api);

    private HttpServer origin;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Path → bytes of the body written before the reader hung up (only for pages the reader hung up on). */
    private final Map<String, Long> hungUpAfter = new ConcurrentHashMap<>();

    private final byte[] png = Files.png(400, 300);

    @BeforeEach
    void startOrigin() throws IOException {
        origin = HttpServer.create(new InetSocketAddress(0), 0);
        origin.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        origin.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path + " " + exchange.getRequestHeaders().getFirst("User-Agent"));
            long written = 0;
            try (exchange) {
                if (path.startsWith("/slow")) {
                    // Headers at once, then a byte every 250 ms for 15 s: never a read timeout, only the deadline stops
                    // it.
                    exchange.getResponseHeaders().add("Content-Type", "text/html");
                    exchange.sendResponseHeaders(200, 0);
                    for (int i = 0; i < 60; i++) {
                        exchange.getResponseBody().write(' ');
                        exchange.getResponseBody().flush();
                        written++;
                        Thread.sleep(250);
                    }
                    exchange.getResponseBody().write("<title>Slow page</title>".getBytes(StandardCharsets.UTF_8));
                } else if (path.startsWith("/huge")) {
                    // Its head first, then 20 MiB: the server reads 512 KiB, keeps what the head said and hangs up.
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, 0);
                    byte[] head = "<html><head><title>Huge page</title></head><body>".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseBody().write(head);
                    written += head.length;
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    for (int i = 0; i < 320; i++) {
                        exchange.getResponseBody().write(chunk);
                        written += chunk.length;
                    }
                } else if (path.startsWith("/picture")) {
                    exchange.getResponseHeaders().add("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, png.length);
                    exchange.getResponseBody().write(png);
                } else {
                    String name = path.substring(1);
                    page(exchange, """
                            <!doctype html><html><head><title>Plain title of %s</title>
                            <meta property="og:title" content="Article %s &amp; more">
                            <meta property="og:description" content="What %s is about">
                            <meta property="og:site_name" content="Local News">
                            <meta property="og:image" content="/picture-%s.png">
                            </head><body><script>alert(1)</script></body></html>""".formatted(name, name, name, name));
                }
            } catch (IOException hungUp) {
                hungUpAfter.put(path, written);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        origin.start();
    }

    private static void page(HttpExchange exchange, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @AfterEach
    void stopOrigin() {
        origin.stop(0);
    }

    private String at(String host, String path) {
        return "http://" + host + ":" + origin.getAddress().getPort() + path;
    }

    private static String unique(String prefix) {
        return prefix + "-" + Chat.token();
    }

    private static Predicate<JsonNode> previewOf(String messageId) {
        return f -> Chat.aboutMessage("message.updated", messageId).test(f)
                && f.path("message").path("preview").isObject();
    }

    private List<String> requestsFor(String pathPrefix) {
        return requests.stream().filter(r -> r.startsWith(pathPrefix)).toList();
    }

    /** Posts and answers the message, asserting that the answer did not wait for the linked page. */
    private JsonNode postQuickly(Api.Session author, String channel, String text) {
        long start = System.nanoTime();
        JsonNode posted = chat.post(author, channel, text);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("the post's answer waits for no fetch")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(posted.path("preview").isNull())
                .as("no preview yet in the post's answer: %s", posted)
                .isTrue();
        return posted;
    }

    @Test
    void aLinkedPageGetsItsCardLiveAndInHistoryWithItsPictureServedByNetChatToMembersOnly() {
        Api.Session alice = api.newUser("preview");
        Api.Session bob = api.newUser("preview");
        Api.Session outsider = api.newUser("preview");
        String channel = chat.privateChannel(alice, bob);
        String name = unique("article");
        String link = at("127.0.0.1", "/" + name);

        try (ChatSocket bobSocket = ChatSocket.connect(api, bob)) {
            JsonNode posted = postQuickly(alice, channel, "Read this: " + link + ".");
            String id = posted.path("id").asText();

            JsonNode frame = bobSocket.awaitEvent(previewOf(id), ARRIVES, "the preview of " + id);
            JsonNode preview = frame.path("message").path("preview");
            assertThat(frame.path("seq").asLong())
                    .isGreaterThan(posted.path("seq").asLong());
            assertThat(preview.path("url").asText()).isEqualTo(link);
            assertThat(preview.path("title").asText()).isEqualTo("Article " + name + " & more");
            assertThat(preview.path("description").asText()).isEqualTo("What " + name + " is about");
            assertThat(preview.path("siteName").asText()).isEqualTo("Local News");
            String imageUrl = preview.path("imageUrl").asText();
            assertThat(imageUrl)
                    .startsWith("/api/messages/" + id + "/preview/image?v=")
                    .doesNotContain("127.0.0.1");
            assertThat(frame.path("message").path("text").asText()).isEqualTo("Read this: " + link + ".");
            assertThat(frame.path("message").path("edited").asBoolean()).isFalse();

            // The same card in the history, for the author too.
            assertThat(chat.find(alice, channel, id).path("preview")).isEqualTo(preview);
            assertThat(chat.find(bob, channel, id).path("preview")).isEqualTo(preview);

            // The picture comes from NetChat, re-encoded; the page's host saw only the server, once per thing.
            assertThat(requestsFor("/picture")).isEmpty();
            Files.Bytes picture = files.get(imageUrl, bob);
            assertThat(picture.status()).isEqualTo(200);
            assertThat(picture.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(picture.header("Cache-Control")).contains("private").contains("max-age=86400");
            BufferedImage decoded = Files.decode(picture.body());
            assertThat(decoded.getWidth()).isEqualTo(160);
            assertThat(decoded.getHeight()).isEqualTo(160);
            assertThat(files.get(imageUrl, alice).status()).isEqualTo(200);
            assertThat(requests)
                    .containsExactly(
                            "/" + name + " NetChat link preview", "/picture-" + name + ".png NetChat link preview");

            // Not a member: no picture, and no such message.
            assertThat(files.get(imageUrl, outsider).status()).isEqualTo(404);
            assertThat(files.get(imageUrl, null).status()).isEqualTo(401);

            // The same link in another message is answered from the cache, without asking the host again.
            JsonNode again = postQuickly(bob, channel, "Also " + link);
            bobSocket.awaitEvent(previewOf(again.path("id").asText()), ARRIVES, "the cached preview");
            assertThat(requestsFor("/" + name)).hasSize(1);

            // Editing the link away takes the card with the edit; the new link gets its own.
            String other = unique("other");
            Api.Reply edited = api.patch(
                    "/api/messages/" + id, Api.json().put("text", "Rather " + at("127.0.0.1", "/" + other)), alice);
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            assertThat(edited.json().path("preview").isNull()).isTrue();
            JsonNode newCard = bobSocket.awaitEvent(previewOf(id), ARRIVES, "the edited message's preview");
            assertThat(newCard.path("message").path("preview").path("title").asText())
                    .isEqualTo("Article " + other + " & more");
        }
    }

    @Test
    void addressesTheOperatorDidNotAllowAreNeverFetched() {
        Api.Session alice = api.newUser("preview");
        Api.Session bob = api.newUser("preview");
        String channel = chat.privateChannel(alice, bob);
        try (ChatSocket bobSocket = ChatSocket.connect(api, bob)) {
            // ::1 and 127.0.0.2 are loopback too, but only 127.0.0.1 is allowed; 10.0.0.1 and 169.254.169.254 are
            // a private address and the cloud metadata service; 0.0.0.0 reaches this machine on Linux.
            List<String> refused = List.of(
                    at("[::1]", "/v6"),
                    at("127.0.0.2", "/other-loopback"),
                    at("[::ffff:127.0.0.2]", "/mapped"),
                    at("0.0.0.0", "/any"),
                    "http://10.0.0.1/inside",
                    "http://169.254.169.254/latest/meta-data/");
            List<String> ids = new java.util.ArrayList<>();
            for (String url : refused) {
                ids.add(postQuickly(alice, channel, "see " + url).path("id").asText());
            }
            // A page that is allowed, posted last: once its card arrived, the refused ones (refused before any
            // connection, so faster) have long been decided.
            String control = postQuickly(alice, channel, "and " + at("127.0.0.1", "/" + unique("control")))
                    .path("id")
                    .asText();
            bobSocket.awaitEvent(previewOf(control), ARRIVES, "the allowed page's preview");
            List<JsonNode> later = bobSocket.drain(Duration.ofSeconds(1));

            for (String id : ids) {
                assertThat(bobSocket.received().stream().anyMatch(previewOf(id)))
                        .as(id)
                        .isFalse();
                assertThat(chat.find(bob, channel, id).path("preview").isNull())
                        .as(id)
                        .isTrue();
            }
            assertThat(later)
                    .noneMatch(f -> "message.updated".equals(f.path("type").asText()));
            assertThat(requests).as("only the allowed page was fetched").hasSize(1);
            assertThat(requests.get(0)).startsWith("/control-");
        }
    }

    @Test
    void aSlowPageIsCutOffByTheDeadlineAndAHugeOneByTheSizeCapWhileThePostsAreAnsweredAtOnce() throws Exception {
        Api.Session alice = api.newUser("preview");
        Api.Session bob = api.newUser("preview");
        String channel = chat.privateChannel(alice, bob);
        try (ChatSocket bobSocket = ChatSocket.connect(api, bob)) {
            String slow = postQuickly(alice, channel, "slow " + at("127.0.0.1", "/" + unique("slow")))
                    .path("id")
                    .asText();
            String huge = postQuickly(alice, channel, "huge " + at("127.0.0.1", "/" + unique("huge")))
                    .path("id")
                    .asText();

            // The huge page's head came first: its card arrives, from the 512 KiB read, and the server hung up.
            JsonNode card = bobSocket.awaitEvent(previewOf(huge), ARRIVES, "the huge page's preview");
            assertThat(card.path("message").path("preview").path("title").asText())
                    .isEqualTo("Huge page");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (hungUpAfter.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String hugePath = requestsFor("/huge").get(0).split(" ")[0];
            String slowPath = requestsFor("/slow").get(0).split(" ")[0];
            assertThat(hungUpAfter).as("the server hung up on both").containsKeys(hugePath, slowPath);
            assertThat(hungUpAfter.get(hugePath))
                    .as("bytes written before the hang-up, of 20 MiB")
                    .isLessThan(8L * 1024 * 1024);
            // The slow page was given up at the 5 s deadline, long before its 15 s end (and its title).
            assertThat(hungUpAfter.get(slowPath)).isLessThan(45L);

            bobSocket.drain(Duration.ofSeconds(1));
            assertThat(bobSocket.received().stream().anyMatch(previewOf(slow))).isFalse();
            assertThat(chat.find(bob, channel, slow).path("preview").isNull()).isTrue();
            // The channel works as ever meanwhile.
            chat.post(bob, channel, "still here");
        }
    }

    @Test
    void linkPreviewFalseGivesNoPreviewNotEvenAfterAnEdit() {
        Api.Session alice = api.newUser("preview");
        Api.Session bob = api.newUser("preview");
        String channel = chat.privateChannel(alice, bob);
        try (ChatSocket bobSocket = ChatSocket.connect(api, bob)) {
            String quiet = unique("quiet");
            Api.Reply r = chat.send(
                    alice,
                    channel,
                    Chat.message("no card for " + at("127.0.0.1", "/" + quiet), Chat.clientMessageId())
                            .put("linkPreview", false));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            String id = r.json().path("id").asText();
            assertThat(api.patch(
                                    "/api/messages/" + id,
                                    Api.json().put("text", "still none " + at("127.0.0.1", "/" + quiet + "-2")),
                                    alice)
                            .status())
                    .isEqualTo(200);

            String control = postQuickly(alice, channel, at("127.0.0.1", "/" + unique("control")))
                    .path("id")
                    .asText();
            bobSocket.awaitEvent(previewOf(control), ARRIVES, "the control's preview");
            bobSocket.drain(Duration.ofSeconds(1));
            assertThat(bobSocket.received().stream().anyMatch(previewOf(id))).isFalse();
            assertThat(requestsFor("/" + quiet)).isEmpty();
            assertThat(chat.find(alice, channel, id).path("preview").isNull()).isTrue();

            // Not a boolean: JSON-B reads a string leniently (as the other fields of the body), but never a 500.
            Api.Reply odd = api.sendJson(
                    "POST",
                    "/api/channels/" + channel + "/messages",
                    Chat.message("x " + at("127.0.0.1", "/" + quiet + "-3"), Chat.clientMessageId())
                            .put("linkPreview", "nope"),
                    alice);
            assertThat(odd.status()).as(odd.toString()).isLessThan(500);
            Api.Reply array = api.sendJson(
                    "POST",
                    "/api/channels/" + channel + "/messages",
                    Chat.message("y", Chat.clientMessageId())
                            .set("linkPreview", Api.json().putArray("a")),
                    alice);
            assertThat(array.status()).as(array.toString()).isBetween(400, 499);
        }
    }

    @Test
    void onlyTheAuthorRemovesAPreviewOutsidersGet404AndItDoesNotComeBack() {
        Api.Session alice = api.newUser("preview");
        Api.Session bob = api.newUser("preview");
        Api.Session outsider = api.newUser("preview");
        String channel = chat.privateChannel(alice, bob);
        try (ChatSocket bobSocket = ChatSocket.connect(api, bob)) {
            String id = postQuickly(alice, channel, at("127.0.0.1", "/" + unique("removable")))
                    .path("id")
                    .asText();
            bobSocket.awaitEvent(previewOf(id), ARRIVES, "the preview");

            Chat.assertProblem(api.delete("/api/messages/" + id + "/preview", bob), 403);
            Chat.assertProblem(api.delete("/api/messages/" + id + "/preview", outsider), 404);
            Chat.assertProblem(api.delete("/api/messages/" + "no-such-message" + "/preview", alice), 404);
            Chat.assertProblem(api.get("/api/messages/" + id + "/preview/image", outsider), 404);
            assertThat(chat.find(bob, channel, id).path("preview").isObject()).isTrue();

            Api.Reply removed = api.delete("/api/messages/" + id + "/preview", alice);
            assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
            assertThat(removed.json().path("preview").isNull()).isTrue();
            JsonNode gone = bobSocket.awaitEvent(Chat.aboutMessage("message.updated", id), ARRIVES, "the removal");
            assertThat(gone.path("message").path("preview").isNull()).isTrue();
            assertThat(api.delete("/api/messages/" + id + "/preview", alice).status())
                    .as("idempotent")
                    .isEqualTo(200);

            // A later edit to another link does not bring a card back.
            String later = unique("later");
            assertThat(api.patch(
                                    "/api/messages/" + id,
                                    Api.json().put("text", "now " + at("127.0.0.1", "/" + later)),
                                    alice)
                            .status())
                    .isEqualTo(200);
            String control = postQuickly(alice, channel, at("127.0.0.1", "/" + unique("control")))
                    .path("id")
                    .asText();
            bobSocket.awaitEvent(previewOf(control), ARRIVES, "the control's preview");
            bobSocket.drain(Duration.ofSeconds(1));
            assertThat(bobSocket.received().stream().filter(previewOf(id)).count())
                    .isEqualTo(1);
            assertThat(requestsFor("/" + later)).isEmpty();
            assertThat(chat.find(bob, channel, id).path("preview").isNull()).isTrue();
            Chat.assertProblem(api.get("/api/messages/" + id + "/preview/image", bob), 404);
        }
    }
}
