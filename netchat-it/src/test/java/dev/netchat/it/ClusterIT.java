package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two WildFly nodes (standalone-full-ha.xml) on one PostgreSQL database, one pair for the whole class: whatever a
 * user does on one node reaches the sockets of the other, through the application's JMS topic and each node's
 * message-driven bean. Node A runs with the test-only fault injection that keeps a marked message from ever being
 * published (as if A died between commit and publication): the nodes catch up from the stored log by themselves.
 * PostgreSQL only (the embedded H2 file cannot be shared by two servers).
 */
class ClusterIT {

    private static final String NEVER_PUBLISHED = "never-published-by-its-node";
    private static final Duration CROSS_NODE = Duration.ofSeconds(10);

    private static ClusterNodes nodes;
    private static Api onA;
    private static Api onB;
    private static Chat chatA;
    private static Chat chatB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        nodes = new ClusterNodes(Map.of("netchat.test.drop-publications-containing", NEVER_PUBLISHED));
        nodes.start();
        onA = nodes.a.api();
        onB = nodes.b.api();
        chatA = new Chat(onA);
        chatB = new Chat(onB);
        Api.Reply first = onA.signup("Ada Admin", "admin", Api.PASSWORD);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    /** The same account, signed in on node B (tokens are signed with the one shared key, so either node would do). */
    private static Api.Session onB(Api.Session user) {
        return onB.loginSession(user.username(), Api.PASSWORD);
    }

    private static Predicate<JsonNode> type(String type, String channelId) {
        return f -> f.path("type").asText().equals(type) && f.path("channelId").asText().equals(channelId);
    }

    @Test
    void everyChannelEventReachesTheSocketsOfTheOtherNode() {
        Api.Session alice = onA.newUser("alice");
        Api.Session bob = onA.newUser("bob");
        Api.Session carol = onA.newUser("carol");
        Api.Session bobOnB = onB(bob);
        try (ChatSocket aliceSocket = ChatSocket.connect(onA, alice); ChatSocket bobSocket = ChatSocket.connect(onB, bobOnB)) {
            String channel = chatA.privateChannel(alice, bob);
            bobSocket.awaitEvent(f -> f.path("type").asText().equals("channel.created") && f.path("channelId").asText().equals(channel),
                    CROSS_NODE, "channel.created on B");

            Api.Reply posted = onA.post("/api/channels/" + channel + "/messages", Chat.message("hello from A", Chat.clientMessageId()), alice);
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            String messageId = posted.json().path("id").asText();
            JsonNode seen = bobSocket.awaitEvent(type("message.new", channel), CROSS_NODE, "message.new on B");
            assertThat(seen.path("message").path("text").asText()).isEqualTo("hello from A");

            Api.Reply reply = onB.post("/api/channels/" + channel + "/messages",
                    Chat.message("a reply from B", Chat.clientMessageId()).put("parentId", messageId), bobOnB);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            aliceSocket.awaitEvent(f -> type("message.new", channel).test(f) && f.path("message").path("parentId").asText().equals(messageId),
                    CROSS_NODE, "thread reply on A");
            aliceSocket.awaitEvent(f -> type("message.updated", channel).test(f) && f.path("message").path("replyCount").asInt() == 1,
                    CROSS_NODE, "reply count on A");

            assertThat(onA.patch("/api/messages/" + messageId, Api.json().put("text", "edited on A"), alice).status()).isEqualTo(200);
            bobSocket.awaitEvent(f -> type("message.updated", channel).test(f) && f.path("message").path("text").asText().equals("edited on A"),
                    CROSS_NODE, "edit on B");

            assertThat(onB.put("/api/messages/" + messageId + "/reactions/smile", bobOnB).status()).isBetween(200, 201);
            aliceSocket.awaitEvent(type("reaction.new", channel), CROSS_NODE, "reaction on A");

            assertThat(onA.patch("/api/channels/" + channel, Api.json().put("name", Chat.channelName("renamed")), alice).status()).isEqualTo(200);
            bobSocket.awaitEvent(type("channel.updated", channel), CROSS_NODE, "rename on B");

            Api.Reply added = onA.post("/api/channels/" + channel + "/members", Api.json().set("userIds", Chat.ids(carol)), alice);
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
            bobSocket.awaitEvent(f -> type("member.added", channel).test(f) && f.path("userId").asText().equals(carol.userId()),
                    CROSS_NODE, "member added on B");
            assertThat(onA.delete("/api/channels/" + channel + "/members/" + carol.userId(), alice).status()).isBetween(200, 204);
            bobSocket.awaitEvent(f -> type("member.removed", channel).test(f) && f.path("userId").asText().equals(carol.userId()),
                    CROSS_NODE, "member removed on B");

            assertThat(onA.delete("/api/messages/" + messageId, alice).status()).isBetween(200, 204);
            bobSocket.awaitEvent(type("message.deleted", channel), CROSS_NODE, "delete on B");

            // Typing goes through the bus like everything else.
            bobSocket.send(Api.json().put("type", "typing.start").put("channelId", channel));
            aliceSocket.awaitEvent(f -> f.path("type").asText().equals("typing.start") && f.path("userId").asText().equals(bob.userId()),
                    CROSS_NODE, "typing on A");

            // Alice reads on node B: her socket on node A learns it.
            long last = chatB.lastSeq(onB(alice), channel);
            Api.Session aliceOnB = onB(alice);
            Api.Reply read = onB.post("/api/channels/" + channel + "/read", Api.json().put("seq", last), aliceOnB);
            assertThat(read.status()).as(read.toString()).isBetween(200, 204);
            aliceSocket.awaitEvent(f -> f.path("type").asText().equals("read.updated") && f.path("seq").asLong() == last,
                    CROSS_NODE, "read marker on A");
        }
    }

