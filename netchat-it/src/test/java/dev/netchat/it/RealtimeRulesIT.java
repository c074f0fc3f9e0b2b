package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rest of the WebSocket contract (API.md, Real time): presence, typing, bad frames, limits, who may
 * connect, logout, and a client too slow to keep up.
 */
@ExtendWith(ServerExtension.class)
class RealtimeRulesIT {

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String FOREIGN_ORIGIN = "https://evil.example";

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    // Presence

    @Test
    void presenceGoesOnlineWithTheFirstSocketAndOfflineWhenTheLastCloses() {
        Api.Session alice = api.newUser("presence");
        Api.Session bob = api.newUser("presence");
        chat.privateChannel(alice, bob);
        try (ChatSocket b = ChatSocket.connect(api, bob);
                ChatSocket phone = ChatSocket.connect(api, alice)) {
            JsonNode online = b.awaitEvent(presenceOf(alice, true), ChatSocket.TIMEOUT, "alice online");
            assertThat(online.path("user").path("id").asText()).isEqualTo(alice.userId());
            try (ChatSocket laptop = ChatSocket.connect(api, alice)) {
                assertThat(laptop.connectionId()).isNotEqualTo(phone.connectionId());
                phone.close();
                assertThat(b.drain(Duration.ofSeconds(3)))
                        .as("alice still has a socket open")
                        .noneMatch(presenceOf(alice, false));
            }
            JsonNode offline = b.awaitEvent(presenceOf(alice, false), Duration.ofSeconds(20), "alice offline");
            assertThat(offline.path("user").has("lastActive"))
                    .as(offline.toString())
                    .isTrue();
        }
    }

    @Test
    void presenceReachesDirectAndSmallConversationsButNotCoMembersOfOnlyABigRoom() {
        int max = NetChatServer.PRESENCE_MAX_CHANNEL_MEMBERS;
        Api.Session alice = api.newUser("presence");
        Api.Session bob = api.newUser("presence"); // shares only the big room with alice
        Api.Session carol = api.newUser("presence"); // alice's direct conversation
        Api.Session dave = api.newUser("presence"); // shares only a group of exactly the limit with alice
        List<Api.Session> others = new ArrayList<>();
        for (int i = 0; i < max - 1; i++) {
            others.add(api.newUser("presence"));
        }
        Api.Session[] bigMembers = new Api.Session[max];
        bigMembers[0] = bob;
        for (int i = 1; i < max; i++) {
            bigMembers[i] = others.get(i - 1);
        }
        JsonNode big = chat.createTeam(alice, Chat.channelName("big"), true, bigMembers);
        assertThat(big.path("memberCount").asInt()).isEqualTo(max + 1);
        Api.Reply dm = chat.createMessaging(alice, carol);
        assertThat(dm.status()).as(dm.toString()).isEqualTo(201);
        Api.Session[] groupMembers = new Api.Session[max - 1];
        groupMembers[0] = dave;
        for (int i = 1; i < max - 1; i++) {
            groupMembers[i] = others.get(i - 1);
        }
        Api.Reply group = chat.createMessaging(alice, groupMembers);
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        assertThat(group.json().path("memberCount").asInt()).isEqualTo(max);
        String bigRoom = big.path("id").asText();

        try (ChatSocket b = ChatSocket.connect(api, bob);
                ChatSocket c = ChatSocket.connect(api, carol);
                ChatSocket d = ChatSocket.connect(api, dave)) {
            try (ChatSocket a = ChatSocket.connect(api, alice)) {
                c.awaitEvent(presenceOf(alice, true), ChatSocket.TIMEOUT, "alice online, in the direct conversation");
                d.awaitEvent(presenceOf(alice, true), ChatSocket.TIMEOUT, "alice online, in a group of " + max);
                // The round that reached carol and dave is over; a frame for bob would have been queued before
                // this message, on the same socket.
                String id = chat.post(alice, bigRoom, "after the presence round")
                        .path("id")
                        .asText();
                b.awaitEvent(
                        f -> Chat.newMessage(bigRoom).test(f)
                                && id.equals(f.path("message").path("id").asText()),
                        ChatSocket.TIMEOUT,
                        "the message in the big room");
                assertThat(b.received())
                        .as("bob shares only a room of " + (max + 1) + " with alice")
                        .noneMatch(presenceOf(alice, true));
            }
            c.awaitEvent(presenceOf(alice, false), Duration.ofSeconds(20), "alice offline, in the direct conversation");
            String later = chat.post(others.get(0), bigRoom, "after alice left")
                    .path("id")
                    .asText();
            b.awaitEvent(
                    f -> Chat.newMessage(bigRoom).test(f)
                            && later.equals(f.path("message").path("id").asText()),
                    ChatSocket.TIMEOUT,
                    "the later message in the big room");
            assertThat(b.received()).as("bob shares only a big room with alice").noneMatch(presenceOf(alice, false));
        }
    }

