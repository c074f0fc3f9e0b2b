package dev.netchat.shared;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a user id): up to {@code burst} actions at once, then {@code perSecond} more each
 * second. Kept in memory on each node: it bounds what one user can make one node do, which is its purpose;
 * sign-in limits, which must hold across nodes, are counted in the database instead.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 200_000;

    private final double burst;
    private final double perNano;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, double[]> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int burst, double perSecond) {
        this(burst, perSecond, System::nanoTime);
    }

    RateLimiter(int burst, double perSecond, LongSupplier nanoClock) {
        if (burst < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a rate limit needs a burst of at least 1 and a positive rate");
        }
        this.burst = burst;
        this.perNano = perSecond / 1_000_000_000d;
        this.nanoClock = nanoClock;
    }

    /** Takes one token; answers 0 when the action may go ahead, else the seconds until a token is back. */
    public long tryAcquire(String key) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        long now = nanoClock.getAsLong();
        long[] wait = {0};
        buckets.compute(key, (k, b) -> {
            // b[0] tokens, b[1] when they were counted
            double[] bucket = b == null ? new double[] {burst, now} : b;
            bucket[0] = Math.min(burst, bucket[0] + (now - (long) bucket[1]) * perNano);
            bucket[1] = now;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
            } else {
                wait[0] = Math.max(1, (long) Math.ceil((1 - bucket[0]) / perNano / 1_000_000_000d));
            }
            return bucket;
        });
        return wait[0];
    }

    /** Like {@link #tryAcquire} but throws {@link TooManyRequestsException} (429 with Retry-After) when refused. */
    public void acquire(String key, String what) {
        long wait = tryAcquire(key);
        if (wait > 0) {
            throw new TooManyRequestsException(
                    "Too many " + what + ". Try again in " + wait + " second" + (wait == 1 ? "" : "s") + ".", wait);
        }
    }
}
