package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web client in headless Chromium against this real server: the browser journeys of webapp/e2e, one
 * Playwright spec per journey (sign-up and session, the phone layout, two people chatting, offline and the server
 * restarting under both, a chat day on the desktop and a phone, files, search, mentions, people, pins, German,
 * the admin page), with an axe check of every screen. Each test is named in this test's output; this test fails
 * when any of them fails. Runs in the H2 execution (the browser journeys do not depend on the database).
 *
 * <p>Every journey must run here (E2E_RUN_ALL): the admin journey signs in as the installation's first account,
 * and the resilience journey restarts the server with {@code POST <E2E_CONTROL_URL>/restart-server}, which this
 * test answers once the server was stopped (SIGTERM), started again on the same data and is healthy.
 */
@ExtendWith(ServerExtension.class)
class BrowserJourneyIT {

    /** Playwright stops itself after 24 minutes (globalTimeout); this is the last resort if node itself hangs. */
    private static final long LIMIT_MINUTES = 25;

    @Test
    void theBrowserJourneysPassWithNoAccessibilityViolations() throws Exception {
        AtomicInteger restarts = new AtomicInteger();
        PlaywrightRun.Result result = new PlaywrightRun("BrowserJourneyIT", "e2e")
                .env("BASE_URL", ServerExtension.api().base().toString())
                // The installation's first account (created by ServerExtension) is its admin: the admin page journey.
                .env("ADMIN_USERNAME", "admin")
                .env("ADMIN_PASSWORD", Api.PASSWORD)
                .env("E2E_RUN_ALL", "true")
                .onPost("/restart-server", body -> {
                    restarts.incrementAndGet();
                    return restartServer();
                })
                .run(LIMIT_MINUTES);
        assertThat(result.exitCode())
                .as("exit code of npm run e2e (its output is above); the failed tests:%n%s", result.failures())
                .isZero();
        assertThat(restarts).as("server restarts the journeys asked for").hasValue(1);
    }

    /** Stops and starts the shared server on the same data; throws when it does not come back healthy. */
    private static String restartServer() throws Exception {
        long started = System.nanoTime();
        NetChatServer server = ServerExtension.server();
        server.stop();
        server.start();
        // The shared HTTP client may hold connections to the old server: one failing request clears them.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                if (ServerExtension.api().send("GET", "/health", null).status() == 200) {
                    break;
                }
            } catch (IllegalStateException e) {
                // a connection from before the restart; try again
            }
        }
        return "the server was restarted in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms";
    }
}
