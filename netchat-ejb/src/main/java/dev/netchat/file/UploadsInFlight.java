package dev.netchat.file;

import dev.netchat.shared.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The uploads each user has running on this node, and the bytes they may still bring. A user with as many
 * uploads running as allowed is refused another until one ends, before its body is read: one account cannot tie
 * up the node's request threads and storage writes with a flood of parallel uploads. The bytes reserved here
 * (the declared length, or the file limit when none is declared) count against the daily quota together with
 * what is stored, so parallel uploads cannot overrun it either. Counted in memory on each node, as the other
 * per-user rates are.
 */
@ApplicationScoped
public class UploadsInFlight {

    /** Seconds a refused client is told to wait: a running upload of a few MiB ends within it. */
    static final long RETRY_AFTER_SECONDS = 5;

    /** One user's running uploads: [count, reserved bytes]. */
    private final ConcurrentMap<String, long[]> running = new ConcurrentHashMap<>();

    private final int maxPerUser;

    /** For CDI's proxy only. */
    protected UploadsInFlight() {
        this.maxPerUser = 0;
    }

    @Inject
    public UploadsInFlight(
            @ConfigProperty(name = "netchat.files.max-uploads-in-flight-per-user", defaultValue = "10")
                    int maxPerUser) {
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("netchat.files.max-uploads-in-flight-per-user must be at least 1");
        }
        this.maxPerUser = maxPerUser;
    }

    /** A running upload; {@link #close} ends it (in a finally block, whatever happened). */
    public final class Slot implements AutoCloseable {
        private final String userId;
        private final long bytes;
        private boolean closed;

        private Slot(String userId, long bytes) {
            this.userId = userId;
            this.bytes = bytes;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            running.computeIfPresent(userId, (k, r) -> r[0] <= 1 ? null : new long[] {r[0] - 1, r[1] - bytes});
        }
    }

    /**
     * Starts an upload of up to {@code bytes} bytes for the user.
     *
     * @throws TooManyRequestsException (429 with Retry-After) when the user already has as many running as allowed
     */
    public Slot start(String userId, long bytes) {
        boolean[] admitted = {false};
        running.compute(userId, (k, r) -> {
            long count = r == null ? 0 : r[0];
            if (count >= maxPerUser) {
                return r;
            }
            admitted[0] = true;
            return new long[] {count + 1, (r == null ? 0 : r[1]) + bytes};
        });
        if (!admitted[0]) {
            throw new TooManyRequestsException(
                    "You have " + maxPerUser + " uploads running, as many as allowed at once; "
                            + "try again when one has finished.",
                    RETRY_AFTER_SECONDS);
        }
        return new Slot(userId, bytes);
    }

    /** The bytes the user's running uploads may still bring (0 when none run). */
    public long reservedBytes(String userId) {
        long[] r = running.get(userId);
        return r == null ? 0 : r[1];
    }

    /** The user's running uploads. */
    public int running(String userId) {
        long[] r = running.get(userId);
        return r == null ? 0 : (int) r[0];
    }
}
