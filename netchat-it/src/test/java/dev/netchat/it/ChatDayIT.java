package dev.netchat.it;

import static dev.netchat.it.Chat.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server side of "the chat as people use it all day" (issue 16): read markers reach every socket of the
 * reader, "Mark as unread from here", the direct/group field, the default channel and notification levels.
 */
@ExtendWith(ServerExtension.class)
class ChatDayIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void aReadMarkerReachesEverySocketOfTheReaderTheReadingSessionsOwnIncluded() {
        Api.Session alice = api.newUser("reader");
        Api.Session bob = api.newUser("writer");
        // Two tabs of one browser share a session; a phone signs in separately.
        Api.Session phone = api.loginSession(alice.username(), Api.PASSWORD);
        String channel = chat.privateChannel(bob, alice);
        try (ChatSocket tab1 = ChatSocket.connect(api, alice);
                ChatSocket tab2 = ChatSocket.connect(api, alice);
                ChatSocket onPhone = ChatSocket.connect(api, phone);
                ChatSocket bobs = ChatSocket.connect(api, bob)) {
            long seq = chat.post(bob, channel, "read me everywhere").path("seq").asLong();

            Api.Reply r =
                    api.post("/api/channels/" + channel + "/read", Api.json().put("seq", seq), alice);

            assertThat(r.status()).as(r.toString()).isEqualTo(204);
            for (ChatSocket socket : new ChatSocket[] {tab1, tab2, onPhone}) {
                JsonNode frame = socket.awaitType("read.updated", WAIT);
                assertThat(frame.path("channelId").asText()).isEqualTo(channel);
                assertThat(frame.path("userId").asText()).isEqualTo(alice.userId());
                assertThat(frame.path("seq").asLong()).isEqualTo(seq);
            }
            assertThat(bobs.drain(Duration.ofMillis(500)))
                    .as("another member never learns where alice read")
                    .noneMatch(f -> "read.updated".equals(f.path("type").asText()));
        }
    }

    @Test
    void markAsUnreadFromHereMovesTheMarkerBackAndTellsTheReadersSockets() {
        Api.Session alice = api.newUser("reader");
        Api.Session bob = api.newUser("writer");
        String channel = chat.privateChannel(bob, alice);
        long first = chat.post(bob, channel, "one").path("seq").asLong();
        chat.post(bob, channel, "two");
        long last = chat.post(bob, channel, "three").path("seq").asLong();
        assertThat(api.post("/api/channels/" + channel + "/read", Api.json().put("seq", last), alice)
                        .status())
                .isEqualTo(204);
        assertThat(chat.listed(alice, channel).path("unreadCount").asLong()).isZero();

        try (ChatSocket tab = ChatSocket.connect(api, alice)) {
            Api.Reply r =
                    api.post("/api/channels/" + channel + "/unread", Api.json().put("seq", first + 1), alice);

            assertThat(r.status()).as(r.toString()).isEqualTo(204);
            JsonNode listed = chat.listed(alice, channel);
            assertThat(listed.path("lastReadSeq").asLong()).isEqualTo(first);
            assertThat(listed.path("unreadCount").asLong())
                    .as("two and three are unread again")
                    .isEqualTo(2);
            JsonNode frame = tab.awaitType("read.updated", WAIT);
            assertThat(frame.path("seq").asLong()).isEqualTo(first);
        }
        assertProblem(
                api.post("/api/channels/" + channel + "/unread", Api.json().put("seq", 0), alice), 400);
        assertProblem(api.post("/api/channels/" + channel + "/unread", Api.json(), alice), 400);
        Api.Reply outsider =
                api.post("/api/channels/" + channel + "/unread", Api.json().put("seq", 1), api.newUser("outsider"));
        assertProblem(outsider, 404);
    }

    @Test
    void theDirectFieldTellsADirectConversationFromAGroupOfTwo() {
        Api.Session alice = api.newUser("direct");
        Api.Session bob = api.newUser("direct");
        String direct = chat.createMessaging(alice, bob).json().path("id").asText();
        ObjectNode named = Api.json().put("type", "messaging").put("name", "Pair programming");
        named.set("memberIds", Chat.ids(bob));
        Api.Reply groupReply = chat.createChannel(alice, named);
        assertThat(groupReply.status()).as(groupReply.toString()).isEqualTo(201);
        String groupOfTwo = groupReply.json().path("id").asText();
        String team = chat.privateChannel(alice, bob);

        assertThat(chat.channel(alice, direct).path("direct").asBoolean()).isTrue();
        assertThat(chat.listed(bob, direct).path("direct").asBoolean()).isTrue();
        for (String other : new String[] {groupOfTwo, team}) {
            JsonNode c = chat.channel(alice, other);
            assertThat(c.path("direct").isBoolean()).as(c.toString()).isTrue();
            assertThat(c.path("direct").asBoolean()).as(c.toString()).isFalse();
            assertThat(chat.listed(bob, other).path("direct").asBoolean()).isFalse();
        }
        assertThat(chat.channel(alice, groupOfTwo).path("memberCount").asInt()).isEqualTo(2);
    }

    @Test
    void everyNewAccountJoinsTheDefaultChannelWhichAnAdminMayRename() {
        Api.Session newcomer = api.newUser("newbie");

        JsonNode general = chat.channels(newcomer, "").stream()
                .filter(c -> c.path("default").asBoolean())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no default channel in the new account's list"));
        assertThat(general.path("type").asText()).isEqualTo("team");
        assertThat(general.path("private").asBoolean()).isFalse();
        assertThat(general.path("name").asText()).isEqualTo("general");
        assertThat(general.path("unreadCount").asLong())
                .as("the history is there to read, not unread")
                .isZero();
        String id = general.path("id").asText();

        Api.Reply byMember = api.patch("/api/channels/" + id, Api.json().put("name", "not-yours"), newcomer);
        assertThat(byMember.status()).as(byMember.toString()).isEqualTo(403);
        Api.Session admin = api.admin();
        String renamed = Chat.channelName("everyone");
        try {
            Api.Reply byAdmin = api.patch("/api/channels/" + id, Api.json().put("name", renamed), admin);
            assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
            Api.Session later = api.newUser("later");
            JsonNode joined = chat.listed(later, id);
            assertThat(joined)
                    .as("the renamed channel is still the one new accounts join")
                    .isNotNull();
            assertThat(joined.path("name").asText()).isEqualTo(renamed);
        } finally {
            assertThat(api.patch("/api/channels/" + id, Api.json().put("name", "general"), admin)
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void notificationLevelsAreKeptPerUserAndPerChannelAndBadOnesRefused() {
        Api.Session alice = api.newUser("levels");
        String channel = chat.privateChannel(alice);
        JsonNode before = chat.listed(alice, channel);
        assertThat(before.path("notificationLevel").isNull())
                .as("follows the user's own level: %s", before)
                .isTrue();
        assertThat(before.path("muted").asBoolean()).isFalse();
        assertThat(api.get("/api/users/me", alice)
                        .json()
                        .path("notifications")
                        .path("desktop")
                        .asText())
                .as("mentions and direct messages by default")
                .isEqualTo("mentions");

        Api.Reply set = api.sendJson(
                "PUT",
                "/api/channels/" + channel + "/notifications",
                Api.json().put("level", "all").put("muted", true),
                alice);

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        JsonNode after = chat.listed(alice, channel);
        assertThat(after.path("notificationLevel").asText()).isEqualTo("all");
        assertThat(after.path("muted").asBoolean()).isTrue();
        assertThat(chat.channel(alice, channel).path("notificationLevel").asText())
                .isEqualTo("all");
        assertProblem(
                api.sendJson(
                        "PUT",
                        "/api/channels/" + channel + "/notifications",
                        Api.json().put("level", "loud"),
                        alice),
                400);
        assertProblem(
                api.sendJson(
                        "PUT",
                        "/api/channels/" + channel + "/notifications",
                        Api.json().put("level", "all"),
                        api.newUser("outsider")),
                404);

        String until = Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusSeconds(1800)
                .toString();
        ObjectNode me = Api.json();
        me.putObject("notifications").put("desktop", "all").put("dndUntil", until);
        JsonNode updated = api.patch("/api/users/me", me, alice).json();
        assertThat(updated.path("notifications").path("desktop").asText()).isEqualTo("all");
        assertThat(Instant.parse(updated.path("notifications").path("dndUntil").asText()))
                .isEqualTo(Instant.parse(until));
        ObjectNode off = Api.json();
        off.putObject("notifications").put("dndUntil", "");
        assertThat(api.patch("/api/users/me", off, alice)
                        .json()
                        .path("notifications")
                        .path("dndUntil")
                        .isNull())
                .isTrue();
        ObjectNode bad = Api.json();
        bad.putObject("notifications").put("dndUntil", "tomorrow").put("desktop", "loud");
        Api.Reply refused = api.patch("/api/users/me", bad, alice);
        assertProblem(refused, 400);
        assertThat(refused.errorFields()).contains("notifications.dndUntil", "notifications.desktop");
    }
}
