package dev.netchat.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(10);

    @Test
    void hashesWithBcryptAtTheConfiguredCostAndVerifies() {
        String hash = hasher.hash("correct horse");
        assertThat(hash).startsWith("$2a$10$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("wrong horse", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void anUnknownUserNeverMatchesButStillCostsABcryptCheck() {
        long t0 = System.nanoTime();
        assertThat(hasher.matches("anything", null)).isFalse();
        // A cost-10 bcrypt takes milliseconds; skipping it would take microseconds.
        assertThat(System.nanoTime() - t0).isGreaterThan(1_000_000L);
    }

    @Test
    void refusesACostBelowTen() {
        assertThatThrownBy(() -> new PasswordHasher(9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void beyondTheConcurrentHashingBoundCallersAreRefusedWith429InsteadOfQueuingForever() throws Exception {
        PasswordHasher one = new PasswordHasher(12, 1, java.time.Duration.ofMillis(50));
        Thread busy = new Thread(() -> one.hash("keeps the only turn busy"));
        busy.start();
        Thread.sleep(20);
        assertThatThrownBy(() -> one.hash("another")).isInstanceOf(dev.netchat.shared.TooManyRequestsException.class);
        busy.join();
        org.assertj.core.api.Assertions.assertThat(one.matches("x", one.hash("x")))
                .isTrue();
    }
}
