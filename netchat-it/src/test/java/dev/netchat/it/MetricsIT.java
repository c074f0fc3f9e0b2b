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
            assertThat(body).contains("netchat_outbox_pending", "netchat_login_throttled_total", "netchat_rate_limited_total",
                    "netchat_http_requests_seconds_count{method=\"POST\",route=\"/channels/{id}/messages\",status=\"2xx\"}",
                    "jvm_memory_used_bytes", "jvm_threads_live_threads", "process_files_open_files", "jvm_gc_");
        }
    }

    private static double value(String exposition, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.Ee+-]+)$").matcher(exposition);
        assertThat(m.find()).as("%s in the exposition", name).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
