package dev.netchat.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real WildFly, configured by config/netchat.cli, running the real netchat.ear, as a child process.
 * One per test JVM (see {@link ServerExtension}); the database is H2 or PostgreSQL as the failsafe execution
 * says. Ports are offset by 100 (HTTP 8180) so a NetChat started by hand on 8080 is never touched.
 */
public final class NetChatServer {

    /** 100 by default; another checkout can run its ITs at the same time with {@code -Dnetchat.it.port-offset=200}. */
    static final int PORT_OFFSET = Integer.getInteger("netchat.it.port-offset", 100);
    public static final String PG_DATABASE = System.getProperty("netchat.it.pg.database", "netchat_it");
    public static final int IDLE_TIMEOUT_SECONDS = 30;
    /** Small, so that RealtimeRulesIT can build a room too big for presence out of a handful of users. */
    public static final int PRESENCE_MAX_CHANNEL_MEMBERS = 5;

    private final Path home;
    private final Path ear;
    private final Path work;
    private final String database;
    private final Path dataDir;
    private final Path log;
    private Process process;
    private Map<String, String> extraEnvironment = Map.of();

    NetChatServer() {
        this.home = Path.of(required("netchat.it.server-home"));
        this.ear = Path.of(required("netchat.it.ear"));
        this.work = Path.of(required("netchat.it.work"));
        this.database = System.getProperty("netchat.it.database", "h2");
        this.dataDir = work.resolve("it-data-" + database);
        this.log = work.resolve("server-" + database + ".log");
    }

    public String database() {
        return database;
    }

    public boolean onPostgresql() {
        return database.equals("postgresql");
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + (8080 + PORT_OFFSET));
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return log;
    }

    /** A fresh installation: empty data folder (and empty PostgreSQL database), then start. */
    void startFresh() throws Exception {
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        if (onPostgresql()) {
            try (Connection c = adminConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + PG_DATABASE);
            }
        }
        Path deployments = home.resolve("standalone/deployments");
        try (Stream<Path> markers = Files.list(deployments)) {
            for (Path p : markers.filter(p -> p.getFileName().toString().startsWith("netchat.ear")).toList()) {
                Files.delete(p);
            }
        }
        Files.copy(ear, deployments.resolve("netchat.ear"), StandardCopyOption.REPLACE_EXISTING);
        start();
    }

    /** Starts the server on the current data and waits until NetChat answers /health. */
    public void start() throws Exception {
        Path pidFile = work.resolve("server-" + database + ".pid");
        Files.deleteIfExists(pidFile);
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml", "-Djboss.socket.binding.port-offset=" + PORT_OFFSET);
        Map<String, String> env = pb.environment();
        env.putAll(environment());
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        env.put("JBOSS_PIDFILE", pidFile.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        awaitHealthy(Duration.ofSeconds(180));
    }

    /**
     * Variables added to the environment from the next {@link #start()} on (IntegrationsIT turns Twilio and Stream
     * on with them, and off again when it is done); empty by default: no integration is configured.
     */
    public void setExtraEnvironment(Map<String, String> extra) {
        this.extraEnvironment = Map.copyOf(extra);
    }

    /** What the server's environment holds: the variables an operator would set. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("NETCHAT_DATA_DIR", dataDir.toString());
        // Cheaper hashing keeps the suite fast; the production default is 12.
        env.put("NETCHAT_AUTH_BCRYPT_COST", "10");
        // Many tests fail logins on purpose from 127.0.0.1; the per-address limit itself is tested from
        // another loopback address.
        env.put("NETCHAT_AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS", "60");
        // Short enough for IdleTimeoutIT to watch a silent socket being closed (the default is 90 s).
        env.put("NETCHAT_WS_IDLE_TIMEOUT_SECONDS", String.valueOf(IDLE_TIMEOUT_SECONDS));
        // The default is 50; RealtimeRulesIT needs a room bigger than the limit (the limit itself is tested there).
        env.put("NETCHAT_PRESENCE_MAX_CHANNEL_MEMBERS", String.valueOf(PRESENCE_MAX_CHANNEL_MEMBERS));
        // Uploads never posted are removed after 20 s here (a day by default), so FileIT can watch the cleanup.
        env.put("NETCHAT_FILES_UNATTACHED_TTL_SECONDS", "20");
        env.put("NETCHAT_FILES_CLEANUP_INTERVAL_SECONDS", "2");
        env.putAll(extraEnvironment);
        if (onPostgresql()) {
            env.put("NETCHAT_DB_URL", required("netchat.it.pg.url") + PG_DATABASE);
            env.put("NETCHAT_DB_USER", required("netchat.it.pg.user"));
            env.put("NETCHAT_DB_PASSWORD", required("netchat.it.pg.password"));
        }
        return env;
    }

    public Connection adminConnection() throws Exception {
        return DriverManager.getConnection(required("netchat.it.pg.url") + required("netchat.it.pg.admin-database"),
                required("netchat.it.pg.user"), required("netchat.it.pg.password"));
    }

    /** Graceful stop (SIGTERM to the server JVM), as Ctrl+C would do. */
    public void stop() throws Exception {
        signal("TERM");
        reapLauncher();
    }

    /** SIGKILL to the server JVM: no shutdown hooks, no flushing, as a power cut would do. */
    public void kill() throws Exception {
        signal("KILL");
        reapLauncher();
    }

    /** standalone.sh keeps waiting for the JVM it started; once that is gone, the script goes too. */
    private void reapLauncher() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private void signal(String signal) throws Exception {
        Path pidFile = work.resolve("server-" + database + ".pid");
        if (Files.exists(pidFile)) {
            String pid = Files.readString(pidFile).strip();
            new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } else if (process != null) {
            process.destroyForcibly();
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        Path failed = home.resolve("standalone/deployments/netchat.ear.failed");
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(failed)) {
                throw new IllegalStateException("netchat.ear failed to deploy: " + Files.readString(failed) + " (see " + log + ")");
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + " (see " + log + ")");
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(baseUri().resolve("/health"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("NetChat did not become healthy within " + timeout + " (see " + log + ")");
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is missing; run the tests through Maven");
        }
        return value;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
