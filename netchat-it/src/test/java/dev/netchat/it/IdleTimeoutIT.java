package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A socket that says nothing for the idle timeout is closed; one that pings stays open. */
@ExtendWith(ServerExtension.class)
class IdleTimeoutIT {

    private final Api api = ServerExtension.api();

    @Test
    void aSilentSocketIsClosedAfterTheIdleTimeoutWhileAPingingOneStaysOpen() throws Exception {
        ChatSocket silent = ChatSocket.connect(api, api.newUser("silent"));
        ChatSocket pinging = ChatSocket.connect(api, api.newUser("pinging"));
        try {
            long timeout = NetChatServer.IDLE_TIMEOUT_SECONDS * 1000L;
            long start = System.currentTimeMillis();
            // Ping every third of the timeout, as the web client does every 30 s of the default 90.
            while (System.currentTimeMillis() - start < timeout + 10_000 && !silent.isClosed()) {
                pinging.send(ChatSocket.ping());
                pinging.awaitType("pong", Duration.ofSeconds(5));
                Thread.sleep(timeout / 3);
            }
            long closedAfter = System.currentTimeMillis() - start;
            assertThat(silent.closedWithin(Duration.ofSeconds(15)))
                    .as("the silent socket was closed")
                    .isTrue();
            assertThat(closedAfter).as("not before the idle timeout (ms)").isGreaterThanOrEqualTo(timeout - 2000);
            assertThat(pinging.isClosed())
                    .as("the pinging socket is still open")
                    .isFalse();
            pinging.send(ChatSocket.ping());
            assertThat(pinging.awaitType("pong", Duration.ofSeconds(5))).isNotNull();
        } finally {
            silent.abort();
            pinging.close();
        }
    }
}
