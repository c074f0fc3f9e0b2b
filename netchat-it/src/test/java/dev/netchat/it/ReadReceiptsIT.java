package dev.netchat.it;

import static dev.netchat.it.Chat.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Read receipts ("Seen by") in direct and group conversations of at most 10 members: live to the other members,
 * never moved back by "mark as unread", never sent by a member who turned them off, members only, and not
 * shared in channels or bigger groups.
 */
@ExtendWith(ServerExtension.class)
class ReadReceiptsIT {

    private static final Duration QUIET = Duration.ofMillis(1500);

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void aGroupMemberSeesLiveHowFarEachOtherMemberHasReadAndMarkAsUnreadTakesNothingBack() {
        Api.Session alice = api.newUser("rcpt");
        Api.Session bob = api.newUser("rcpt");
        Api.Session carol = api.newUser("rcpt");
        String group = messaging(alice, bob, carol);
        long first = chat.post(alice, group, "lunch at noon?").path("seq").asLong();
        long second = chat.post(alice, group, "the usual place").path("seq").asLong();

        try (ChatSocket alices = ChatSocket.connect(api, alice);
                ChatSocket carols = ChatSocket.connect(api, carol)) {
            assertThat(read(bob, group, first).status()).isEqualTo(204);
            JsonNode frame = alices.awaitEvent(receipt(group, bob), ChatSocket.TIMEOUT, "Bob's receipt at Alice");
            assertThat(frame.path("seq").asLong()).isEqualTo(first);
            assertThat(carols.awaitEvent(receipt(group, bob), ChatSocket.TIMEOUT, "Bob's receipt at Carol")
                            .path("seq")
                            .asLong())
                    .isEqualTo(first);
            assertThat(seen(alice, group)).containsEntry(bob.userId(), first);

            assertThat(read(bob, group, second).status()).isEqualTo(204);
            assertThat(alices.awaitEvent(
                                    receipt(group, bob).and(f -> f.path("seq").asLong() == second),
                                    ChatSocket.TIMEOUT,
                                    "Bob's second receipt")
                            .path("seq")
                            .asLong())
                    .isEqualTo(second);

            // Bob marks the second message unread for himself: his read marker moves back, what he has seen does not.
            assertThat(api.post("/api/channels/" + group + "/unread", Api.json().put("seq", second), bob)
                            .status())
                    .isEqualTo(204);
            assertThat(chat.listed(bob, group).path("lastReadSeq").asLong()).isEqualTo(first);
            assertThat(seen(alice, group)).containsEntry(bob.userId(), second);
            assertThat(alices.drain(QUIET)).noneMatch(receipt(group, bob));
        }
        // Nobody gets a receipt of their own, and one who has read nothing yet is listed where they joined.
        Map<String, Long> seenByCarol = seen(carol, group);
        assertThat(seenByCarol).containsOnlyKeys(alice.userId(), bob.userId()).containsEntry(bob.userId(), second);
        assertThat(seen(bob, group)).doesNotContainKey(bob.userId());
    }

    @Test
    void aMemberWhoTurnedReceiptsOffSendsNoneAndIsNotListed() {
        Api.Session alice = api.newUser("rcpt");
        Api.Session quiet = api.newUser("rcpt");
        Api.Reply off = api.patch("/api/users/me", Api.json().put("readReceipts", false), quiet);
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().path("readReceipts").asBoolean(true)).isFalse();
        assertThat(api.get("/api/users/me", quiet).json().path("readReceipts").asBoolean(true))
                .isFalse();
        assertThat(api.get("/api/users/me", alice).json().path("readReceipts").asBoolean(false))
                .as("on by default")
                .isTrue();

        String direct = messaging(alice, quiet);
        long seq = chat.post(alice, direct, "did you see this?").path("seq").asLong();
        try (ChatSocket alices = ChatSocket.connect(api, alice)) {
            assertThat(read(quiet, direct, seq).status()).isEqualTo(204);
            assertThat(alices.drain(QUIET)).noneMatch(receipt(direct, quiet));
        }
        assertThat(seen(alice, direct)).isEmpty();
        // She still sees Alice's receipts: turning one's own off hides nothing of others'.
        long reply = chat.post(quiet, direct, "yes").path("seq").asLong();
        assertThat(read(alice, direct, reply).status()).isEqualTo(204);
        assertThat(seen(quiet, direct)).containsEntry(alice.userId(), reply);

        // Turned back on, her next read is shared again.
        assertThat(api.patch("/api/users/me", Api.json().put("readReceipts", true), quiet)
                        .status())
                .isEqualTo(200);
        long more = chat.post(alice, direct, "great").path("seq").asLong();
        assertThat(read(quiet, direct, more).status()).isEqualTo(204);
        assertThat(seen(alice, direct)).containsEntry(quiet.userId(), more);
    }

    @Test
    void channelsAndGroupsOfMoreThanTenShareNoReceiptsAndOnlyMembersMayAsk() {
        Api.Session alice = api.newUser("rcpt");
        Api.Session bob = api.newUser("rcpt");
        Api.Session outsider = api.newUser("rcpt");
        String room = chat.privateChannel(alice, bob);
        long seq = chat.post(alice, room, "in a channel").path("seq").asLong();
        try (ChatSocket alices = ChatSocket.connect(api, alice)) {
            assertThat(read(bob, room, seq).status()).isEqualTo(204);
            assertThat(alices.drain(QUIET)).noneMatch(receipt(room, bob));
        }
        assertThat(seen(alice, room)).isEmpty();

        Api.Session[] crowd = new Api.Session[10];
        for (int i = 0; i < crowd.length; i++) {
            crowd[i] = api.newUser("rcpt");
        }
        String big = messaging(alice, crowd);
        assertThat(chat.channel(alice, big).path("memberCount").asInt()).isEqualTo(11);
        long bigSeq = chat.post(alice, big, "eleven of us").path("seq").asLong();
        assertThat(read(crowd[0], big, bigSeq).status()).isEqualTo(204);
        assertThat(seen(alice, big)).isEmpty();

        String direct = messaging(alice, bob);
        assertProblem(api.get("/api/channels/" + direct + "/receipts", outsider), 404);
    }

    private String messaging(Api.Session creator, Api.Session... members) {
        Api.Reply r = chat.createMessaging(creator, members);
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
        return r.json().path("id").asText();
    }

    private Api.Reply read(Api.Session reader, String channelId, long seq) {
        return api.post("/api/channels/" + channelId + "/read", Api.json().put("seq", seq), reader);
    }

    /** GET receipts as userId -> seq. */
    private Map<String, Long> seen(Api.Session caller, String channelId) {
        Api.Reply r = api.get("/api/channels/" + channelId + "/receipts", caller);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, Long> seen = new HashMap<>();
        for (JsonNode receipt : r.json().path("receipts")) {
            seen.put(receipt.path("userId").asText(), receipt.path("seq").asLong());
        }
        assertThat(r.json().path("receipts").size()).isEqualTo(seen.size());
        return seen;
    }

    private static Predicate<JsonNode> receipt(String channelId, Api.Session reader) {
        return f -> f.path("type").asText().equals("receipt.updated")
                && f.path("channelId").asText().equals(channelId)
                && f.path("userId").asText().equals(reader.userId());
    }
}
