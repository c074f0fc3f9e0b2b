package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reconnecting (API.md, Real time): after {@code resume} a client receives every channel event it missed, in
 * order, exactly once, and then live events without duplicates; it never receives another channel's events.
 *
 * <p>Not tested here: {@code resync.required} for a cursor older than the pruned history. API.md gives no way
 * to make the server prune on demand, and the test server runs with the default event retention (days), so
 * there is no pruned history to resume from. A test needs a server setting for a short retention (or a prune
 * trigger) that the test server can be started with.
 */
@ExtendWith(ServerExtension.class)
class ResumeIT {

    private static final Duration QUIET = Duration.ofSeconds(2);

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void aReconnectingClientGetsExactlyTheEventsItMissedInOrderThenLiveOnes() {
        Api.Session alice = api.newUser("resume");
        Api.Session bob = api.newUser("resume");
        Api.Session carol = api.newUser("resume");
        String channel = chat.privateChannel(alice, bob, carol);
        long cursor;
        try (ChatSocket first = ChatSocket.connect(api, carol)) {
            chat.post(alice, channel, "before the disconnect");
            cursor = first.awaitEvent(Chat.newMessage(channel), ChatSocket.TIMEOUT, "message.new")
                    .path("seq")
                    .asLong();
        }
        assertThat(cursor).isEqualTo(chat.lastSeq(alice, channel));

        // While carol is away: every kind of channel event about messages.
        JsonNode m1 = chat.post(alice, channel, "missed one");
        JsonNode m2 = chat.post(bob, channel, "missed two");
        String m1Path = "/api/messages/" + m1.path("id").asText();
        assertThat(api.patch(m1Path, Api.json().put("text", "missed one, edited"), alice)
                        .status())
                .isEqualTo(200);
        assertThat(api.put(m1Path + "/reactions/thumbsup", bob).status()).isEqualTo(200);
        assertThat(api.delete(m1Path + "/reactions/thumbsup", bob).status()).isEqualTo(200);
        assertThat(api.delete("/api/messages/" + m2.path("id").asText(), alice).status())
                .isEqualTo(204);
        assertThat(chat.lastSeq(alice, channel)).isEqualTo(cursor + 6);

        try (ChatSocket again = ChatSocket.connect(api, carol)) {
            again.send(ChatSocket.resume(channel, cursor));

            List<JsonNode> replayed = again.collect(Chat.channelEvent(channel), 6, Duration.ofSeconds(15));

            assertThat(replayed)
                    .extracting(f -> f.path("type").asText())
                    .containsExactly(
                            "message.new",
                            "message.new",
                            "message.updated",
                            "reaction.new",
                            "reaction.deleted",
                            "message.deleted");
            assertThat(Chat.seqsOf(replayed)).isEqualTo(Chat.range(cursor + 1, 6));
            assertThat(replayed)
                    .extracting(f -> f.path("message").path("id").asText())
                    .containsExactly(
                            m1.path("id").asText(),
                            m2.path("id").asText(),
                            m1.path("id").asText(),
                            m1.path("id").asText(),
                            m1.path("id").asText(),
                            m2.path("id").asText());
            assertThat(replayed.get(0).path("message").path("text").asText()).isEqualTo("missed one");
            assertThat(replayed.get(2).path("message").path("text").asText()).isEqualTo("missed one, edited");
            assertThat(replayed.get(2).path("message").path("edited").asBoolean())
                    .isTrue();
            for (JsonNode reactionEvent : replayed.subList(3, 5)) {
                assertThat(reactionEvent.path("reaction").path("type").asText()).isEqualTo("thumbsup");
                assertThat(reactionEvent.path("reaction").path("userId").asText())
                        .isEqualTo(bob.userId());
            }
            assertThat(replayed.get(5).path("message").path("deleted").asBoolean())
                    .isTrue();
            assertThat(again.drain(QUIET)).as("each missed event once").noneMatch(Chat.channelEvent(channel));

            // Live again, and without duplicates.
            JsonNode live = chat.post(bob, channel, "live after resume");
            JsonNode event = again.awaitEvent(Chat.newMessage(channel), ChatSocket.TIMEOUT, "live message.new");
            assertThat(event.path("seq").asLong()).isEqualTo(cursor + 7);
            assertThat(event.path("message").path("id").asText())
                    .isEqualTo(live.path("id").asText());
            assertThat(again.drain(QUIET)).noneMatch(Chat.channelEvent(channel));
            List<Long> allSeqs = Chat.seqsOf(
                    again.received().stream().filter(Chat.channelEvent(channel)).toList());
            assertThat(allSeqs).isEqualTo(Chat.range(cursor + 1, 7));
        }
    }

