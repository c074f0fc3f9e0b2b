package dev.netchat.auth;

import dev.netchat.shared.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits failed sign-ins per username and per client address within a sliding window, so that guessing
 * passwords is slow whether one account is attacked from many places or many accounts from one place.
 * Kept in memory: each node of a cluster limits on its own, which still bounds the guessing rate.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Beyond this many tracked keys the oldest state is dropped, so a flood of names cannot fill memory. */
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Inject
    public LoginThrottle(
            @ConfigProperty(name = "netchat.auth.login-max-failures-per-user", defaultValue = "5") int maxPerUser,
            @ConfigProperty(name = "netchat.auth.login-max-failures-per-address", defaultValue = "20") int maxPerAddress,
            @ConfigProperty(name = "netchat.auth.login-failure-window", defaultValue = "PT15M") Duration window) {
        this(maxPerUser, maxPerAddress, window, Clock.systemUTC());
    }

    LoginThrottle(int maxPerUser, int maxPerAddress, Duration window, Clock clock) {
        if (maxPerUser < 1 || maxPerAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("login throttle limits and window must be positive");
        }
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected LoginThrottle() {
        this(1, 1, Duration.ofSeconds(1), Clock.systemUTC());
    }

    /** Throws when either the username or the address has failed too often lately. */
    public void check(String username, String address) {
        Instant now = clock.instant();
        long wait = Math.max(secondsUntilAllowed("u:" + username, maxPerUser, now),
                secondsUntilAllowed("a:" + address, maxPerAddress, now));
        if (wait > 0) {
            throw new TooManyRequestsException("Too many failed sign-ins. Try again in " + wait + " seconds.", wait);
        }
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED_KEYS) {
            failures.clear();
        }
        record("u:" + username, now);
        record("a:" + address, now);
    }

    /** A successful sign-in forgives the username's failures (not the address's). */
    public void recordSuccess(String username) {
        failures.remove("u:" + username);
    }

    private void record(String key, Instant now) {
        failures.compute(key, (k, deque) -> {
            Deque<Instant> d = deque == null ? new ArrayDeque<>() : deque;
            prune(d, now);
            d.addLast(now);
            return d;
        });
    }

    private long secondsUntilAllowed(String key, int max, Instant now) {
        long[] wait = {0};
        failures.computeIfPresent(key, (k, d) -> {
            prune(d, now);
            if (d.size() >= max) {
                Instant oldestCounted = d.toArray(new Instant[0])[d.size() - max];
                wait[0] = Math.max(1, Duration.between(now, oldestCounted.plus(window)).toSeconds() + 1);
            }
            return d.isEmpty() ? null : d;
        });
        return wait[0];
    }

    private void prune(Deque<Instant> d, Instant now) {
        Instant cutoff = now.minus(window);
        while (!d.isEmpty() && !d.peekFirst().isAfter(cutoff)) {
            d.removeFirst();
        }
    }
}
