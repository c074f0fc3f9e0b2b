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
 * The real application server running the real netchat.ear, as a child process: WildFly configured by
 * config/netchat.cli, or Payara Server 6 configured by config/payara/ ({@code netchat.it.server=payara}).
 * One per test JVM (see {@link ServerExtension}); the database is H2 or PostgreSQL as the failsafe execution
 * says. Ports are offset by 100 (WildFly HTTP 8180, Payara HTTP 8680) so a NetChat started by hand on 8080 is
 * never touched.
 */
public final class NetChatServer {

    /** 100 by default; another checkout can run its ITs at the same time with {@code -Dnetchat.it.port-offset=200}. */
    static final int PORT_OFFSET = Integer.getInteger("netchat.it.port-offset", 100);

    public static final String PG_DATABASE = System.getProperty("netchat.it.pg.database", "netchat_it");
    /** "wildfly" (the default) or "payara": which server the failsafe execution runs the EAR on. */
    static final String SERVER = System.getProperty("netchat.it.server", "wildfly");
    /**
     * Payara's ports all derive from one port base (asadmin create-domain --portbase; HTTP = base + 80, admin
     * + 48, JMX + 86, JMS + 76): 8000 + offset + 500 keeps them clear of the WildFly ports of the same offset.
     */
    static final int PAYARA_PORT_BASE = 8000 + PORT_OFFSET + 500;

    static final String PAYARA_DOMAIN = "netchat-it";
    public static final int IDLE_TIMEOUT_SECONDS = 30;
    /** Small, so that RealtimeRulesIT can build a room too big for presence out of a handful of users. */
    public static final int PRESENCE_MAX_CHANNEL_MEMBERS = 5;
    /** Short, so that SessionEndIT can present a spent refresh token past the grace without waiting long. */
    public static final long REFRESH_REUSE_GRACE_MILLIS = 2000;

    private final Path home;
    private final Path ear;
    private final Path work;
    private final String database;
    private final Path dataDir;
    private final Path log;
    private final Path pidFile;
    private Process process;
    private Map<String, String> extraEnvironment = Map.of();

    NetChatServer() {
        this.home = Path.of(required("netchat.it.server-home"));
        this.ear = Path.of(required("netchat.it.ear"));
        this.work = Path.of(required("netchat.it.work"));
        this.database = System.getProperty("netchat.it.database", "h2");
        // Payara's run keeps its own files beside WildFly's: server-payara-postgresql.log, …
        String run = onPayara() ? "payara-" + database : database;
        this.dataDir = work.resolve("it-data-" + run);
        this.log = work.resolve("server-" + run + ".log");
        this.pidFile = work.resolve("server-" + run + ".pid");
    }

    public String database() {
        return database;
    }

    public boolean onPostgresql() {
        return database.equals("postgresql");
    }

    public static boolean onPayara() {
        return SERVER.equals("payara");
    }

    /** The HTTP port NetChat answers on. */
    static int httpPort() {
        return onPayara() ? PAYARA_PORT_BASE + 80 : 8080 + PORT_OFFSET;
    }

    /** The port of the JMX connector an operator's jconsole uses (Payara's own; WildFly's management interface). */
    static int jmxPort() {
        return onPayara() ? PAYARA_PORT_BASE + 86 : 9990 + PORT_OFFSET;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + httpPort());
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The file holding the server JVM's process id while it runs. */
    public Path pidFile() {
        return work.resolve("server-" + database + ".pid");
    }

    public Path log() {
        return log;
    }

