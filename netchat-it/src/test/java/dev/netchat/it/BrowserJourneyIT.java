package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web client in headless Chromium against this real server (webapp/e2e/run.mjs): sign up, reload and stay
 * signed in, theme, phone layout, two people chatting in real time (edit, delete, react, threads, unread counts,
 * quick switcher by keyboard), one of them offline for a while, the server restarting under both, the admin
 * page, people (a custom status, the profile card from a name, Message, the directory by keyboard), and for a
 * browser that prefers German: sign-up, the app frame, Settings and a read receipt in German, with an axe check of
 * every screen.
 * Runs in the H2 execution (the browser journey does not depend on the database).
 *
 * <p>The restart handshake: run.mjs prints a line {@value #RESTART_REQUEST} and waits; this test stops the
 * server (SIGTERM), starts it again on the same data and answers {@value #RESTARTED} on the script's stdin (or
 * {@value #RESTART_FAILED} and the reason). Every line of the script's output is forwarded to this test's output.
 */
@ExtendWith(ServerExtension.class)
class BrowserJourneyIT {

    static final String RESTART_REQUEST = "RESTART-SERVER";
    static final String RESTARTED = "SERVER-RESTARTED";
    static final String RESTART_FAILED = "SERVER-RESTART-FAILED";
    /** run.mjs stops itself after 24 minutes; this is the last resort if node itself hangs. */
    private static final long LIMIT_MINUTES = 25;

    @Test
    void theBrowserJourneyPassesWithNoAccessibilityViolations() throws Exception {
        Path webapp = Path.of(System.getProperty("netchat.it.webapp"));
        ProcessBuilder pb = new ProcessBuilder("npm", "run", "--silent", "e2e")
                .directory(webapp.toFile())
                .redirectErrorStream(true);
        pb.environment().put("BASE_URL", ServerExtension.api().base().toString());
        // The installation's first account (created by ServerExtension) is its admin: the admin page journey.
        pb.environment().put("ADMIN_USERNAME", "admin");
        pb.environment().put("ADMIN_PASSWORD", Api.PASSWORD);
        pb.environment().put("E2E_SERVER_RESTART", "stdin");
        long started = System.nanoTime();
        Process p = pb.start();
        Thread watchdog = new Thread(
                () -> {
                    try {
                        if (!p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
                            System.out.println("[BrowserJourneyIT] the journey took longer than " + LIMIT_MINUTES
                                    + " minutes: stopping it");
                            p.descendants().forEach(ProcessHandle::destroyForcibly);
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "browser-journey-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        int restarts = 0;
        // The failing checks with the lines that follow each (the error), for the assertion message: CI shows
        // only an excerpt of the output, so the failure summary has to name the check itself.
        StringBuilder failures = new StringBuilder();
        int failureLinesLeft = 0;
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(line);
                if (line.startsWith("FAIL ")) {
                    failureLinesLeft = 8;
                }
                if (failureLinesLeft > 0 && failures.length() < 6_000) {
                    failures.append(line).append('\n');
                    failureLinesLeft--;
                }
                if (line.strip().equals(RESTART_REQUEST)) {
                    restarts++;
                    in.write(restartServer() + "\n");
                    in.flush();
                }
            }
        }
        assertThat(p.waitFor(1, TimeUnit.MINUTES))
                .as("the browser journey finished in time")
                .isTrue();
        System.out.printf(
                "[BrowserJourneyIT] the journey took %d s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        assertThat(p.exitValue())
                .as("exit code of npm run e2e (its output is above); the failed checks:%n%s", failures)
                .isZero();
        assertThat(restarts).as("server restarts the journey asked for").isEqualTo(1);
    }

    /** Stops and starts the shared server on the same data; answers the line for run.mjs. */
    private static String restartServer() {
        long started = System.nanoTime();
        NetChatServer server = ServerExtension.server();
        try {
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
            System.out.printf(
                    "[BrowserJourneyIT] server restarted in %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return RESTARTED;
        } catch (Exception e) {
            return RESTART_FAILED + " " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        }
    }
}
