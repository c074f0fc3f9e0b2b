package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one hostile account or address can make the server do is bounded: binary frames are refused at once
 * without being buffered, one user's sockets are capped, sign-ins and sign-ups are limited per address without
 * letting a stranger lock the owner out, and posting, new conversations and typing have per-user rates.
 * Each limit answers the attacker 429 (or an error frame, or a close code) and the owner 200.
 */
@ExtendWith(ServerExtension.class)
class AbuseLimitsIT {

    private static final int MIB = 1024 * 1024;

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void binaryFramesAreRefusedWith1003AtOnceAndTheServerKeepsNoneOfTheirBytes() throws Exception {
        Api.Session user = api.newUser("binary");
        long before = ServerMemory.heapUsedAfterFullGc(ServerExtension.server());

        for (int size : new int[] {1 * MIB, 8 * MIB, 32 * MIB}) {
            ChatSocket socket = ChatSocket.connect(api, user);
            long t0 = System.nanoTime();
            socket.sendBinaryDetached(ByteBuffer.allocate(size), true);
            int code = socket.awaitClose(Duration.ofSeconds(5));
            System.out.printf(
                    "binary frame of %d MiB: closed %d after %d ms (%s)%n",
                    size / MIB, code, (System.nanoTime() - t0) / 1_000_000, socket.closeReason());
            assertThat(code)
                    .as("close code for a %d MiB binary frame", size / MIB)
                    .isEqualTo(1003);
            socket.abortWithin(Duration.ofSeconds(5));
        }
        // An unfinished 96 MiB binary message, sent in 1 MiB pieces: closed at the first piece.
        ChatSocket unfinished = ChatSocket.connect(api, user);
        int sent = 0;
        try {
            for (; sent < 96 && !unfinished.closedWithin(Duration.ZERO); sent++) {
                unfinished
                        .webSocket()
                        .sendBinary(ByteBuffer.allocate(MIB), false)
                        .get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // The server closed the connection under the sender: that is the point.
        }
        assertThat(unfinished.awaitClose(Duration.ofSeconds(5))).isEqualTo(1003);
        System.out.printf("unfinished binary message: closed after %d MiB sent%n", sent);
        unfinished.abortWithin(Duration.ofSeconds(5));

        long after = ServerMemory.heapUsedAfterFullGc(ServerExtension.server());
        System.out.printf("server heap after full GC: %d MiB before, %d MiB after%n", before / MIB, after / MIB);
        assertThat(after - before)
                .as("heap kept after 137 MiB of binary frames")
                .isLessThan(24L * MIB);
        // The user is not harmed otherwise: a text socket still works.
        try (ChatSocket again = ChatSocket.connect(api, user)) {
            again.send(Api.json().put("type", "ping"));
            assertThat(again.awaitType("pong", ChatSocket.TIMEOUT)).isNotNull();
        }
    }

    @Test
    void oneUsersSocketsAreCappedAtTwentyAndTheExcessIsClosedWithAClearReason() {
        Api.Session user = api.newUser("sockcap");
        List<ChatSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                open.add(ChatSocket.connect(api, user));
            }
            ChatSocket excess = ChatSocket.connectUnchecked(api, user);
            int code = excess.awaitClose(Duration.ofSeconds(5));
            assertThat(code).isEqualTo(1008);
            assertThat(excess.closeReason()).contains("Too many connections").contains("20");
            excess.abort();
            // Another user is not affected, and closing one socket makes room again.
            Api.Session other = api.newUser("sockfree");
            try (ChatSocket fine = ChatSocket.connect(api, other)) {
                assertThat(fine.closedWithin(Duration.ofMillis(300))).isFalse();
            }
            open.remove(0).close();
            ChatSocket room = awaitAdmitted(user);
            assertThat(room.closedWithin(Duration.ofMillis(300))).isFalse();
            open.add(room);
        } finally {
            open.forEach(ChatSocket::abort);
        }
    }

    @Test
    void aStrangerGuessingFromElsewhereIsRefusedButTheOwnerSignsInFromTheUsualAddress() throws Exception {
        Api.Session owner = api.newUser("victim");
        String attacker = "127.0.0.51";
        for (int i = 0; i < 5; i++) {
            assertThat(login(attacker, owner.username(), "guess " + i)[0]).isEqualTo("401");
        }
        String[] refused = login(attacker, owner.username(), Api.PASSWORD);
        assertThat(refused[0]).as("the attacker, even with the right password").isEqualTo("429");
        assertThat(refused[1]).containsIgnoringCase("Retry-After:").contains("application/problem+json");

        // The owner, from the address the account was used from, is not locked out.
        assertThat(api.login(owner.username(), Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void guessingSpreadOverManyAddressesRefusesUnfamiliarAddressesButNeverTheOwnersOwn() throws Exception {
        Api.Session owner = api.newUser("stuffed");
        for (int i = 0; i < 10; i++) {
            assertThat(login("127.0.0." + (60 + i), owner.username(), "guess " + i)[0])
                    .isEqualTo("401");
        }
        assertThat(login("127.0.0.70", owner.username(), Api.PASSWORD)[0])
                .as("an unfamiliar address")
                .isEqualTo("429");
        assertThat(api.login(owner.username(), Api.PASSWORD).status())
                .as("the owner's usual address")
                .isEqualTo(200);
    }

    @Test
    void signupsFromOneAddressAreLimitedAndOtherAddressesAreNot() throws Exception {
        String address = "127.0.0.81";
        String status = "";
        String response = "";
        for (int i = 0; i < 11; i++) {
            String[] r = RawHttp.postJson(
                    api.base(),
                    address,
                    "/api/auth/signup",
                    Api.write(Api.json()
                            .put("fullName", "Burst " + i)
                            .put("username", Api.uniqueName("burst"))
                            .put("password", Api.PASSWORD)));
            status = r[0];
            response = r[1];
            if (i < 10) {
                assertThat(status).as("sign-up %d", i + 1).isEqualTo("201");
            }
        }
        assertThat(status).isEqualTo("429");
        assertThat(response).containsIgnoringCase("Retry-After:").contains("application/problem+json");
        String[] elsewhere = RawHttp.postJson(
                api.base(),
                "127.0.0.82",
                "/api/auth/signup",
                Api.write(Api.json()
                        .put("fullName", "Elsewhere")
                        .put("username", Api.uniqueName("else"))
                        .put("password", Api.PASSWORD)));
        assertThat(elsewhere[0]).isEqualTo("201");
    }

    @Test
    void postingFasterThanTheRateIs429WithRetryAfterAndOthersStillPost() {
        Api.Session flooder = api.newUser("flood");
        Api.Session other = api.newUser("calm");
        String channel = chat.privateChannel(flooder, other);
        Api.Reply limited = null;
        int accepted = 0;
        for (int i = 0; i < 150 && limited == null; i++) {
            Api.Reply r = api.post(
                    "/api/channels/" + channel + "/messages",
                    Api.json()
                            .put("text", "flood " + i)
                            .put("clientMessageId", java.util.UUID.randomUUID().toString()),
                    flooder);
            if (r.status() == 429) {
                limited = r;
            } else {
                assertThat(r.status()).isEqualTo(201);
                accepted++;
            }
        }
        assertThat(limited).as("429 within 150 quick posts").isNotNull();
        assertThat(accepted).isGreaterThanOrEqualTo(60);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 5L);
        assertThat(api.post(
                                "/api/channels/" + channel + "/messages",
                                Api.json()
                                        .put("text", "still here")
                                        .put(
                                                "clientMessageId",
                                                java.util.UUID.randomUUID().toString()),
                                other)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void creatingConversationsWithOthersFasterThanTheRateIs429() {
        Api.Session spammer = api.newUser("groups");
        Api.Session target = api.newUser("target");
        Api.Session third = api.newUser("third");
        Api.Reply limited = null;
        for (int i = 0; i < 40 && limited == null; i++) {
            Api.Reply r = api.post(
                    "/api/channels",
                    Api.json()
                            .put("type", "messaging")
                            .put("name", "spam " + i)
                            .set("memberIds", Api.JSON.valueToTree(List.of(target.userId(), third.userId()))),
                    spammer);
            if (r.status() == 429) {
                limited = r;
            } else {
                assertThat(r.status()).as("%s", r).isIn(200, 201);
            }
        }
        assertThat(limited).as("429 within 40 new conversations").isNotNull();
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        // Someone else may still start a conversation with the target.
        Api.Session friend = api.newUser("friend");
        assertThat(api.post(
                                "/api/channels",
                                Api.json()
                                        .put("type", "messaging")
                                        .set("memberIds", Api.JSON.valueToTree(List.of(target.userId()))),
                                friend)
                        .status())
                .isIn(200, 201);
    }

    @Test
    void typingEventsFasterThanTheRateGetAnErrorFrameAndAreNotForwarded() {
        Api.Session typist = api.newUser("typist");
        Api.Session reader = api.newUser("reader");
        String channel = chat.privateChannel(typist, reader);
        try (ChatSocket t = ChatSocket.connect(api, typist);
                ChatSocket r = ChatSocket.connect(api, reader)) {
            for (int i = 0; i < 100; i++) {
                t.send(Api.json()
                        .put("type", i % 2 == 0 ? "typing.start" : "typing.stop")
                        .put("channelId", channel));
            }
            JsonNode error = t.awaitEvent(
                    f -> f.path("type").asText().equals("error")
                            && f.path("problem").path("status").asInt() == 429,
                    ChatSocket.TIMEOUT,
                    "a 429 error frame");
            assertThat(error.path("problem").path("title").asText()).contains("typing");
            List<JsonNode> forwarded = r.drain(Duration.ofSeconds(1)).stream()
                    .filter(f -> f.path("type").asText().startsWith("typing."))
                    .toList();
            System.out.printf("typing: %d of 100 events forwarded%n", forwarded.size());
            assertThat(forwarded.size()).as("typing events the reader got").isLessThanOrEqualTo(25);
            assertThat(t.closedWithin(Duration.ofMillis(200)))
                    .as("a fast typist is not disconnected")
                    .isFalse();
        }
    }

    private ChatSocket awaitAdmitted(Api.Session user) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            ChatSocket s = ChatSocket.connectUnchecked(api, user);
            JsonNode first = s.next(Duration.ofSeconds(2));
            if (first != null && first.path("type").asText().equals("hello")) {
                return s;
            }
            s.abort();
            assertThat(System.nanoTime())
                    .as("a socket admitted again after one closed")
                    .isLessThan(deadline);
        }
    }

    private String[] login(String address, String username, String password) throws Exception {
        return RawHttp.postJson(
                api.base(),
                address,
                "/api/auth/login",
                Api.write(Api.json().put("username", username).put("password", password)));
    }
}