    /** A fresh installation: empty data folder (and empty PostgreSQL database), then start. */
    void startFresh() throws Exception {
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        if (onPostgresql()) {
            try (Connection c = adminConnection();
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + PG_DATABASE);
            }
        }
        if (onPayara()) {
            preparePayara();
            start();
            return;
        }
        Path deployments = home.resolve("standalone/deployments");
        try (Stream<Path> markers = Files.list(deployments)) {
            for (Path p : markers.filter(p -> p.getFileName().toString().startsWith("netchat.ear"))
                    .toList()) {
                Files.delete(p);
            }
        }
        Files.copy(ear, deployments.resolve("netchat.ear"), StandardCopyOption.REPLACE_EXISTING);
        start();
    }

    private Path payaraDomain() {
        return home.resolve("glassfish/domains/" + PAYARA_DOMAIN);
    }

    /**
     * A domain of its own, configured by config/payara/configure.sh as an operator would, with the EAR in its
     * autodeploy folder (deployed as the server starts; its context root "/" comes from the EAR's application.xml).
     */
    private void preparePayara() throws Exception {
        if (!Files.exists(payaraDomain())) {
            ProcessBuilder pb = new ProcessBuilder(
                    "bash",
                    Path.of(required("netchat.it.config"))
                            .resolve("payara/configure.sh")
                            .toString(),
                    home.toString(),
                    required("netchat.it.jdbc-dir"),
                    PAYARA_DOMAIN,
                    String.valueOf(PAYARA_PORT_BASE));
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process configure = pb.start();
            if (configure.waitFor() != 0) {
                throw new IllegalStateException("config/payara/configure.sh failed (see " + log + ")");
            }
        }
        Path autodeploy = payaraDomain().resolve("autodeploy");
        Files.createDirectories(autodeploy);
        try (Stream<Path> markers = Files.list(autodeploy)) {
            for (Path p : markers.filter(p -> p.getFileName().toString().startsWith("netchat.ear"))
                    .toList()) {
                Files.delete(p);
            }
        }
        Files.copy(ear, autodeploy.resolve("netchat.ear"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts the server on the current data and waits until NetChat answers /health. */
    public void start() throws Exception {
        long launched = System.nanoTime();
        Files.deleteIfExists(pidFile);
        if (onPayara()) {
            startPayara();
            reportStart(launched);
            return;
        }
        ProcessBuilder pb = new ProcessBuilder(
                "bash",
                home.resolve("bin/standalone.sh").toString(),
                "-c",
                "standalone-full.xml",
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET);
        Map<String, String> env = pb.environment();
        env.putAll(environment());
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        env.put("JBOSS_PIDFILE", pidFile.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        // A fresh server boots in about 10 s alone, but took 206 s and then more than 300 s on two cores shared by
        // five builds: 360 s by default, more with -Dnetchat.it.boot-timeout-seconds.
        try {
            awaitHealthy(Duration.ofSeconds(Long.getLong("netchat.it.boot-timeout-seconds", 360)));
        } catch (IllegalStateException e) {
            // A server that missed the deadline kept booting and held the ports, so the next execution (the
            // PostgreSQL run after H2) found them taken: stop it before failing.
            kill();
            throw e;
        }
        reportStart(launched);
    }

    /**
     * asadmin start-domain --verbose stays in the foreground with the server JVM as its child, like standalone.sh;
     * the server JVM writes its pid to the domain's config/pid, copied to the pid file WildFly's script writes.
     */
    private void startPayara() throws Exception {
        Path domainPid = payaraDomain().resolve("config/pid");
        Files.deleteIfExists(domainPid);
        ProcessBuilder pb = new ProcessBuilder(
                "bash", home.resolve("bin/asadmin").toString(), "start-domain", "--verbose", PAYARA_DOMAIN);
        pb.environment().putAll(environment());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!Files.exists(domainPid) && Instant.now().isBefore(deadline) && process.isAlive()) {
            Thread.sleep(100);
        }
        if (Files.exists(domainPid)) {
            Files.writeString(pidFile, Files.readString(domainPid).strip());
        }
        awaitHealthy(Duration.ofSeconds(300));
    }

    /**
     * Variables added to the environment from the next {@link #start()} on (IntegrationsIT turns Twilio and Stream
     * on with them, and off again when it is done); empty by default: no integration is configured.
     */
    public void setExtraEnvironment(Map<String, String> extra) {
        this.extraEnvironment = Map.copyOf(extra);
    }

    /**
     * Stops the server and starts it again with these variables added to its environment (an empty map: as
     * configured). For the classes that need the shared server configured otherwise, and restore it after.
     */
    public void restartWith(Map<String, String> extra) throws Exception {
        stop();
        setExtraEnvironment(extra);
        start();
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
        env.put("NETCHAT_AUTH_REFRESH_REUSE_GRACE", "PT" + REFRESH_REUSE_GRACE_MILLIS / 1000 + "S");
        // Every test signs up its users from 127.0.0.1; the sign-up limit itself is tested from other addresses.
        env.put("NETCHAT_AUTH_SIGNUP_UNLIMITED_ADDRESSES", "127.0.0.1");
        // Uploads never posted are removed after 20 s here (a day by default), so FileIT can watch the cleanup.
        env.put("NETCHAT_FILES_UNATTACHED_TTL_SECONDS", "20");
        env.put("NETCHAT_FILES_CLEANUP_INTERVAL_SECONDS", "2");
        // AvatarProxyIT's picture server runs on this machine: allowed as an operator would allow an intranet host
        // (every other private or loopback address, ::1 included, stays refused).
        env.put("NETCHAT_AVATARS_PROXY_ALLOWED_ADDRESSES", "127.0.0.1");
        // LinkPreviewIT's and the browser journey's pages too (the defaults of the other preview limits stay).
        env.put("NETCHAT_PREVIEWS_ALLOWED_ADDRESSES", "127.0.0.1");
        env.putAll(extraEnvironment);
        if (onPostgresql()) {
            env.put("NETCHAT_DB_URL", required("netchat.it.pg.url") + PG_DATABASE);
            env.put("NETCHAT_DB_USER", required("netchat.it.pg.user"));
            env.put("NETCHAT_DB_PASSWORD", required("netchat.it.pg.password"));
        }
        return env;
    }

    public Connection adminConnection() throws Exception {
        return DriverManager.getConnection(
                required("netchat.it.pg.url") + required("netchat.it.pg.admin-database"),
                required("netchat.it.pg.user"),
                required("netchat.it.pg.password"));
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
        if (Files.exists(pidFile)) {
            String pid = Files.readString(pidFile).strip();
            new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ProcessHandle.of(Long.parseLong(pid))
                            .map(ProcessHandle::isAlive)
                            .orElse(false)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } else if (process != null) {
            process.destroyForcibly();
        }
    }

    /**
     * One line per start for docs/APP-SERVERS.md: seconds from launch to a healthy NetChat, and the server JVM's
     * resident memory right then (Linux /proc; absent elsewhere).
     */
    private void reportStart(long startedNanos) {
        String rss = "?";
        try {
            if (Files.exists(pidFile)) {
                Path status = Path.of("/proc", Files.readString(pidFile).strip(), "status");
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB";
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the server is gone already: the start itself has succeeded
        }
        System.out.printf(
                "[netchat-it] %s on %s: healthy %.1f s after launch, RSS %s%n",
                SERVER, database, (System.nanoTime() - startedNanos) / 1e9, rss);
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        Path failed = onPayara()
                ? payaraDomain().resolve("autodeploy/netchat.ear_deployFailed")
                : home.resolve("standalone/deployments/netchat.ear.failed");
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(failed)) {
                throw new IllegalStateException(
                        "netchat.ear failed to deploy: " + Files.readString(failed) + " (see " + log + ")");
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + " (see " + log + ")");
            }
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(baseUri().resolve("/health"))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
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