    @Test
    void lastActiveIsRecordedWhenTheFirstSocketOpensAndAgainWhenTheLastCloses() throws Exception {
        Api.Session alice = api.newUser("lastactive");
        Api.Session bob = api.newUser("lastactive");
        chat.privateChannel(alice, bob);
        assertThat(lastActive(bob, alice)).as("never connected").isNull();

        Instant opened;
        try (ChatSocket a = ChatSocket.connect(api, alice)) {
            opened = awaitLastActive(bob, alice, null);
            Thread.sleep(50);
        }
        Instant closed = awaitLastActive(bob, alice, opened);

        assertThat(closed).isAfter(opened);
    }

    /** Polls the user list until alice's lastActive is set and later than {@code after}: it is written in batches. */
    private Instant awaitLastActive(Api.Session viewer, Api.Session user, Instant after) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Instant at = lastActive(viewer, user);
            if (at != null && (after == null || at.isAfter(after))) {
                return at;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("lastActive of " + user.username() + " not recorded after " + after);
    }

    private Instant lastActive(Api.Session viewer, Api.Session user) {
        Api.Reply r = api.get("/api/users?q=" + user.username(), viewer);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode found = r.json().path("users").get(0);
        return found.path("lastActive").isTextual()
                ? Instant.parse(found.path("lastActive").asText())
                : null;
    }

    // Typing

    @Test
    void typingReachesTheOtherMembersButNotTheTypistOrNonMembers() {
        Api.Session alice = api.newUser("typing");
        Api.Session bob = api.newUser("typing");
        Api.Session eve = api.newUser("outsider");
        String channel = chat.privateChannel(alice, bob);
        try (ChatSocket a = ChatSocket.connect(api, alice);
                ChatSocket b = ChatSocket.connect(api, bob);
                ChatSocket e = ChatSocket.connect(api, eve)) {

            a.send(ChatSocket.typing("typing.start", channel));
            JsonNode start = b.awaitEvent(Chat.event("typing.start", channel), ChatSocket.TIMEOUT, "typing.start");
            assertThat(start.path("userId").asText()).isEqualTo(alice.userId());
            assertThat(start.has("seq")).as("typing is ephemeral: %s", start).isFalse();

            a.send(ChatSocket.typing("typing.stop", channel));
            JsonNode stop = b.awaitEvent(Chat.event("typing.stop", channel), ChatSocket.TIMEOUT, "typing.stop");
            assertThat(stop.path("userId").asText()).isEqualTo(alice.userId());

            assertThat(a.drain(QUIET)).as("the typist's own socket").noneMatch(isTyping());
            assertThat(e.drain(QUIET))
                    .as("a non-member")
                    .noneMatch(f -> channel.equals(f.path("channelId").asText()));
        }
    }

