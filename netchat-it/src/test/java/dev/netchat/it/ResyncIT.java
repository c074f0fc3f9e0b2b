package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cursor older than the kept event log gets resync.required. The log is pruned here the way the server's
 * hourly pruner does it (deleting old rows), which needs direct access to the database: PostgreSQL run only
 * (see the failsafe configuration; the embedded H2 file is held by the server).
 */
@ExtendWith(ServerExtension.class)
class ResyncIT {

    private final Api api = ServerExtension.api();

    @Test
    void aCursorOlderThanTheKeptLogGetsResyncRequiredAndLiveEventsStillFlow() throws Exception {
        assertThat(ServerExtension.server().onPostgresql())
                .as("this test needs the PostgreSQL run")
                .isTrue();
        Chat chat = new Chat(api);
        Api.Session a = api.newUser("pruner");
        Api.Session b = api.newUser("returner");
        String channelId = chat.createTeam(a, Chat.channelName("pruned"), false, b)
                .path("id")
                .asText();
        for (int i = 1; i <= 6; i++) {
            chat.post(a, channelId, "message " + i);
        }
        try (Connection c = DriverManager.getConnection(
                        System.getProperty("netchat.it.pg.url") + NetChatServer.PG_DATABASE,
                        System.getProperty("netchat.it.pg.user"),
                        System.getProperty("netchat.it.pg.password"));
                PreparedStatement s =
                        c.prepareStatement("DELETE FROM channel_events WHERE channel_id = ? AND seq <= 4")) {
            s.setString(1, channelId);
            assertThat(s.executeUpdate()).isEqualTo(4);
        }

        ChatSocket socket = ChatSocket.connect(api, b);
        try {
            var resume = ChatSocket.frame("resume");
            resume.putObject("cursors").put(channelId, 2);
            socket.send(resume);
            JsonNode resync = socket.awaitType("resync.required", Duration.ofSeconds(10));
            assertThat(resync.path("channelId").asText()).isEqualTo(channelId);

            // A cursor the log still reaches is replayed normally.
            ChatSocket other = ChatSocket.connect(api, b);
            try {
                var fine = ChatSocket.frame("resume");
                fine.putObject("cursors").put(channelId, 4);
                other.send(fine);
                assertThat(Chat.seqsOf(other.collect(Chat.newMessage(channelId), 2, Duration.ofSeconds(10))))
                        .containsExactly(5L, 6L);
            } finally {
                other.close();
            }

            chat.post(a, channelId, "after the resync");
            JsonNode live = socket.awaitEvent(Chat.newMessage(channelId), Duration.ofSeconds(10));
            assertThat(live.path("seq").asLong()).isEqualTo(7);
        } finally {
            socket.close();
        }
    }
}
