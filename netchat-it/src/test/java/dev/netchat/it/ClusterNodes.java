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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Two NetChat nodes of one cluster (standalone-full-ha.xml) on this machine and one PostgreSQL database, for
 * {@link ClusterIT}: the test module's own WildFly, configured once more with config/netchat.cli for the full-ha
 * profile and with config/netchat-full-ha.cli, then one {@code jboss.server.base.dir} copy of {@code standalone/}
 * per node, as config/two-nodes.sh does by hand. Node ports are the IT's port offset + 100 and + 200.
 */
final class ClusterNodes implements AutoCloseable {

    static final String PASSWORD = "cluster-it-" + Long.toHexString(System.nanoTime());
    static final String DATABASE = NetChatServer.PG_DATABASE + "_cluster";

    final Node a;
    final Node b;
    private final Path home;
    private final Path work;

    ClusterNodes(Map<String, String> extraPropertiesOfA) throws Exception {
        this.home = Path.of(System.getProperty("netchat.it.server-home"));
        this.work = Path.of(System.getProperty("netchat.it.work")).resolve("cluster");
        int offset = NetChatServer.PORT_OFFSET;
        a = new Node("a", offset + 100, extraPropertiesOfA);
        b = new Node("b", offset + 200, Map.of());
    }

    /** Configures the full-ha profile (once per server home), fresh database, both nodes started. */
    void start() throws Exception {
        configureFullHa();
        try (Connection c = new NetChatServer().adminConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        NetChatServer.deleteRecursively(work);
        Files.createDirectories(work.resolve("data"));
        a.prepare();
        b.prepare();
        // A first, alone: it migrates the database; then B joins.
        a.start();
        a.awaitHealthy();
        b.start();
        b.awaitHealthy();
        awaitClusterFormed(Duration.ofSeconds(60));
    }

    private void configureFullHa() throws Exception {
        Path ha = home.resolve("standalone/configuration/standalone-full-ha.xml");
        if (Files.readString(ha).contains("NETCHAT_CLUSTER_MEMBERS")) {
            return;
        }
        Path config = Path.of(System.getProperty("netchat.it.config-dir", "../config"));
        // The build already installed the JDBC module with netchat.cli; the rest of the script is what an operator
        // applies to the full-ha profile.
        Path netchat = work.getParent().resolve("netchat-on-full-ha.cli");
        List<String> lines = Files.readAllLines(config.resolve("netchat.cli")).stream()
                .filter(l -> !l.startsWith("module add"))
                .toList();
        Files.write(netchat, lines);
        cli(netchat, "-Dnetchat.server.config=standalone-full-ha.xml");
        cli(config.resolve("netchat-full-ha.cli"));
    }

    private void cli(Path script, String... properties) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("bash", home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script.toAbsolutePath()));
        command.addAll(List.of(properties));
        // Output to a file and a bounded wait: an embedded CLI that never returns fails here, not at CI's limit.
        Path out = Files.createTempFile("netchat-cli", ".txt");
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException(
                        "jboss-cli " + script + " did not finish within 5 minutes: " + Files.readString(out));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("jboss-cli " + script + " failed: " + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Both nodes' logs show the Artemis bridge to the other one (TOOLCHAIN: AMQ221027). */
    private void awaitClusterFormed(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (a.log().contains("AMQ221027") && b.log().contains("AMQ221027")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                "The two nodes formed no Artemis cluster within " + timeout + " (see " + work + ")");
    }

    @Override
    public void close() throws Exception {
        a.stop();
        b.stop();
    }

    final class Node {
        final String name;
        final int offset;
        private final Map<String, String> systemProperties;
        private final Path base;
        private Process process;

        Node(String name, int offset, Map<String, String> systemProperties) {
            this.name = name;
            this.offset = offset;
            this.systemProperties = systemProperties;
            this.base = work.resolve("node-" + name);
        }

        URI baseUri() {
            return URI.create("http://localhost:" + (8080 + offset));
        }

        /** The node's HTTP base URL as a string, without a trailing slash (for example http://localhost:11180). */
        String baseUrl() {
            return baseUri().toString();
        }

        Api api() {
            return new Api(baseUri());
        }

        /** True while the node's server process (the java process or its launching script) is alive. */
        boolean isRunning() {
            return serverProcesses().anyMatch(ProcessHandle::isAlive);
        }

        /**
         * SIGKILL: the node's java process and every descendant of its launching script die at once, without a
         * shutdown (no undeploy, no leaving the cluster politely); returns once they have all exited.
         */
        void kill() throws Exception {
            List<ProcessHandle> victims =
                    serverProcesses().filter(ProcessHandle::isAlive).toList();
            // destroyForcibly is SIGKILL on Linux. Java first, so the script cannot start anything else.
            for (int i = victims.size() - 1; i >= 0; i--) {
                victims.get(i).destroyForcibly();
            }
            for (ProcessHandle h : victims) {
                h.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            }
            Files.deleteIfExists(base.resolve("server.pid"));
        }

        /** Starts the node again with the same settings (base dir, offset, properties, environment) and waits until healthy. */
        void restart() throws Exception {
            if (isRunning()) {
                throw new IllegalStateException("Node " + name + " is still running");
            }
            Files.deleteIfExists(base.resolve("server.pid"));
            start();
            awaitHealthy();
        }

        /** The launching script, its descendants (the java process) and the java process of the pid file. */
        private Stream<ProcessHandle> serverProcesses() {
            List<ProcessHandle> all = new java.util.ArrayList<>();
            if (process != null) {
                all.add(process.toHandle());
                process.descendants().forEach(all::add);
            }
            Path pid = base.resolve("server.pid");
            try {
                if (Files.exists(pid)) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                            .filter(h -> all.stream().noneMatch(x -> x.pid() == h.pid()))
                            .ifPresent(h -> {
                                all.add(h);
                                h.descendants().forEach(all::add);
                            });
                }
            } catch (IOException | NumberFormatException e) {
                // no pid file yet, or half written: the script's descendants cover the java process
            }
            return all.stream();
        }

        String log() throws IOException {
            Path log = base.resolve("log/server.log");
            return Files.exists(log) ? Files.readString(log) : "";
        }

        void prepare() throws IOException {
            copy(home.resolve("standalone"), base);
            NetChatServer.deleteRecursively(base.resolve("data"));
            NetChatServer.deleteRecursively(base.resolve("log"));
            try (Stream<Path> old = Files.list(base.resolve("deployments"))) {
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith("netchat.ear"))
                        .toList()) {
                    Files.delete(p);
                }
            }
            Files.copy(
                    Path.of(System.getProperty("netchat.it.ear")),
                    base.resolve("deployments/netchat.ear"),
                    StandardCopyOption.REPLACE_EXISTING);
        }

        void start() throws Exception {
            List<String> command = new java.util.ArrayList<>(List.of(
                    "bash",
                    home.resolve("bin/standalone.sh").toString(),
                    "-c",
                    "standalone-full-ha.xml",
                    "-Djboss.server.base.dir=" + base,
                    "-Djboss.socket.binding.port-offset=" + offset,
                    "-Djboss.node.name=" + name,
                    "-b",
                    "127.0.0.1",
                    "-bprivate",
                    "127.0.0.1"));
            systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> env = pb.environment();
            env.putAll(environment());
            env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
            env.put("JBOSS_PIDFILE", base.resolve("server.pid").toString());
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(
                    work.resolve("node-" + name + ".out").toFile()));
            process = pb.start();
        }

        private Map<String, String> environment() {
            Map<String, String> env = new HashMap<>();
            // One folder for both: the token signing key must be the same on every node.
            env.put("NETCHAT_DATA_DIR", work.resolve("data").toString());
            env.put("NETCHAT_AUTH_BCRYPT_COST", "10");
            env.put("NETCHAT_AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS", "60");
            // ClusterIT signs up more accounts than the per-address sign-up limit allows in an hour (as NetChatServer).
            env.put("NETCHAT_AUTH_SIGNUP_UNLIMITED_ADDRESSES", "127.0.0.1");
            env.put("NETCHAT_DB_URL", System.getProperty("netchat.it.pg.url") + DATABASE);
            env.put("NETCHAT_DB_USER", System.getProperty("netchat.it.pg.user"));
            env.put("NETCHAT_DB_PASSWORD", System.getProperty("netchat.it.pg.password"));
            env.put("NETCHAT_NODE_NAME", name);
            env.put("NETCHAT_CLUSTER_PASSWORD", PASSWORD);
            env.put(
                    "NETCHAT_CLUSTER_MEMBERS",
                    Stream.of(a, b)
                            .map(n -> "127.0.0.1[" + (7600 + n.offset) + "]")
                            .collect(Collectors.joining(",")));
            return env;
        }

        void awaitHealthy() throws Exception {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            Instant deadline =
                    Instant.now().plus(Duration.ofSeconds(480)); // a full-ha boot took 243 s on a machine at load 37
            while (Instant.now().isBefore(deadline)) {
                if (Files.exists(base.resolve("deployments/netchat.ear.failed"))) {
                    throw new IllegalStateException("netchat.ear failed on node " + name + ": "
                            + Files.readString(base.resolve("deployments/netchat.ear.failed")));
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("Node " + name + " exited (see " + base + "/log/server.log)");
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
            throw new IllegalStateException(
                    "Node " + name + " did not become healthy (see " + base + "/log/server.log)");
        }

        void stop() throws Exception {
            Path pid = base.resolve("server.pid");
            if (Files.exists(pid)) {
                long id = Long.parseLong(Files.readString(pid).strip());
                ProcessHandle.of(id).ifPresent(ProcessHandle::destroy);
                ProcessHandle.of(id)
                        .ifPresent(h -> h.onExit()
                                .orTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                                .join());
            }
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