    @Test
    void typingInAChannelTheUserIsNotInIsAnErrorAndReachesNobody() {
        Api.Session alice = api.newUser("typing");
        Api.Session bob = api.newUser("typing");
        Api.Session eve = api.newUser("outsider");
        String channel = chat.privateChannel(alice, bob);
        try (ChatSocket b = ChatSocket.connect(api, bob);
                ChatSocket e = ChatSocket.connect(api, eve)) {

            e.send(ChatSocket.typing("typing.start", channel));
            JsonNode error = e.awaitType("error", ChatSocket.TIMEOUT);
            e.send(ChatSocket.typing("typing.start", UUID.randomUUID().toString()));
            JsonNode unknown = e.awaitType("error", ChatSocket.TIMEOUT);

            assertThat(ChatSocket.problemOf(error).path("status").asInt())
                    .as(error.toString())
                    .isIn(403, 404);
            assertThat(ChatSocket.problemOf(unknown).path("status").asInt())
                    .as(unknown.toString())
                    .isIn(403, 404);
            assertThat(b.drain(QUIET)).noneMatch(isTyping());
        }
    }

    // Bad frames

    @Test
    void aFrameThatIsNotJsonGetsA400ErrorAndTheSocketStaysUsable() {
        Api.Session alice = api.newUser("badframe");
        try (ChatSocket a = ChatSocket.connect(api, alice)) {
            a.sendRaw("this is not JSON {");
            JsonNode error = a.awaitType("error", ChatSocket.TIMEOUT);
            assertThat(ChatSocket.problemOf(error).path("status").asInt())
                    .as(error.toString())
                    .isEqualTo(400);
            assertThat(ChatSocket.problemOf(error).path("type").asText())
                    .as("the REST type of a 400")
                    .isEqualTo("urn:netchat:problem:invalid-input");
            assertThat(ChatSocket.problemOf(error).path("title").asText())
                    .as(error.toString())
                    .isNotBlank();

            a.send(ChatSocket.ping());
            a.awaitType("pong", ChatSocket.TIMEOUT);
            assertThat(a.isClosed()).isFalse();
        }
    }

    @Test
    void aJsonValueThatIsNotAnObjectGetsA400Error() {
        Api.Session alice = api.newUser("badframe");
        try (ChatSocket a = ChatSocket.connect(api, alice)) {
            a.sendRaw("[\"ping\"]");
            JsonNode error = a.awaitType("error", ChatSocket.TIMEOUT);
            assertThat(ChatSocket.problemOf(error).path("status").asInt())
                    .as(error.toString())
                    .isEqualTo(400);

            a.send(ChatSocket.ping());
            a.awaitType("pong", ChatSocket.TIMEOUT);
        }
    }

    @Test
    void aFrameOfAnUnknownTypeGetsA400ErrorAndTheSocketStaysUsable() {
        Api.Session alice = api.newUser("badframe");
        try (ChatSocket a = ChatSocket.connect(api, alice)) {
            a.send(ChatSocket.frame("teleport"));
            JsonNode error = a.awaitType("error", ChatSocket.TIMEOUT);
            assertThat(ChatSocket.problemOf(error).path("status").asInt())
                    .as(error.toString())
                    .isEqualTo(400);

            a.send(ChatSocket.ping());
            a.awaitType("pong", ChatSocket.TIMEOUT);
        }
    }

