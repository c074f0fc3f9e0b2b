package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How long a message takes from the POST to every member's socket on loopback, one message at a time. Not a
 * performance test (docs/PERFORMANCE.md has those): it prints the figures for the record and only fails if a
 * delivery is missing or takes longer than a second, which no healthy server does.
 */
@ExtendWith(ServerExtension.class)
class DeliveryLatencyIT {

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void eachMessageReachesEveryMemberWellWithinASecond() throws Exception {
        List<Api.Session> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(api.newUser("latency"));
        }
        String channel =
                chat.privateChannel(members.get(0), members.subList(1, 5).toArray(Api.Session[]::new));
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        List<ChatSocket> sockets = new ArrayList<>();
        try {
            for (Api.Session m : members) {
                ChatSocket s = ChatSocket.connect(api, m);
                s.onFrame(f -> {
                    if (Chat.newMessage(channel).test(f)) {
                        Long t0 = sentAt.get(
                                f.path("message").path("clientMessageId").asText());
                        if (t0 != null) {
                            delays.add(System.nanoTime() - t0);
                        }
                    }
                });
                sockets.add(s);
            }
            int messages = 50;
            for (int i = 0; i < messages; i++) {
                String id = Chat.clientMessageId();
                sentAt.put(id, System.nanoTime());
                assertThat(chat.send(members.get(i % 5), channel, Chat.message("latency probe " + i, id))
                                .status())
                        .isEqualTo(201);
                // One at a time: the next message waits until everyone has this one.
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (delays.size() < (i + 1) * members.size() && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
            }
            assertThat(delays).hasSize(messages * members.size());
            List<Long> sorted = new ArrayList<>(delays);
            sorted.sort(null);
            double p50 = sorted.get(sorted.size() / 2) / 1e6;
            double p99 = sorted.get((int) (sorted.size() * 0.99) - 1) / 1e6;
            double max = sorted.get(sorted.size() - 1) / 1e6;
            System.out.printf(
                    "[%s] POST-to-socket delay over %d deliveries: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ServerExtension.server().database(), sorted.size(), p50, p99, max);
            assertThat(max).as("slowest delivery (ms)").isLessThan(1000);
        } finally {
            sockets.forEach(ChatSocket::close);
        }
    }
}
