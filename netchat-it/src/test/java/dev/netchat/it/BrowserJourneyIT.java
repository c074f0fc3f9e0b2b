package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web client in headless Chromium against this real server (webapp/e2e/run.mjs): sign up, reload and stay
 * signed in, theme, phone layout, two people chatting in real time (edit, delete, react, threads, unread counts,
 * quick switcher by keyboard), the admin page, with an axe check of every screen.
 * Runs in the H2 execution (the browser journey does not depend on the database).
 */
@ExtendWith(ServerExtension.class)
class BrowserJourneyIT {

    @Test
    void theBrowserJourneyPassesWithNoAccessibilityViolations() throws Exception {
        Path webapp = Path.of(System.getProperty("netchat.it.webapp"));
        ProcessBuilder pb = new ProcessBuilder("npm", "run", "--silent", "e2e")
                .directory(webapp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("BASE_URL", ServerExtension.api().base().toString());
        // The installation's first account (created by ServerExtension) is its admin: the admin page journey.
        pb.environment().put("ADMIN_USERNAME", "admin");
        pb.environment().put("ADMIN_PASSWORD", Api.PASSWORD);
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the browser journey finished in time").isTrue();
        assertThat(p.exitValue()).as("exit code of npm run e2e (its output is above)").isZero();
    }
}
