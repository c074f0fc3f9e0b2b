package dev.netchat.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private long now = 1_000_000_000L;
    private final RateLimiter limiter = new RateLimiter(3, 2, () -> now);

    @Test
    void allowsTheBurstThenRefusesWithTheTimeUntilTheNextTokenAndRefillsAtTheRate() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("ann")).isZero();
        }
        assertThat(limiter.tryAcquire("ann")).isEqualTo(1);
        assertThat(limiter.tryAcquire("bob")).as("other users are not affected").isZero();
        now += 500_000_000L;
        assertThat(limiter.tryAcquire("ann")).isZero();
        assertThat(limiter.tryAcquire("ann")).isEqualTo(1);
    }

    @Test
    void acquireThrows429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("ann", "messages");
        }
        assertThatThrownBy(() -> limiter.acquire("ann", "messages"))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds())
                        .isEqualTo(1));
    }
}
