package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /health follows the database: down while PostgreSQL refuses NetChat's connections, up again after.
 * Runs in the PostgreSQL execution only (see the failsafe configuration): an embedded H2 cannot be taken away.
 */
@ExtendWith(ServerExtension.class)
class DatabaseOutageIT {

    private final Api api = ServerExtension.api();

    @Test
    void healthIs503WhileTheDatabaseIsUnreachableAnd200WhenItIsBack() throws Exception {
        assertThat(ServerExtension.server().onPostgresql()).as("this test needs the PostgreSQL run").isTrue();
        try (Connection admin = ServerExtension.server().adminConnection(); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + NetChatServer.PG_DATABASE + " ALLOW_CONNECTIONS false");
            try {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + NetChatServer.PG_DATABASE + "'");
                Api.Reply down = await(503, Duration.ofSeconds(30));
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.headers().firstValue("Retry-After")).isPresent();
                assertThat(down.json().path("status").asText()).isEqualTo("DOWN");
            } finally {
                s.execute("ALTER DATABASE " + NetChatServer.PG_DATABASE + " ALLOW_CONNECTIONS true");
            }
        }
        assertThat(await(200, Duration.ofSeconds(60)).status()).isEqualTo(200);
        // And NetChat serves again.
        assertThat(api.newUser("afteroutage").userId()).isNotBlank();
    }

    private Api.Reply await(int status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Api.Reply r = api.send("GET", "/health", null);
        while (r.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            r = api.send("GET", "/health", null);
        }
        return r;
    }
}
