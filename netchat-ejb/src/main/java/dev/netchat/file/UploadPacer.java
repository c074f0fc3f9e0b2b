package dev.netchat.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One budget of upload bytes per second for the whole node, shared by every upload running on it. Uploads are
 * bulk traffic and chat is interactive: on a small server, ten parallel uploads read from their sockets and
 * written to storage as fast as they come take the CPU and the database's log writes from posting and delivering
 * messages (docs/PERFORMANCE.md, "Files"). Paced here, an upload reads its next bytes only when the budget has
 * room, so TCP slows the sender down, and chat keeps what it needs. An idle node lets a short burst through
 * unpaced, so a picture or a small document is not slowed at all. 0 turns pacing off.
 *
 * <p>The budget is shared in order of arrival: each read books the next slice of time, so parallel uploads
 * share it evenly, and no upload waits longer than its own bytes and those booked before it need.
 */
@ApplicationScoped
public class UploadPacer {

    /** Bytes an idle node lets through at once, unpaced: a typical picture. */
    static final long BURST_BYTES = 4L * 1024 * 1024;

    /** Sleeps for a number of nanoseconds (a seam for the unit test). */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long bytesPerSecond;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    /** The moment up to which the budget is booked, on {@link #nanoClock}'s scale. */
    private long bookedUntil;

    private boolean started;

    /** For CDI's proxy only. */
    protected UploadPacer() {
        this(0, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    @Inject
    public UploadPacer(
            @ConfigProperty(name = "netchat.files.upload-bytes-per-second", defaultValue = "16777216")
                    long bytesPerSecond) {
        this(bytesPerSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    UploadPacer(long bytesPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("netchat.files.upload-bytes-per-second must be 0 (off) or more");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** {@code in}, read no faster than this node's budget allows (shared with the other uploads). */
    public InputStream paced(InputStream in) {
        if (bytesPerSecond == 0) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    take(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    take(n);
                }
                return n;
            }
        };
    }

    /** Books {@code bytes} of the budget and waits until the booking is paid for. */
    void take(long bytes) throws InterruptedIOException {
        long wait;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            long burstNanos = BURST_BYTES * 1_000_000_000L / bytesPerSecond;
            if (!started) {
                bookedUntil = now - burstNanos;
                started = true;
            }
            // An idle node may have at most one burst in hand; never more however long it was idle.
            long from = Math.max(bookedUntil, now - burstNanos);
            bookedUntil = from + bytes * 1_000_000_000L / bytesPerSecond;
            wait = bookedUntil - now;
        }
        if (wait > 0) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while an upload waited for its turn");
            }
        }
    }
}
