package dev.netchat.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One run of browser journeys with Playwright ({@code npm run <script>} in webapp/, which runs {@code playwright
 * test}), against a server this test controls. Every line of Playwright's output is forwarded to this test's
 * output (the list reporter names each test), its JUnit report and failure screenshots go to
 * {@code target/playwright/<name>/}.
 *
 * <p>The journeys ask for what only the test can do (restart the server, kill a node) at a small HTTP endpoint on
 * the loopback interface, {@code E2E_CONTROL_URL}: {@code POST <url><path>} runs the action registered for the path
 * and answers 200 with what it did once it is done, or 500 with the reason. Playwright's workers have no stdin, so
 * a line-based handshake cannot reach them; HTTP can. One request at a time: the server has one dispatcher thread.
 */
final class PlaywrightRun {

    /** Something a journey asks the test to do; it answers what it did, or throws with the reason it could not. */
    @FunctionalInterface
    interface Action {
        String run(String requestBody) throws Exception;
    }

    record Result(int exitCode, String failures, Duration took) {}

    /** The list reporter's failure summary starts with "  1) <file>:<line> › <title>". */
    private static final Pattern FIRST_FAILURE = Pattern.compile("^\\s+1\\) .*");

    private final String name;
    private final String script;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Action> actions = new LinkedHashMap<>();

    /** {@code name} names the output folder and the log lines; {@code script} is the npm script to run. */
    PlaywrightRun(String name, String script) {
        this.name = name;
        this.script = script;
    }

    PlaywrightRun env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    /** Serves {@code POST <E2E_CONTROL_URL><path>} with {@code action} while the run lasts. */
    PlaywrightRun onPost(String path, Action action) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A control path starts with /: " + path);
        }
        actions.put(path, action);
        return this;
    }

    /** Runs the journeys and waits for them, at most {@code limitMinutes} (then the run is stopped). */
    Result run(long limitMinutes) throws Exception {
        Path webapp = Path.of(System.getProperty("netchat.it.webapp"));
        Path output = Path.of(System.getProperty("netchat.it.work"), "playwright", name);
        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        actions.forEach((path, action) -> control.createContext(path, exchange -> serve(exchange, action)));
        control.start();
        try {
            ProcessBuilder pb = new ProcessBuilder("npm", "run", "--silent", script)
                    .directory(webapp.toFile())
                    .redirectErrorStream(true);
            pb.environment().putAll(environment);
            pb.environment()
                    .put(
                            "E2E_CONTROL_URL",
                            "http://127.0.0.1:" + control.getAddress().getPort());
            pb.environment().put("E2E_OUTPUT_DIR", output.resolve("results").toString());
            pb.environment().put("E2E_JUNIT_FILE", output.resolve("junit.xml").toString());
            long started = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            Thread watchdog = new Thread(() -> stopAfter(p, limitMinutes), name + "-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            // The failure summary for the assertion message: CI shows only an excerpt of the output, so the
            // message has to name the failed tests and their errors itself.
            StringBuilder failures = new StringBuilder();
            boolean inSummary = false;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println(line);
                    inSummary |= FIRST_FAILURE.matcher(line).matches();
                    if (inSummary && failures.length() < 6_000) {
                        failures.append(line).append('\n');
                    }
                }
            }
            if (!p.waitFor(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException(script + " did not end after closing its output");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("[%s] Playwright took %d s, exit code %d%n", name, took.toSeconds(), p.exitValue());
            return new Result(p.exitValue(), failures.toString(), took);
        } finally {
            control.stop(0);
        }
    }

    private void stopAfter(Process p, long limitMinutes) {
        try {
            if (!p.waitFor(limitMinutes, TimeUnit.MINUTES)) {
                System.out.printf("[%s] the journeys took longer than %d minutes: stopping them%n", name, limitMinutes);
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange, Action action) throws IOException {
        try {
            int status;
            String answer;
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
                answer = "POST only";
            } else {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                System.out.printf("[%s] asked: POST %s %s%n", name, path, body);
                try {
                    answer = action.run(body);
                    status = 200;
                } catch (Exception e) {
                    answer = e.getClass().getSimpleName() + ": " + e.getMessage();
                    status = 500;
                }
                System.out.printf("[%s] answered %d: %s%n", name, status, answer);
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }
}
