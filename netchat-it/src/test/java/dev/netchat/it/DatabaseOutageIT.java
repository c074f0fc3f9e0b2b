package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /health follows the database: down while PostgreSQL refuses NetChat's connections, up again after.
 * Runs in the PostgreSQL execution only (see the failsafe configuration): an embedded H2 cannot be taken away.
 */
@ExtendWith(ServerExtension.class)
class DatabaseOutageIT {

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    /**
     * PostgreSQL refuses NetChat for 30 s while two users post and read. Every answer is a success or a
     * problem+json 503 with Retry-After (never a 500), the reader's socket stays open, nothing acknowledged is
     * lost, and posting works again within 5 s of the database's return.
     */
    @Test
    void a30SecondOutageAnswers503NeverLosesAcknowledgedMessagesAndRecoversWithin5Seconds() throws Exception {
        assertThat(ServerExtension.server().onPostgresql())
                .as("this test needs the PostgreSQL run")
                .isTrue();
        Api.Session alice = api.newUser("outage");
        Api.Session bob = api.newUser("outage");
        String channel = chat.privateChannel(alice, bob);
        java.util.List<String> acknowledged = new java.util.ArrayList<>();
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        java.util.List<String> bad = new java.util.ArrayList<>();
        int n = 0;
        try (ChatSocket socket = ChatSocket.connect(api, bob);
                Connection admin = ServerExtension.server().adminConnection();
                Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + NetChatServer.PG_DATABASE + " ALLOW_CONNECTIONS false");
            long restoredAt;
            try {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + NetChatServer.PG_DATABASE + "'");
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                long nextPing = 0;
                while (System.nanoTime() < end) {
                    String text = "during outage " + n++;
                    Api.Reply posted = api.post(
                            "/api/channels/" + channel + "/messages",
                            Api.json()
                                    .put("text", text)
                                    .put(
                                            "clientMessageId",
                                            java.util.UUID.randomUUID().toString()),
                            alice);
                    Api.Reply read = api.get("/api/channels/" + channel + "/messages?limit=5", bob);
                    for (Api.Reply r : new Api.Reply[] {posted, read}) {
                        statuses.merge(r.status(), 1, Integer::sum);
                        boolean fine = r.status() < 300
                                || (r.status() == 503
                                        && r.headers().firstValue("Retry-After").isPresent()
                                        && r.contentType().startsWith("application/problem+json"));
                        if (!fine) {
                            bad.add(r.status() + " " + r.body());
                        }
                    }
                    if (posted.status() == 201) {
                        acknowledged.add(text);
                    }
                    if (System.nanoTime() > nextPing) {
                        // The idle timeout must not be what closes the socket.
                        socket.send(Api.json().put("type", "ping"));
                        nextPing = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    }
                    Thread.sleep(300);
                }
            } finally {
                s.execute("ALTER DATABASE " + NetChatServer.PG_DATABASE + " ALLOW_CONNECTIONS true");
                restoredAt = System.nanoTime();
            }
            System.out.printf("outage: statuses %s, %d acknowledged of %d%n", statuses, acknowledged.size(), n);
            assertThat(bad)
                    .as("answers during the outage that were neither success nor 503 problem+json with Retry-After")
                    .isEmpty();
            assertThat(statuses).as("the outage was noticed").containsKey(503);
            assertThat(socket.closedWithin(Duration.ZERO))
                    .as("the reader's socket stays open")
                    .isFalse();

            // Back within 5 s of the database's return.
            Api.Reply after;
            do {
                after = api.post(
                        "/api/channels/" + channel + "/messages",
                        Api.json()
                                .put("text", "after outage")
                                .put(
                                        "clientMessageId",
                                        java.util.UUID.randomUUID().toString()),
                        alice);
            } while (after.status() != 201
                    && System.nanoTime() - restoredAt < Duration.ofSeconds(5).toNanos()
                    && sleep(200));
            long recoveredMillis = (System.nanoTime() - restoredAt) / 1_000_000;
            System.out.printf("outage: posting works again %d ms after the database returned%n", recoveredMillis);
            assertThat(after.status())
                    .as("posting within 5 s of the database's return")
                    .isEqualTo(201);
            acknowledged.add("after outage");
            socket.awaitEvent(
                    f -> f.path("type").asText().equals("message.new")
                            && f.path("message").path("text").asText().equals("after outage"),
                    ChatSocket.TIMEOUT,
                    "the socket delivers again");
        }
        String history =
                api.get("/api/channels/" + channel + "/messages?limit=200", bob).body();
        for (String text : acknowledged) {
            assertThat(history).as("acknowledged message '%s' kept", text).contains("\"" + text + "\"");
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Test
    void healthIs503WhileTheDatabaseIsUnreachableAnd200WhenItIsBack() throws Exception {
        assertThat(ServerExtension.server().onPostgresql())
                .as("this test needs the PostgreSQL run")
                .isTrue();
        try (Connection admin = ServerExtension.server().adminConnection();
                Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + NetChatServer.PG_DATABASE + " ALLOW_CONNECTIONS false");
            try {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + NetChatServer.PG_DATABASE + "'");
                Api.Reply down = await(503, Duration.ofSeconds(30));
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.headers().firstValue("Retry-After")).isPresent();
                assertThat(down.json().path("status").asText()).isEqualTo("DOWN");
            } finally {
                s.execute("ALTER DATABASE " + NetChatServer.PG_DATABASE + " ALLOW_CONNECTIONS true");
            }
        }
        assertThat(await(200, Duration.ofSeconds(60)).status()).isEqualTo(200);
        // And NetChat serves again.
        assertThat(api.newUser("afteroutage").userId()).isNotBlank();
    }

    private Api.Reply await(int status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Api.Reply r = api.send("GET", "/health", null);
        while (r.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            r = api.send("GET", "/health", null);
        }
        return r;
    }
}
