package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "A message the server acknowledged (201 or 200) is never lost, including across a server crash and restart"
 * (API.md, Real time). The server is killed with SIGKILL right after the last acknowledgement and started
 * again on the same data; it is running again when this class ends, for the classes after it.
 */
@ExtendWith(ServerExtension.class)
class CrashRecoveryIT {

    private static final int MESSAGES = 20;

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void acknowledgedMessagesSurviveASigkillAndAreReplayedAfterTheRestart() throws Exception {
        Api.Session alice = api.newUser("crash");
        Api.Session bob = api.newUser("crash");
        String channel = chat.privateChannel(alice, bob);
        long base = chat.lastSeq(alice, channel);
        List<JsonNode> acknowledged = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            acknowledged.add(chat.post(i % 2 == 0 ? alice : bob, channel, "must survive " + i));
        }

        NetChatServer server = ServerExtension.server();
        try {
            server.kill();
        } finally {
            server.start();
            settleSharedClient();
        }
        // A client of its own, so no connection pooled before the crash is in the way.
        Chat fresh = new Chat(new Api(api.base()));

        List<JsonNode> history = fresh.history(bob, channel);
        assertThat(history)
                .extracting(m -> m.path("id").asText())
                .containsExactlyElementsOf(
                        acknowledged.stream().map(m -> m.path("id").asText()).toList());
        assertThat(Chat.seqsOf(history)).isEqualTo(Chat.range(base + 1, MESSAGES));
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(history.get(i).path("text").asText()).isEqualTo("must survive " + i);
        }
        assertThat(fresh.lastSeq(alice, channel)).isEqualTo(base + MESSAGES);

        try (ChatSocket s = ChatSocket.connect(api, bob)) {
            s.send(ChatSocket.resume(channel, base));

            List<JsonNode> replayed = s.collect(Chat.channelEvent(channel), MESSAGES, Duration.ofSeconds(30));

            assertThat(replayed)
                    .allSatisfy(f -> assertThat(f.path("type").asText()).isEqualTo("message.new"));
            assertThat(Chat.seqsOf(replayed)).isEqualTo(Chat.range(base + 1, MESSAGES));
            assertThat(replayed)
                    .extracting(f -> f.path("message").path("id").asText())
                    .containsExactlyElementsOf(acknowledged.stream()
                            .map(m -> m.path("id").asText())
                            .toList());
            assertThat(s.drain(Duration.ofSeconds(2))).noneMatch(Chat.channelEvent(channel));

            // The sequence goes on after the restart, without reusing or skipping a number.
            JsonNode after = fresh.post(alice, channel, "after the restart");
            assertThat(after.path("seq").asLong()).isEqualTo(base + MESSAGES + 1);
            assertThat(s.awaitEvent(Chat.newMessage(channel), ChatSocket.TIMEOUT, "live message.new")
                            .path("seq")
                            .asLong())
                    .isEqualTo(base + MESSAGES + 1);
        }
    }

    /**
     * The shared client may still hold connections to the killed server; one request through it that fails on
     * such a connection clears it, so that the classes after this one start clean.
     */
    private void settleSharedClient() {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                if (api.send("GET", "/health", null).status() == 200) {
                    return;
                }
            } catch (IllegalStateException e) {
                // a connection from before the crash; try again
            }
        }
    }
}
