package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "Through the load balancer": two full-ha nodes on one PostgreSQL database ({@link ClusterNodes}) behind
 * HAProxy started by config/balancer.sh with config/haproxy.cfg, exactly as an operator runs it; two people chat in
 * headless Chromium through the balancer (webapp/e2e/failover.mjs), and the node under one of them is killed with
 * SIGKILL. The script checks that the page reconnects through the balancer to the other node within 10 s without a
 * reload, that the message sent as the node died is in the history and on both pages exactly once, and that both
 * go on chatting both ways; this class answers its kill request and checks the nodes afterwards.
 * PostgreSQL only (two servers cannot share the embedded H2 file).
 *
 * <p>Kill handshake: failover.mjs prints {@code KILL-NODE n1|n2} (the balancer's names, in the order of
 * NETCHAT_NODES: n1 is node a) and waits for {@code NODE-KILLED} on its stdin.
 */
class LoadBalancerFailoverIT {

    private static final long LIMIT_MINUTES = 5;

    private static ClusterNodes nodes;
    private static Process balancer;
    private static URI balancerUri;
    private static Path balancerLog;

    @BeforeAll
    static void startTwoNodesBehindTheBalancer() throws Exception {
        nodes = new ClusterNodes(Map.of());
        nodes.start();
        int port = 8080 + NetChatServer.PORT_OFFSET + 300;
        balancerUri = URI.create("http://localhost:" + port);
        Path work = Path.of(System.getProperty("netchat.it.work")).resolve("balancer");
        Files.createDirectories(work);
        balancerLog = work.resolve("haproxy.out");
        Path config = Path.of(System.getProperty("netchat.it.config-dir", "../config"));
        ProcessBuilder pb = new ProcessBuilder(
                "bash", config.resolve("balancer.sh").toAbsolutePath().toString(), "run");
        pb.environment()
                .put(
                        "NETCHAT_NODES",
                        "127.0.0.1:" + nodes.a.baseUri().getPort() + ",127.0.0.1:"
                                + nodes.b.baseUri().getPort());
        pb.environment().put("NETCHAT_BALANCER_PORT", String.valueOf(port));
        pb.environment().put("NETCHAT_BALANCER_BIND", "127.0.0.1");
        pb.environment().put("NETCHAT_BALANCER_WORK", work.toString());
        pb.redirectErrorStream(true).redirectOutput(balancerLog.toFile());
        balancer = pb.start();
        awaitBalancerHealthy(Duration.ofSeconds(30));
        // The installation's first account is its admin: create it here, so that the people of the script are not.
        Api.Reply first = new Api(balancerUri).signup("Ada Admin", "admin", Api.PASSWORD);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
    }

    private static void awaitBalancerHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!balancer.isAlive()) {
                throw new IllegalStateException("config/balancer.sh exited: " + Files.readString(balancerLog));
            }
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(balancerUri.resolve("/health"))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "The balancer did not answer /health within " + timeout + ": " + Files.readString(balancerLog));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (balancer != null) {
            balancer.descendants().forEach(ProcessHandle::destroy);
            balancer.destroy();
            if (!balancer.waitFor(10, TimeUnit.SECONDS)) {
                balancer.descendants().forEach(ProcessHandle::destroyForcibly);
                balancer.destroyForcibly();
            }
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void twoPeopleChatThroughTheBalancerWhileTheNodeUnderOneOfThemIsKilled() throws Exception {
        Path webapp = Path.of(System.getProperty("netchat.it.webapp"));
        ProcessBuilder pb = new ProcessBuilder("node", "e2e/failover.mjs")
                .directory(webapp.toFile())
                .redirectErrorStream(true);
        pb.environment().put("BASE_URL", balancerUri.toString());
        Process p = pb.start();
        Thread watchdog = new Thread(
                () -> {
                    try {
                        if (!p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
                            System.out.println("[LoadBalancerFailoverIT] failover.mjs took longer than " + LIMIT_MINUTES
                                    + " minutes: stopping it");
                            p.descendants().forEach(ProcessHandle::destroyForcibly);
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "failover-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        ClusterNodes.Node killed = null;
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(line);
                if (line.startsWith("KILL-NODE ")) {
                    String name = line.substring("KILL-NODE ".length()).strip();
                    ClusterNodes.Node node = switch (name) {
                        case "n1" -> nodes.a;
                        case "n2" -> nodes.b;
                        default -> null;
                    };
                    if (node == null || killed != null) {
                        in.write("NODE-KILL-FAILED no such node or already killed: " + name + "\n");
                    } else {
                        killed = node;
                        node.kill();
                        in.write("NODE-KILLED\n");
                    }
                    in.flush();
                }
            }
        }
        assertThat(p.waitFor(1, TimeUnit.MINUTES))
                .as("failover.mjs finished in time")
                .isTrue();
        assertThat(p.exitValue())
                .as("exit code of failover.mjs (its output is above)")
                .isZero();
        assertThat(killed).as("the node failover.mjs asked to kill").isNotNull();
        assertThat(killed.isRunning()).as("the killed node is gone").isFalse();
        ClusterNodes.Node survivor = killed == nodes.a ? nodes.b : nodes.a;
        assertThat(survivor.isRunning()).as("the other node still runs").isTrue();
        // The balancer keeps serving, from the survivor alone. HTTP/1.1: the JDK client's default h2c upgrade offer
        // would be accepted by the node and tunnelled, and the balancer adds no header inside a tunnel.
        HttpResponse<String> health = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(balancerUri.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        String survivorName = survivor == nodes.a ? "n1" : "n2";
        assertThat(health.headers().firstValue("X-NetChat-Node"))
                .as("the node that answered through the balancer")
                .hasValue(survivorName);
    }
}