    @Test
    void presenceIsClusterWide() {
        Api.Session erin = onA.newUser("erin");
        Api.Session frank = onA.newUser("frank");
        Api.Reply direct = chatA.createMessaging(erin, frank);
        assertThat(direct.status()).as(direct.toString()).isEqualTo(201);
        try (ChatSocket frankSocket = ChatSocket.connect(onB, onB(frank))) {
            ChatSocket erinSocket = ChatSocket.connect(onA, erin);
            frankSocket.awaitEvent(f -> f.path("type").asText().equals("user.presence.changed")
                    && f.path("user").path("id").asText().equals(erin.userId()) && f.path("user").path("online").asBoolean(),
                    CROSS_NODE, "erin online, seen on B");
            JsonNode listedOnB = onB.get("/api/users?q=" + erin.username(), onB(frank)).json().path("users").get(0);
            assertThat(listedOnB.path("online").asBoolean()).as("node B knows erin is online on A").isTrue();
            erinSocket.close();
            frankSocket.awaitEvent(f -> f.path("type").asText().equals("user.presence.changed")
                    && f.path("user").path("id").asText().equals(erin.userId()) && !f.path("user").path("online").asBoolean(),
                    CROSS_NODE, "erin offline, seen on B");
        }
    }

    @Test
    void disablingAUserOnNodeAClosesTheirSocketOnNodeBWithinTwoSeconds() {
        Api.Session admin = onA.loginSession("admin", Api.PASSWORD);
        Api.Session gina = onA.newUser("gina");
        Api.Session ginaSessionOnB = onB(gina);
        try (ChatSocket ginaOnB = ChatSocket.connect(onB, ginaSessionOnB)) {
            Api.Reply disabled = onA.patch("/api/admin/users/" + gina.userId(), Api.json().put("disabled", true), admin);
            assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
            assertThat(ginaOnB.closedWithin(Duration.ofSeconds(2))).as("gina's socket on B closed").isTrue();
            // Node B's cached account status was dropped too: her still-valid token is refused there at once.
            assertThat(onB.get("/api/users/me", ginaSessionOnB).status()).isIn(401, 403);
        }
    }

    @Test
    void aMessageWhoseNodeNeverPublishedItStillReachesEverySocketWithinFiveSeconds() throws Exception {
        Api.Session hal = onA.newUser("hal");
        Api.Session ida = onA.newUser("ida");
        String channel = chatA.privateChannel(hal, ida);
        try (ChatSocket idaOnB = ChatSocket.connect(onB, onB(ida)); ChatSocket halOnA = ChatSocket.connect(onA, hal)) {
            // A first message makes the channel active on both nodes.
            onA.post("/api/channels/" + channel + "/messages", Chat.message("first", Chat.clientMessageId()), hal);
            idaOnB.awaitEvent(type("message.new", channel), CROSS_NODE, "first message on B");

            Api.Reply lost = onA.post("/api/channels/" + channel + "/messages",
                    Chat.message("committed but " + NEVER_PUBLISHED, Chat.clientMessageId()), hal);
            assertThat(lost.status()).as("acknowledged: %s", lost).isEqualTo(201);
            long seq = lost.json().path("seq").asLong();

            Predicate<JsonNode> theLostOne = f -> type("message.new", channel).test(f) && f.path("seq").asLong() == seq;
            assertThat(idaOnB.awaitEvent(theLostOne, Duration.ofSeconds(5), "the unpublished message on B")).isNotNull();
            assertThat(halOnA.awaitEvent(theLostOne, Duration.ofSeconds(5), "the unpublished message on A")).isNotNull();
            assertThat(nodes.a.log()).contains("Test fault injection: not publishing " + channel + "/" + seq);
        }
    }
}
