package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "Through the load balancer": two full-ha nodes on one PostgreSQL database ({@link ClusterNodes}) behind
 * HAProxy started by config/balancer.sh with config/haproxy.cfg, exactly as an operator runs it; two people chat in
 * headless Chromium through the balancer (webapp/e2e/failover.spec.ts, Playwright), and the node under one of them
 * is killed with SIGKILL. The journey checks that the page reconnects through the balancer to the other node within
 * 10 s without a reload, that the message sent as the node died is in the history and on both pages exactly once,
 * and that both go on chatting both ways; this class answers its kill request and checks the nodes afterwards.
 * PostgreSQL only (two servers cannot share the embedded H2 file).
 *
 * <p>Kill request: the journey asks {@code POST <E2E_CONTROL_URL>/kill-node} with the body {@code n1} or {@code n2}
 * (the balancer's names, in the order of NETCHAT_NODES: n1 is node a); this test kills that node with SIGKILL and
 * answers 200 once it is gone ({@link PlaywrightRun}).
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
        AtomicReference<ClusterNodes.Node> killedNode = new AtomicReference<>();
        PlaywrightRun.Result result = new PlaywrightRun("LoadBalancerFailoverIT", "e2e:failover")
                .env("BASE_URL", balancerUri.toString())
                // The balancer and two busy full-ha nodes answer more slowly than one server.
                .env("E2E_TIMEOUT_MS", "20000")
                .onPost("/kill-node", name -> {
                    ClusterNodes.Node node = switch (name.strip()) {
                        case "n1" -> nodes.a;
                        case "n2" -> nodes.b;
                        default -> throw new IllegalArgumentException("no such node: " + name);
                    };
                    if (!killedNode.compareAndSet(null, node)) {
                        throw new IllegalStateException("a node was killed already");
                    }
                    node.kill();
                    return "node " + name.strip() + " killed";
                })
                .run(LIMIT_MINUTES);
        assertThat(result.exitCode())
                .as("exit code of npm run e2e:failover (its output is above); the failed tests:%n%s", result.failures())
                .isZero();
        ClusterNodes.Node killed = killedNode.get();
        assertThat(killed).as("the node the journey asked to kill").isNotNull();
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
