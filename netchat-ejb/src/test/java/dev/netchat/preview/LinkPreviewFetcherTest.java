package dev.netchat.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.netchat.message.LinkPreview;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching within the limits: addresses, redirects, types, the size cap and the deadline. */
class LinkPreviewFetcherTest {

    private HttpServer origin;
    private final ConcurrentLinkedQueue<String> served = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean hungUpOn = new AtomicBoolean();

    @BeforeEach
    void startOrigin() throws IOException {
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            served.add(path);
            try (exchange) {
                if (path.startsWith("/to-metadata")) {
                    exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                    exchange.sendResponseHeaders(302, -1);
                } else if (path.startsWith("/moved")) {
                    exchange.getResponseHeaders().add("Location", "/page");
                    exchange.sendResponseHeaders(301, -1);
                } else if (path.startsWith("/loop")) {
                    exchange.getResponseHeaders().add("Location", "/loop");
                    exchange.sendResponseHeaders(302, -1);
                } else if (path.startsWith("/json")) {
                    send(exchange, "application/json", "{\"title\":\"no\"}");
                } else if (path.startsWith("/huge")) {
                    exchange.getResponseHeaders().add("Content-Type", "text/html");
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody()
                            .write("<html><head><title>Huge</title></head><body>".getBytes(StandardCharsets.UTF_8));
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    for (int i = 0; i < 200; i++) { // 12.8 MB
                        exchange.getResponseBody().write(chunk);
                    }
                } else if (path.startsWith("/slow")) {
                    exchange.getResponseHeaders().add("Content-Type", "text/html");
                    exchange.sendResponseHeaders(200, 0);
                    for (int i = 0; i < 40; i++) { // a byte every 200 ms: never a read timeout, but 8 s in all
                        exchange.getResponseBody().write(' ');
                        exchange.getResponseBody().flush();
                        Thread.sleep(200);
                    }
                    exchange.getResponseBody().write("<title>Slow</title>".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(
                            exchange,
                            "text/html; charset=utf-8",
                            "<title>A page</title><meta property=og:image content=/p.png>");
                }
            } catch (IOException e) {
                hungUpOn.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        origin.start();
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @AfterEach
    void stopOrigin() {
        origin.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + origin.getAddress().getPort() + path;
    }

    private static LinkPreviewFetcher allowingLoopback() {
        return new LinkPreviewFetcher("127.0.0.1", 3, 2, 64 * 1024, 3);
    }

    @Test
    void aPageGivesItsPreviewWithItsPictureResolved() {
        assertThat(allowingLoopback().load(url("/page")))
                .hasValue(new LinkPreview(url("/page"), "A page", null, "127.0.0.1", url("/p.png")));
    }

    @Test
    void loopbackIsRefusedWithoutARequestUnlessTheOperatorAllowsIt() {
        assertThat(new LinkPreviewFetcher(null, 3, 2, 64 * 1024, 3).load(url("/page")))
                .isEmpty();
        assertThat(served).isEmpty();
    }

    @Test
    void redirectsAreFollowedAFewTimesEachHopVetted() {
        LinkPreviewFetcher fetcher = allowingLoopback();
        assertThat(fetcher.load(url("/moved"))).map(LinkPreview::title).hasValue("A page");
        assertThat(fetcher.load(url("/to-metadata"))).isEmpty();
        assertThat(fetcher.load(url("/loop"))).isEmpty();
        assertThat(served).containsExactly("/moved", "/page", "/to-metadata", "/loop", "/loop", "/loop", "/loop");
    }

    @Test
    void onlyHtmlAndOnlyHttp() {
        assertThat(allowingLoopback().load(url("/json"))).isEmpty();
        assertThat(allowingLoopback().load("file:///etc/passwd")).isEmpty();
        assertThat(allowingLoopback()
                        .load("http://user:pw@127.0.0.1:" + origin.getAddress().getPort() + "/page"))
                .isEmpty();
    }

    @Test
    void aHugePageIsReadUpToTheCapOnlyAndItsHeadStillCounts() throws Exception {
        long start = System.nanoTime();
        assertThat(allowingLoopback().load(url("/huge")))
                .map(LinkPreview::title)
                .hasValue("Huge");
        Thread.sleep(300);
        assertThat(hungUpOn)
                .as("the fetcher hung up instead of reading 12.8 MB")
                .isTrue();
        assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);
    }

    @Test
    void aPageThatTricklesIsCutOffAtTheDeadline() {
        long start = System.nanoTime();
        assertThat(allowingLoopback().load(url("/slow"))).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_900L, 4_000L);
    }
}
