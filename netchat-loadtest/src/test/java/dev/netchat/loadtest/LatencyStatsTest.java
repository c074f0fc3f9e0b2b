package dev.netchat.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesOfAUniformSpreadAreWhereTheyShouldBeInMilliseconds() {
        Histogram h = LatencyStats.newHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            h.recordValue(ms * 1000L); // microseconds
        }
        LatencyStats s = LatencyStats.of(h);
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50()).isCloseTo(500, within(0.5));
        assertThat(s.p99()).isCloseTo(990, within(1.0));
        assertThat(s.p999()).isCloseTo(999, within(1.0));
        assertThat(s.max()).isCloseTo(1000, within(1.0));
        assertThat(s.mean()).isCloseTo(500.5, within(0.5));
    }

    @Test
    void oneSlowOutlierInAThousandMovesTheMaxAndP999ButNotP99() {
        Histogram h = LatencyStats.newHistogram();
        for (int i = 0; i < 999; i++) {
            h.recordValue(2_000); // 2 ms
        }
        h.recordValue(5_000_000); // 5 s
        LatencyStats s = LatencyStats.of(h);
        assertThat(s.p99()).isCloseTo(2.0, within(0.01));
        assertThat(s.max()).isCloseTo(5000, within(5.0));
        assertThat(s.p999()).isCloseTo(2.0, within(0.01));
    }

    @Test
    void anEmptyHistogramReportsZeros() {
        LatencyStats s = LatencyStats.of(LatencyStats.newHistogram());
        assertThat(s.count()).isZero();
        assertThat(s.p99()).isZero();
        assertThat(s.max()).isZero();
    }

    @Test
    void valuesAboveTheInitialRangeAreKept() {
        Histogram h = LatencyStats.newHistogram();
        h.recordValue(3_600_000_000L); // one hour in microseconds
        assertThat(LatencyStats.of(h).max()).isCloseTo(3_600_000, within(3_600.0));
    }
}
