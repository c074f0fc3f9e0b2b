package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /metrics answers operators in the Prometheus text format with the application's figures, and nobody else. */
@ExtendWith(ServerExtension.class)
class MetricsIT {

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void anonymousCallersGet401AndOrdinaryUsers403() {
        Api.Reply anonymous = api.send("GET", "/metrics", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Api.Reply user = api.get("/metrics", api.newUser("nosy"));
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.body()).doesNotContain("netchat_");
    }

    @Test
    void anAdminReadsTheApplicationsMetricsInThePrometheusFormat() {
        Api.Session admin = api.admin();
        Api.Session alice = api.newUser("metrics");
        Api.Session bob = api.newUser("metrics");
        String channel = chat.privateChannel(alice, bob);
        double postedBefore = value(api.get("/metrics", admin).body(), "netchat_messages_posted_total");
        try (ChatSocket socket = ChatSocket.connect(api, bob)) {
            chat.post(alice, channel, "counted");
            api.login(alice.username(), "not the password");

            Api.Reply r = api.get("/metrics", admin);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/plain");
            String body = r.body();
            assertThat(value(body, "netchat_messages_posted_total")).isGreaterThanOrEqualTo(postedBefore + 1);
            assertThat(value(body, "netchat_login_failures_total")).isGreaterThanOrEqualTo(1);
            assertThat(value(body, "netchat_sockets_open")).isGreaterThanOrEqualTo(1);
            assertThat(body)
                    .contains(
                            "netchat_outbox_pending",
                            "netchat_ws_slow_clients_closed_total",
                            "netchat_login_throttled_total",
                            "netchat_rate_limited_total",
                            "netchat_http_requests_seconds_count{method=\"POST\",route=\"/channels/{id}/messages\",status=\"2xx\"}",
                            "jvm_memory_used_bytes",
                            "jvm_threads_live_threads",
                            "process_files_open_files",
                            "jvm_gc_");
        }
    }

    @Test
    void deliveriesAndTheSocketsOutboundQueuesAreMeasured() {
        Api.Session admin = api.admin();
        Api.Session alice = api.newUser("metrics");
        Api.Session bob = api.newUser("metrics");
        String channel = chat.privateChannel(alice, bob);
        try (ChatSocket socket = ChatSocket.connect(api, bob)) {
            double before = value(api.get("/metrics", admin).body(), "netchat_ws_frames_delivered_total");
            for (int i = 0; i < 3; i++) {
                chat.post(alice, channel, "delivered " + i);
                socket.awaitEvent(Chat.newMessage(channel), ChatSocket.TIMEOUT);
            }
            // The counter rises when the container reports the write done, which may come a moment after the
            // client read the frame.
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
            double after;
            do {
                after = value(api.get("/metrics", admin).body(), "netchat_ws_frames_delivered_total");
            } while (after < before + 3 && System.nanoTime() < deadline);
            assertThat(after)
                    .as("frames delivered after three posts to a listening socket")
                    .isGreaterThanOrEqualTo(before + 3);

            String body = api.get("/metrics", admin).body();
            double queued = value(body, "netchat_ws_queued_frames");
            double deepest = value(body, "netchat_ws_queue_depth_max");
            assertThat(queued).as("frames queued on this node's sockets").isGreaterThanOrEqualTo(0);
            assertThat(deepest)
                    .as("the deepest socket queue")
                    .isGreaterThanOrEqualTo(0)
                    .isLessThanOrEqualTo(queued);
            assertThat(value(body, "netchat_ws_slow_clients_closed_total")).isGreaterThanOrEqualTo(0);
        }
    }

    /** One metric's value as an admin reads it now. */
    static double metric(Api api, String name) {
        Api.Reply r = api.get("/metrics", api.admin());
        assertThat(r.status()).isEqualTo(200);
        return value(r.body(), name);
    }

    private static double value(String exposition, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.Ee+-]+)$")
                .matcher(exposition);
        assertThat(m.find()).as("%s in the exposition", name).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