    @Test
    void resumeReplaysEachChannelFromItsOwnCursor() {
        Api.Session alice = api.newUser("cursors");
        Api.Session carol = api.newUser("cursors");
        String x = chat.privateChannel(alice, carol);
        String y = chat.privateChannel(alice, carol);
        chat.post(alice, x, "x1");
        chat.post(alice, y, "y1");
        chat.post(alice, y, "y2");
        long cursorX = chat.lastSeq(carol, x);
        long cursorY = chat.lastSeq(carol, y);

        chat.post(alice, x, "x2");
        chat.post(alice, y, "y3");
        chat.post(alice, x, "x3");

        try (ChatSocket s = ChatSocket.connect(api, carol)) {
            ObjectNode resume = ChatSocket.frame("resume");
            resume.putObject("cursors").put(x, cursorX).put(y, cursorY);
            s.send(resume);

            List<JsonNode> missed = s.collect(
                    f -> Chat.channelEvent(x).test(f) || Chat.channelEvent(y).test(f), 3, Duration.ofSeconds(15));
            List<JsonNode> inX = missed.stream().filter(Chat.channelEvent(x)).toList();
            List<JsonNode> inY = missed.stream().filter(Chat.channelEvent(y)).toList();

            assertThat(Chat.seqsOf(inX)).isEqualTo(Chat.range(cursorX + 1, 2));
            assertThat(inX)
                    .extracting(f -> f.path("message").path("text").asText())
                    .containsExactly("x2", "x3");
            assertThat(Chat.seqsOf(inY)).isEqualTo(Chat.range(cursorY + 1, 1));
            assertThat(inY.get(0).path("message").path("text").asText()).isEqualTo("y3");
            assertThat(s.drain(QUIET))
                    .noneMatch(f ->
                            Chat.channelEvent(x).test(f) || Chat.channelEvent(y).test(f));
        }
    }

    @Test
    void resumingFromTheCurrentSeqReplaysNothing() {
        Api.Session alice = api.newUser("uptodate");
        Api.Session carol = api.newUser("uptodate");
        String channel = chat.privateChannel(alice, carol);
        chat.post(alice, channel, "seen already");
        chat.post(alice, channel, "this too");
        long current = chat.lastSeq(carol, channel);

        try (ChatSocket s = ChatSocket.connect(api, carol)) {
            s.send(ChatSocket.resume(channel, current));

            assertThat(s.drain(QUIET)).noneMatch(Chat.channelEvent(channel));
        }
    }

    @Test
    void aCursorForAChannelTheUserIsNotInReplaysNothingFromIt() {
        Api.Session alice = api.newUser("foreign");
        Api.Session bob = api.newUser("foreign");
        Api.Session eve = api.newUser("outsider");
        String foreign = chat.privateChannel(alice, bob);
        String secret = "not for eve " + Chat.token();
        for (int i = 0; i < 3; i++) {
            chat.post(alice, foreign, secret + " " + i);
        }

        try (ChatSocket s = ChatSocket.connect(api, eve)) {
            ObjectNode resume = ChatSocket.frame("resume");
            resume.putObject("cursors").put(foreign, 0).put(UUID.randomUUID().toString(), 0);
            s.send(resume);

            List<JsonNode> frames = s.drain(QUIET);

            // An error frame about the cursor is fine; the channel's events, or a hint that it has any, are not.
            assertThat(frames).noneMatch(f -> f.has("seq"));
            assertThat(frames).noneMatch(f -> f.toString().contains(secret));
            assertThat(frames)
                    .allSatisfy(
                            f -> assertThat(f.path("type").asText()).isIn("error", "user.presence.changed", "pong"));
            // The socket is still usable.
            s.send(ChatSocket.ping());
            s.awaitType("pong", ChatSocket.TIMEOUT);
        }
    }
}
