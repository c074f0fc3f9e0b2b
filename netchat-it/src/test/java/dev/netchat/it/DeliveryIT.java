package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery guarantees of API.md (Real time): every connected member gets each channel event once, after
 * commit, with gap-free seqs in one order for all; non-members get nothing.
 */
@ExtendWith(ServerExtension.class)
class DeliveryIT {

    private static final Duration QUIET = Duration.ofSeconds(2);

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void everyConnectedMemberGetsMessageNewWithTheSameSeqAndANonMemberNothing() {
        Api.Session alice = api.newUser("deliver");
        Api.Session bob = api.newUser("deliver");
        Api.Session carol = api.newUser("deliver");
        Api.Session dave = api.newUser("outsider");
        String channel = chat.privateChannel(alice, bob, carol);
        long base = chat.lastSeq(alice, channel);
        try (ChatSocket a = ChatSocket.connect(api, alice);
                ChatSocket b = ChatSocket.connect(api, bob);
                ChatSocket c = ChatSocket.connectWithCookie(api, carol);
                ChatSocket d = ChatSocket.connect(api, dave)) {
            String text = "for members only " + Chat.token();

            JsonNode posted = chat.post(alice, channel, text);

            assertThat(posted.path("seq").asLong()).isEqualTo(base + 1);
            for (ChatSocket s : List.of(a, b, c)) {
                JsonNode event =
                        s.awaitEvent(Chat.newMessage(channel), ChatSocket.TIMEOUT, "message.new in the channel");
                assertThat(event.path("channelId").asText()).isEqualTo(channel);
                assertThat(event.path("seq").asLong()).as("%s: seq", s).isEqualTo(base + 1);
                assertThat(event.path("message").path("id").asText())
                        .isEqualTo(posted.path("id").asText());
                assertThat(event.path("message").path("seq").asLong()).isEqualTo(base + 1);
                assertThat(event.path("message").path("text").asText()).isEqualTo(text);
            }
            List<JsonNode> toOutsider = d.drain(QUIET);
            assertThat(toOutsider)
                    .noneMatch(f -> channel.equals(f.path("channelId").asText()))
                    .noneMatch(f -> f.toString().contains(text));
            for (ChatSocket s : List.of(a, b, c)) {
                assertThat(s.drain(QUIET)).as("%s: no second copy", s).noneMatch(Chat.newMessage(channel));
            }
        }
    }

    @Test
    void aBurstOfConcurrentPostsReachesEveryMemberInOneGapFreeSeqOrder() throws Exception {
        Api.Session alice = api.newUser("burst");
        Api.Session bob = api.newUser("burst");
        Api.Session carol = api.newUser("burst");
        String channel = chat.privateChannel(alice, bob, carol);
        long base = chat.lastSeq(alice, channel);
        int total = 20;
        try (ChatSocket a = ChatSocket.connect(api, alice);
                ChatSocket b = ChatSocket.connect(api, bob);
                ChatSocket c = ChatSocket.connect(api, carol)) {

            List<JsonNode> acknowledged = postConcurrently(List.of(alice, bob, carol), channel, total, 5, "burst");

            Map<String, Long> seqById = new HashMap<>();
            acknowledged.forEach(
                    m -> seqById.put(m.path("id").asText(), m.path("seq").asLong()));
            assertThat(seqById.values().stream().sorted().toList())
                    .as("acknowledged seqs")
                    .isEqualTo(Chat.range(base + 1, total));

            List<String> firstOrder = null;
            for (ChatSocket s : List.of(a, b, c)) {
                List<JsonNode> events = s.collect(Chat.newMessage(channel), total, Duration.ofSeconds(30));
                assertThat(Chat.seqsOf(events))
                        .as("%s: seqs in arrival order", s)
                        .isEqualTo(Chat.range(base + 1, total));
                List<String> order = events.stream()
                        .map(e -> e.path("message").path("id").asText())
                        .toList();
                for (JsonNode e : events) {
                    assertThat(seqById.get(e.path("message").path("id").asText()))
                            .as("seq acknowledged for %s", e)
                            .isEqualTo(e.path("seq").asLong());
                }
                if (firstOrder == null) {
                    firstOrder = order;
                } else {
                    assertThat(order).as("%s sees the same order", s).isEqualTo(firstOrder);
                }
            }
            List<String> historyOrder = chat.history(bob, channel).stream()
                    .map(m -> m.path("id").asText())
                    .toList();
            assertThat(historyOrder).isEqualTo(firstOrder);
            for (ChatSocket s : List.of(a, b, c)) {
                assertThat(s.drain(QUIET)).as("%s: nothing twice", s).noneMatch(Chat.newMessage(channel));
            }
        }
    }

