package dev.netchat.it;

import static dev.netchat.it.Chat.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pins (shared by a conversation's members, live, in its pinned list, at most 100) and saved messages (one
 * person's own list, followed by its other sockets, never told to anyone else), both for members only.
 */
@ExtendWith(ServerExtension.class)
class PinsAndSavedIT {

    private static final Duration QUIET = Duration.ofMillis(1500);

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void aMemberPinsAMessageEveryMemberSeesItLiveAndInThePinnedListAndAnyMemberMayUnpinIt() {
        Api.Session alice = api.newUser("pin");
        Api.Session bob = api.newUser("pin");
        String room = chat.privateChannel(alice, bob);
        JsonNode first = chat.post(alice, room, "the launch checklist");
        JsonNode second = chat.post(alice, room, "the on-call rota");
        String firstId = first.path("id").asText();
        String secondId = second.path("id").asText();
        long lastSeq = chat.lastSeq(alice, room);

        try (ChatSocket alices = ChatSocket.connect(api, alice)) {
            Api.Reply pinned = api.put("/api/messages/" + firstId + "/pin", bob);
            assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
            assertThat(pinned.json().path("pinned").path("by").path("id").asText())
                    .isEqualTo(bob.userId());
            assertThat(pinned.json().path("pinned").path("at").asText()).isNotEmpty();
            assertThat(pinned.json().path("edited").asBoolean())
                    .as("a pin is not an edit")
                    .isFalse();

            // A seq-numbered event like any other: it is in the log, so a reconnecting client resumes past it.
            JsonNode frame =
                    alices.awaitEvent(Chat.aboutMessage("message.updated", firstId), ChatSocket.TIMEOUT, "the pin");
            assertThat(frame.path("seq").asLong()).isEqualTo(lastSeq + 1);
            assertThat(frame.path("message")
                            .path("pinned")
                            .path("by")
                            .path("username")
                            .asText())
                    .isEqualTo(bob.username());
            assertThat(frame.path("message").path("text").asText()).isEqualTo("the launch checklist");

            // Pinning again changes nothing and says nothing.
            assertThat(api.put("/api/messages/" + firstId + "/pin", alice).status())
                    .isEqualTo(200);
            assertThat(alices.drain(QUIET)).noneMatch(Chat.aboutMessage("message.updated", firstId));
            assertThat(chat.lastSeq(alice, room)).isEqualTo(lastSeq + 1);

            assertThat(api.put("/api/messages/" + secondId + "/pin", alice).status())
                    .isEqualTo(200);
            assertThat(ids(pins(bob, room))).containsExactly(secondId, firstId);
            assertThat(chat.find(bob, room, firstId)
                            .path("pinned")
                            .path("by")
                            .path("id")
                            .asText())
                    .isEqualTo(bob.userId());

            // Alice unpins what Bob pinned: any member may.
            Api.Reply unpinned = api.delete("/api/messages/" + firstId + "/pin", alice);
            assertThat(unpinned.status()).as(unpinned.toString()).isEqualTo(200);
            assertThat(unpinned.json().path("pinned").isNull()).isTrue();
            JsonNode unpinFrame = alices.awaitEvent(
                    Chat.aboutMessage("message.updated", firstId)
                            .and(f -> f.path("message").path("pinned").isNull()),
                    ChatSocket.TIMEOUT,
                    "the unpin");
            assertThat(unpinFrame.path("seq").asLong())
                    .isGreaterThan(frame.path("seq").asLong());
            assertThat(ids(pins(alice, room))).containsExactly(secondId);
        }

        // Deleting a pinned message unpins it.
        assertThat(api.delete("/api/messages/" + secondId, alice).status()).isEqualTo(204);
        assertThat(pins(alice, room)).isEmpty();
        Api.Reply pinDeleted = api.put("/api/messages/" + secondId + "/pin", alice);
        assertProblem(pinDeleted, 404);
        assertThat(pinDeleted.json().path("kind").asText()).isEqualTo("deleted-message");
    }

    @Test
    void onlyMembersMayPinOrSeeTheListAndAConversationHoldsAtMostAHundredPins() {
        Api.Session alice = api.newUser("pin");
        Api.Session bob = api.newUser("pin");
        Api.Session outsider = api.newUser("pin");
        String room = chat.privateChannel(alice, bob);
        String id = chat.post(alice, room, "members only").path("id").asText();
        assertProblem(api.put("/api/messages/" + id + "/pin", outsider), 404);
        assertProblem(api.delete("/api/messages/" + id + "/pin", outsider), 404);
        assertProblem(api.get("/api/channels/" + room + "/pins", outsider), 404);
        Api.Reply pinMissing = api.put("/api/messages/no-such-message/pin", alice);
        assertProblem(pinMissing, 404);
        assertThat(pinMissing.json().path("kind").asText()).isEqualTo("message");
        assertThat(pins(alice, room)).isEmpty();

        List<String> pinned = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // Two authors, each within the posting rate's burst of 60.
            String m = chat.post(i % 2 == 0 ? alice : bob, room, "pin me " + i)
                    .path("id")
                    .asText();
            assertThat(api.put("/api/messages/" + m + "/pin", alice).status()).isEqualTo(200);
            pinned.add(m);
        }
        Api.Reply full = api.put("/api/messages/" + id + "/pin", alice);
        assertProblem(full, 409);
        assertThat(full.body()).contains("100");
        assertThat(pins(alice, room))
                .hasSize(100)
                .noneMatch(m -> m.path("id").asText().equals(id));
        // Room again once one goes.
        assertThat(api.delete("/api/messages/" + pinned.get(0) + "/pin", alice).status())
                .isEqualTo(200);
        assertThat(api.put("/api/messages/" + id + "/pin", alice).status()).isEqualTo(200);
    }

    @Test
    void savedMessagesAreOnesOwnListFollowedByOnesOtherSocketsAndToldToNobodyElse() {
        Api.Session alice = api.newUser("save");
        Api.Session bob = api.newUser("save");
        String room = chat.privateChannel(alice, bob);
        String older = chat.post(bob, room, "read this later").path("id").asText();
        String newer = chat.post(bob, room, "and this").path("id").asText();
        String reply =
                chat.reply(bob, room, older, "a reply worth keeping").path("id").asText();

        try (ChatSocket alicesOtherTab = ChatSocket.connect(api, alice);
                ChatSocket bobs = ChatSocket.connect(api, bob)) {
            Api.Reply saved = api.put("/api/messages/" + older + "/saved", alice);
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            assertThat(saved.json().path("saved").asBoolean()).isTrue();
            JsonNode frame = alicesOtherTab.awaitEvent(
                    f -> "saved.updated".equals(f.path("type").asText()),
                    ChatSocket.TIMEOUT,
                    "saved.updated on Alice's other socket");
            assertThat(frame.path("messageId").asText()).isEqualTo(older);
            assertThat(frame.path("channelId").asText()).isEqualTo(room);
            assertThat(frame.path("saved").asBoolean()).isTrue();
            assertThat(frame.has("seq")).as("personal, not a channel event").isFalse();
            assertThat(bobs.drain(QUIET))
                    .noneMatch(f -> "saved.updated".equals(f.path("type").asText()))
                    .noneMatch(Chat.aboutMessage("message.updated", older));
        }
        assertThat(api.put("/api/messages/" + older + "/saved", alice).status())
                .as("idempotent")
                .isEqualTo(200);
        assertThat(api.put("/api/messages/" + newer + "/saved", alice).status()).isEqualTo(200);
        assertThat(api.put("/api/messages/" + reply + "/saved", alice).status()).isEqualTo(200);

        // Newest saved first, each with when it was saved; only Alice's.
        JsonNode list = api.get("/api/saved", alice).json();
        assertThat(itemIds(list)).containsExactly(reply, newer, older);
        assertThat(list.path("items").get(0).path("savedAt").asText()).isNotEmpty();
        assertThat(itemIds(api.get("/api/saved", bob).json())).isEmpty();

        // History says which are hers, for her only.
        assertThat(chat.find(alice, room, older).path("saved").asBoolean()).isTrue();
        assertThat(chat.find(bob, room, older).path("saved").asBoolean()).isFalse();

        // Paging back by savedAt.
        JsonNode firstPage = api.get("/api/saved?limit=2", alice).json();
        assertThat(itemIds(firstPage)).containsExactly(reply, newer);
        String cursor = firstPage.path("items").get(1).path("savedAt").asText();
        assertThat(itemIds(api.get("/api/saved?limit=2&before=" + cursor, alice).json()))
                .containsExactly(older);

        // Taken off the list; a deleted message leaves it.
        Api.Reply unsaved = api.delete("/api/messages/" + newer + "/saved", alice);
        assertThat(unsaved.status()).isEqualTo(200);
        assertThat(unsaved.json().path("saved").asBoolean(true)).isFalse();
        assertThat(api.delete("/api/messages/" + older, bob).status()).isEqualTo(204);
        assertThat(itemIds(api.get("/api/saved", alice).json())).containsExactly(reply);

        // Leaving the channel hides what was saved there.
        assertThat(api.delete("/api/channels/" + room + "/members/" + alice.userId(), alice)
                        .status())
                .isIn(200, 204);
        assertThat(itemIds(api.get("/api/saved", alice).json())).isEmpty();
    }

    @Test
    void savingTheSameMessageFromSeveralTabsAtOnceAnswersEachOneAndKeepsOneItem() throws Exception {
        Api.Session alice = api.newUser("save");
        String room = chat.privateChannel(alice);
        String id = chat.post(alice, room, "double-clicked").path("id").asText();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(pool.submit(() -> api.put("/api/messages/" + id + "/saved", alice)));
            }
            for (var reply : replies) {
                Api.Reply r = reply.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(itemIds(api.get("/api/saved", alice).json())).containsExactly(id);
    }

    @Test
    void onlyMembersMaySaveAndBadPagingIsRefused() {
        Api.Session alice = api.newUser("save");
        Api.Session outsider = api.newUser("save");
        String room = chat.privateChannel(alice);
        String id = chat.post(alice, room, "not for outsiders").path("id").asText();
        assertProblem(api.put("/api/messages/" + id + "/saved", outsider), 404);
        assertThat(itemIds(api.get("/api/saved", outsider).json())).isEmpty();
        assertProblem(api.get("/api/saved?before=yesterday", alice), 400);
        assertProblem(api.get("/api/saved?limit=0", alice), 400);
        assertProblem(api.get("/api/saved?limit=101", alice), 400);
        assertProblem(api.send("GET", "/api/saved", null), 401);
    }

    private List<JsonNode> pins(Api.Session caller, String channelId) {
        Api.Reply r = api.get("/api/channels/" + channelId + "/pins", caller);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().path("messages").forEach(out::add);
        return out;
    }

    private static List<String> ids(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("id").asText()).toList();
    }

    private static List<String> itemIds(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("items").forEach(i -> out.add(i.path("message").path("id").asText()));
        return out;
    }
}
