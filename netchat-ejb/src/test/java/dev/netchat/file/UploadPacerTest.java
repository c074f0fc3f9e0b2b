package dev.netchat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadPacerTest {

    private static final long MIB = 1024 * 1024;
    private static final long SECOND = 1_000_000_000L;

    /** A clock that only moves when the pacer sleeps, or when the test says so. */
    private long now = 1_000 * SECOND;

    private final List<Long> sleeps = new ArrayList<>();

    private UploadPacer pacer(long bytesPerSecond) {
        return new UploadPacer(bytesPerSecond, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    private long slept() {
        return sleeps.stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aSmallFileOnAnIdleNodeIsNotSlowed() throws IOException {
        InputStream in = pacer(8 * MIB).paced(new ByteArrayInputStream(new byte[(int) (3 * MIB)]));

        assertThat(in.readAllBytes()).hasSize((int) (3 * MIB));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aLargeFileIsReadAtTheBudgetAfterTheBurst() throws IOException {
        // 36 MiB at 8 MiB/s: the first 4 MiB go at once, the other 32 take four seconds.
        InputStream in = pacer(8 * MIB).paced(new ByteArrayInputStream(new byte[(int) (36 * MIB)]));

        assertThat(in.readAllBytes()).hasSize((int) (36 * MIB));
        assertThat(slept()).isBetween(4 * SECOND - SECOND / 100, 4 * SECOND);
    }

    @Test
    void parallelUploadsShareOneBudget() throws IOException {
        UploadPacer shared = pacer(8 * MIB);
        InputStream first = shared.paced(new ByteArrayInputStream(new byte[(int) (20 * MIB)]));
        InputStream second = shared.paced(new ByteArrayInputStream(new byte[(int) (20 * MIB)]));
        byte[] piece = new byte[256 * 1024];

        // Interleaved, as two request threads would read: 40 MiB in all, 4 of them free, 36 at 8 MiB/s.
        long read = 0;
        while (read < 40 * MIB) {
            read += Math.max(0, first.read(piece)) + Math.max(0, second.read(piece));
        }

        assertThat(slept()).isBetween(4_500_000_000L - SECOND / 100, 4_500_000_000L);
    }

    @Test
    void aLongIdleTimeGivesOneBurstOnly() throws IOException {
        UploadPacer paced = pacer(8 * MIB);
        paced.paced(new ByteArrayInputStream(new byte[(int) (4 * MIB)])).readAllBytes();
        now += 3_600 * SECOND;

        paced.paced(new ByteArrayInputStream(new byte[(int) (12 * MIB)])).readAllBytes();

        // After an hour of nothing, still only 4 MiB free: the other 8 MiB take a second.
        assertThat(slept()).isBetween(SECOND - SECOND / 100, SECOND);
    }

    @Test
    void zeroTurnsPacingOff() throws IOException {
        InputStream body = new ByteArrayInputStream(new byte[(int) (64 * MIB)]);

        assertThat(pacer(0).paced(body)).isSameAs(body);
    }

    @Test
    void anInterruptedWaitEndsTheUploadWithAnIoError() {
        UploadPacer interrupted = new UploadPacer(MIB, () -> now, nanos -> {
            throw new InterruptedException();
        });
        InputStream in = interrupted.paced(new ByteArrayInputStream(new byte[(int) (8 * MIB)]));

        assertThatThrownBy(in::readAllBytes).isInstanceOf(java.io.InterruptedIOException.class);
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThatThrownBy(() -> new UploadPacer(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
