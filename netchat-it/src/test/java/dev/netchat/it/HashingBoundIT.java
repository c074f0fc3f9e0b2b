package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bound on concurrent bcrypt on the real server (issue 17): with one hash at a time
 * ({@code NETCHAT_AUTH_MAX_CONCURRENT_HASHING=1}) and a 50 ms wait for a turn
 * ({@code NETCHAT_AUTH_HASHING_WAIT}), a burst of simultaneous sign-ins and sign-ups is answered 429
 * problem+json with Retry-After beyond the bound, never a 5xx, and the account's owner signs in right after.
 * Restarts the shared server with those settings and restores it afterwards.
 */
@ExtendWith(ServerExtension.class)
class HashingBoundIT {

    /**
     * Each hash at cost 10 takes tens of milliseconds; with one at a time, forty at once cannot all get a turn
     * within 50 ms, whatever the machine's speed, so some must be refused.
     */
    private static final int BURST = 40;

    private final Api api = ServerExtension.api();

    @BeforeAll
    static void restartWithOneHashAtATime() throws Exception {
        NetChatServer server = ServerExtension.server();
        server.restartWith(Map.of(
                "NETCHAT_AUTH_MAX_CONCURRENT_HASHING", "1",
                "NETCHAT_AUTH_HASHING_WAIT", "PT0.05S"));
    }

    @AfterAll
    static void restartAsBefore() throws Exception {
        NetChatServer server = ServerExtension.server();
        server.restartWith(Map.of());
    }

    @Test
    void aBurstBeyondTheBoundIs429WithRetryAfterNever5xxAndTheOwnerSignsInAfterwards() throws Exception {
        String owner = Api.uniqueName("owner");
        assertThat(signupPatiently(owner)).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < BURST; i++) {
                boolean signup = i % 2 == 0;
                replies.add(pool.submit(() -> {
                    go.await();
                    return signup
                            ? api.signup("Burst Person", Api.uniqueName("burst"), Api.PASSWORD)
                            : api.login(owner, Api.PASSWORD);
                }));
            }
            go.countDown();
            int refused = 0;
            int accepted = 0;
            List<String> unexpected = new ArrayList<>();
            for (Future<Api.Reply> f : replies) {
                Api.Reply r = f.get(2, TimeUnit.MINUTES);
                if (r.status() == 429) {
                    refused++;
                    assertThat(r.contentType()).as("a 429: %s", r).startsWith("application/problem+json");
                    assertThat(r.json().path("status").asInt()).isEqualTo(429);
                    assertThat(r.headers().firstValue("Retry-After"))
                            .as("a 429's Retry-After: %s", r)
                            .hasValueSatisfying(
                                    v -> assertThat(Integer.parseInt(v)).isPositive());
                } else if (r.status() == 200 || r.status() == 201) {
                    accepted++;
                } else {
                    unexpected.add(r.status() + " " + r.body());
                }
            }
            assertThat(unexpected)
                    .as("answers other than 200/201/429 (never a 5xx)")
                    .isEmpty();
            assertThat(refused)
                    .as("requests refused beyond the bound (%d accepted)", accepted)
                    .isPositive();
            assertThat(accepted).as("requests that got a turn").isPositive();
        } finally {
            pool.shutdownNow();
        }

        // The burst is over: the owner signs in at once.
        Api.Reply login = api.login(owner, Api.PASSWORD);
        assertThat(login.status())
                .as("the owner's sign-in after the burst: %s", login)
                .isEqualTo(200);
    }

    /** A sign-up before the burst, retried if it happens to meet a 429 (nothing else is hashing then). */
    private int signupPatiently(String username) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Api.Reply r = api.signup("Owner Person", username, Api.PASSWORD);
            if (r.status() != 429 || attempt >= 10) {
                return r.status();
            }
            Thread.sleep(200);
        }
    }
}