    @Test
    void anEventArrivesOnlyAfterItsChangeIsCommitted() throws Exception {
        Api.Session alice = api.newUser("commit");
        Api.Session bob = api.newUser("commit");
        Api.Session carol = api.newUser("commit");
        String channel = chat.privateChannel(alice, bob, carol);
        ConcurrentLinkedQueue<String> findings = new ConcurrentLinkedQueue<>();
        AtomicInteger checked = new AtomicInteger();
        try (ChatSocket b = ChatSocket.connect(api, bob)) {
            // At the moment each frame arrives (before the socket reads on), what it announces must be readable.
            b.onFrame(f -> {
                String type = f.path("type").asText();
                if (!channel.equals(f.path("channelId").asText())
                        || !(type.equals("message.new") || type.equals("message.updated"))) {
                    return;
                }
                JsonNode announced = f.path("message");
                long messageSeq = announced.path("seq").asLong();
                Api.Reply r =
                        api.get("/api/channels/" + channel + "/messages?after=" + (messageSeq - 1) + "&limit=1", bob);
                JsonNode stored = r.status() == 200 && r.json().path("messages").size() == 1
                        ? r.json().path("messages").get(0)
                        : null;
                if (stored == null
                        || !stored.path("id")
                                .asText()
                                .equals(announced.path("id").asText())) {
                    findings.add(
                            type + " seq " + f.path("seq").asText() + " arrived before its message was readable: " + r);
                } else if (type.equals("message.updated")
                        && !stored.path("text")
                                .asText()
                                .equals(announced.path("text").asText())) {
                    findings.add(
                            type + " seq " + f.path("seq").asText() + " arrived before its text was committed: stored '"
                                    + stored.path("text").asText() + "', announced '"
                                    + announced.path("text").asText() + "'");
                }
                checked.incrementAndGet();
            });

            List<JsonNode> posted = postConcurrently(List.of(alice, carol), channel, 10, 2, "commit");
            for (JsonNode m : posted.subList(0, 3)) {
                Api.Reply edit = api.patch(
                        "/api/messages/" + m.path("id").asText(),
                        Api.json().put("text", "edited " + m.path("text").asText()),
                        m.path("user").path("id").asText().equals(alice.userId()) ? alice : carol);
                assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
            }

            b.collect(Chat.newMessage(channel), 10, Duration.ofSeconds(30));
            b.collect(Chat.event("message.updated", channel), 3, Duration.ofSeconds(30));
            assertThat(findings).isEmpty();
            assertThat(checked.get()).isEqualTo(13);
        }
    }

    @Test
    void aRepeatedClientMessageIdSendsNoSecondEvent() {
        Api.Session alice = api.newUser("retry");
        Api.Session bob = api.newUser("retry");
        String channel = chat.privateChannel(alice, bob);
        long base = chat.lastSeq(alice, channel);
        try (ChatSocket b = ChatSocket.connect(api, bob)) {
            ObjectNode body = Chat.message("only once", Chat.clientMessageId());

            Api.Reply first = chat.send(alice, channel, body);
            JsonNode event = b.awaitEvent(Chat.newMessage(channel), ChatSocket.TIMEOUT, "message.new");
            Api.Reply retry = chat.send(alice, channel, body);

            assertThat(first.status()).isEqualTo(201);
            assertThat(event.path("seq").asLong()).isEqualTo(base + 1);
            assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
            assertThat(b.drain(QUIET)).as("no event for the retry").noneMatch(Chat.channelEvent(channel));

            chat.post(alice, channel, "the next one");
            JsonNode next = b.awaitEvent(Chat.newMessage(channel), ChatSocket.TIMEOUT, "message.new");
            assertThat(next.path("seq").asLong()).as("the retry took no seq").isEqualTo(base + 2);
        }
    }

    /**
     * Posts {@code total} messages to the channel from {@code threads} threads at once, the authors taking
     * turns; answers the acknowledged messages (each asserted 201).
     */
    private List<JsonNode> postConcurrently(
            List<Api.Session> authors, String channel, int total, int threads, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<JsonNode>> posts = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                Api.Session author = authors.get(i % authors.size());
                String text = label + " " + i;
                posts.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            return chat.post(author, channel, text);
                        },
                        pool));
            }
            start.countDown();
            List<JsonNode> acknowledged = new ArrayList<>();
            for (CompletableFuture<JsonNode> p : posts) {
                acknowledged.add(p.get(60, TimeUnit.SECONDS));
            }
            return acknowledged;
        } finally {
            pool.shutdownNow();
        }
    }
}
