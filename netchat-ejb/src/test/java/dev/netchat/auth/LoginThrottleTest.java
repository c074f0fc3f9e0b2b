package dev.netchat.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netchat.shared.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(10), clock);

    @Test
    void limitsAUsernameAfterItsMaximumOfFailuresAndSaysWhenToRetry() {
        for (int i = 0; i < 3; i++) {
            throttle.check("ann", "10.0.0." + i);
            throttle.recordFailure("ann", "10.0.0." + i);
        }
        assertThatThrownBy(() -> throttle.check("ann", "10.0.0.99"))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds()).isBetween(599L, 601L));
        assertThatCode(() -> throttle.check("bob", "10.0.0.99")).doesNotThrowAnyException();
    }

    @Test
    void limitsAnAddressAcrossUsernames() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i, "10.1.1.1");
        }
        assertThatThrownBy(() -> throttle.check("fresh", "10.1.1.1")).isInstanceOf(TooManyRequestsException.class);
        assertThatCode(() -> throttle.check("fresh", "10.1.1.2")).doesNotThrowAnyException();
    }

    @Test
    void failuresAgeOutOfTheWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("ann", "10.0.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertThatCode(() -> throttle.check("ann", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessForgivesTheUsernameButNotTheAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("ann", "10.0.0.1");
        }
        throttle.recordSuccess("ann");
        assertThatCode(() -> throttle.check("ann", "10.0.0.2")).doesNotThrowAnyException();
        throttle.recordFailure("x", "10.0.0.1");
        throttle.recordFailure("y", "10.0.0.1");
        assertThatThrownBy(() -> throttle.check("ann", "10.0.0.1")).isInstanceOf(TooManyRequestsException.class);
    }
}