    @Test
    void aFrameLargerThan64KiBClosesTheSocketWith1009Or1008() {
        Api.Session alice = api.newUser("bigframe");
        try (ChatSocket a = ChatSocket.connect(api, alice)) {
            String big = Api.write(ChatSocket.ping().put("pad", "x".repeat(70 * 1024)));
            a.sendRawAsync(big); // the server may close before it has read all of it

            int code = a.awaitClose(ChatSocket.TIMEOUT);

            assertThat(code)
                    .as("close code (reason '%s', error %s)", a.closeReason(), a.error())
                    .isIn(1009, 1008);
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        Api.Session alice = api.newUser("ping");
        try (ChatSocket a = ChatSocket.connect(api, alice)) {
            a.send(ChatSocket.ping());
            JsonNode pong = a.awaitType("pong", ChatSocket.TIMEOUT);
            assertThat(pong.has("seq")).isFalse();
        }
    }

    // Who may connect

    @Test
    void theSessionCookieAloneOpensASocket() {
        Api.Session alice = api.newUser("cookie");
        try (ChatSocket a = ChatSocket.connectWithCookie(api, alice)) {
            assertThat(a.userId()).isEqualTo(alice.userId());
            a.send(ChatSocket.ping());
            a.awaitType("pong", ChatSocket.TIMEOUT);
        }
    }

    @Test
    void aHandshakeWithoutCredentialsIsRefusedWith401() {
        WebSocketHandshakeException refused = ChatSocket.expectRefused(api, api.origin(), null, ChatSocket.SUBPROTOCOL);
        assertThat(ChatSocket.status(refused)).isEqualTo(401);
    }

    @Test
    void aHandshakeWithABadTokenIsRefusedWith401() {
        Api.Session alice = api.newUser("badtoken");
        String tampered = alice.token().substring(0, alice.token().length() - 4) + "AAAA";

        WebSocketHandshakeException made =
                ChatSocket.expectRefused(api, api.origin(), null, ChatSocket.SUBPROTOCOL, "bearer.not.a.token");
        WebSocketHandshakeException forged =
                ChatSocket.expectRefused(api, api.origin(), null, ChatSocket.SUBPROTOCOL, "bearer." + tampered);
        WebSocketHandshakeException badCookie =
                ChatSocket.expectRefused(api, api.origin(), "netchat_access=not.a.token", ChatSocket.SUBPROTOCOL);

        assertThat(ChatSocket.status(made)).isEqualTo(401);
        assertThat(ChatSocket.status(forged)).isEqualTo(401);
        assertThat(ChatSocket.status(badCookie)).isEqualTo(401);
    }

    @Test
    void aHandshakeFromAForeignOriginWithTheSessionCookieIsRefusedWith403() {
        Api.Session alice = api.newUser("origin");
        WebSocketHandshakeException refused = ChatSocket.expectRefused(
                api, FOREIGN_ORIGIN, "netchat_access=" + alice.accessCookie(), ChatSocket.SUBPROTOCOL);
        assertThat(ChatSocket.status(refused)).isEqualTo(403);
    }

    @Test
    void aHandshakeFromAForeignOriginWithABearerTokenIsRefusedWith403() {
        Api.Session alice = api.newUser("origin");
        WebSocketHandshakeException refused =
                ChatSocket.expectRefused(api, FOREIGN_ORIGIN, null, ChatSocket.SUBPROTOCOL, "bearer." + alice.token());
        assertThat(ChatSocket.status(refused)).isEqualTo(403);
    }

    @Test
    void loggingOutClosesTheSessionsSocketAndNoOneElses() {
        Api.Session alice = api.newUser("logout");
        Api.Session bob = api.newUser("logout");
        try (ChatSocket a = ChatSocket.connectWithCookie(api, alice);
                ChatSocket b = ChatSocket.connect(api, bob)) {

            Api.Reply r = api.send(
                    "POST",
                    "/api/auth/logout",
                    null,
                    "Origin",
                    api.origin(),
                    "Cookie",
                    "netchat_refresh=" + alice.refreshCookie() + "; netchat_access=" + alice.accessCookie());

            assertThat(r.status()).as(r.toString()).isEqualTo(204);
            a.awaitClose(ChatSocket.TIMEOUT);
            assertThat(a.closedByServer()).isTrue();
            b.send(ChatSocket.ping());
            b.awaitType("pong", ChatSocket.TIMEOUT);
        }
    }

    // A client that does not read

    @Test
    void aClientThatStopsReadingIsClosedWhileOthersKeepReceivingOnTime() throws Exception {
        int total = 2000;
        String filler = "y".repeat(3490);
        Api.Session alice = api.newUser("flood");
        Api.Session fast = api.newUser("fast");
        Api.Session slow = api.newUser("slow");
        // The flood comes from forty people: one person alone is held to the per-user posting rate (issue 17),
        // which would stretch 2,000 posts over minutes; each of these stays within the burst.
        List<Api.Session> posters = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            posters.add(api.newUser("flood"));
        }
        List<Api.Session> members = new ArrayList<>(posters);
        members.add(fast);
        members.add(slow);
        String channel = chat.privateChannel(alice, members.toArray(Api.Session[]::new));
        long base = chat.lastSeq(alice, channel);
        double slowClosedBefore = MetricsIT.metric(api, "netchat_ws_slow_clients_closed_total");
        Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        ChatSocket s = ChatSocket.connectSlow(api, slow, 3);
        try (ChatSocket f = ChatSocket.connect(api, fast)) {
            f.onFrame(frame -> {
                if (Chat.newMessage(channel).test(frame)) {
                    receivedAt.put(frame.path("message").path("id").asText(), System.nanoTime());
                }
            });

            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> postingThreads = new ArrayList<>();
            try {
                for (int t = 0; t < 4; t++) {
                    postingThreads.add(pool.submit(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < total) {
                            JsonNode m = postTolerating429(
                                    posters.get(i % posters.size()), channel, String.format("%05d ", i) + filler);
                            acknowledgedAt.put(m.path("id").asText(), System.nanoTime());
                        }
                        return null;
                    }));
                }
                for (Future<?> p : postingThreads) {
                    p.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }

            List<JsonNode> events = f.collect(Chat.newMessage(channel), total, Duration.ofSeconds(60));
            assertThat(Chat.seqsOf(events)).as("the fast client's seqs").isEqualTo(Chat.range(base + 1, total));
            long worstLagMillis = acknowledgedAt.entrySet().stream()
                    .mapToLong(
                            e -> (receivedAt.getOrDefault(e.getKey(), Long.MAX_VALUE / 2) - e.getValue()) / 1_000_000)
                    .max()
                    .orElseThrow();
            assertThat(worstLagMillis)
                    .as("the longest the fast client waited for a message after its 201 (ms)")
                    .isLessThan(5000);

            assertThat(slowClientWasClosed(s))
                    .as(
                            "the slow client was closed by the server (%d frames read, close %s, error %s)",
                            s.received().size(), s.closeReason(), s.error())
                    .isTrue();
            assertThat(MetricsIT.metric(api, "netchat_ws_slow_clients_closed_total"))
                    .as("slow clients closed, on /metrics")
                    .isGreaterThanOrEqualTo(slowClosedBefore + 1);
        } finally {
            s.abort();
        }
    }

    /**
     * Whether the server gave up on a socket that stopped reading. The JDK client cannot see a close while it
     * does not read, but a send fails once the server has dropped the connection; so poll with pings for a
     * while, then read again: a server that closed the socket (even with a close frame queued behind the
     * backlog) ends it, one that kept it open delivers everything and leaves it open.
     */
    private static boolean slowClientWasClosed(ChatSocket s) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !s.isClosed()) {
            if (s.sendIdle()) {
                CompletableFuture<?> sent = s.sendRawAsync(Api.write(ChatSocket.ping()));
                try {
                    sent.get(2, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    return true; // the connection is gone
                } catch (TimeoutException e) {
                    // the outgoing side is stuck too; keep waiting
                }
            }
            Thread.sleep(500);
        }
        s.resumeReading();
        return s.closedWithin(Duration.ofSeconds(30));
    }

    private JsonNode postTolerating429(Api.Session author, String channel, String text) throws InterruptedException {
        String clientMessageId = Chat.clientMessageId();
        for (int attempt = 0; ; attempt++) {
            Api.Reply r = chat.send(author, channel, Chat.message(text, clientMessageId));
            if (r.status() == 429 && attempt < 20) {
                long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElse("1"));
                Thread.sleep(Math.min(wait, 5) * 1000);
                continue;
            }
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            return r.json();
        }
    }

    private static Predicate<JsonNode> presenceOf(Api.Session user, boolean online) {
        return f -> f.path("type").asText().equals("user.presence.changed")
                && f.path("user").path("id").asText().equals(user.userId())
                && f.path("user").path("online").isBoolean()
                && f.path("user").path("online").asBoolean() == online;
    }

    private static Predicate<JsonNode> isTyping() {
        return f -> f.path("type").asText().startsWith("typing.");
    }
}
