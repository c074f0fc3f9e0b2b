package dev.netchat.loadtest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram recorded in microseconds, reported in milliseconds. The histogram keeps
 * three significant digits, so every figure is exact to 0.1 % of its value.
 */
public final class LatencyStats {

    private final long count;
    private final double p50;
    private final double p99;
    private final double p999;
    private final double max;
    private final double mean;

    private LatencyStats(long count, double p50, double p99, double p999, double max, double mean) {
        this.count = count;
        this.p50 = p50;
        this.p99 = p99;
        this.p999 = p999;
        this.max = max;
        this.mean = mean;
    }

    public static Histogram newHistogram() {
        // Auto-resizing, 3 significant digits: 1 us .. hours with 0.1 % precision.
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    public static LatencyStats of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }
        return new LatencyStats(
                micros.getTotalCount(),
                ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()),
                Math.round(micros.getMean()) / 1000.0);
    }

    private static double ms(long micros) {
        // Report the highest value equivalent to the bucket, so that a reported p99 is never optimistic.
        return micros / 1000.0;
    }

    public long count() {
        return count;
    }

    public double p50() {
        return p50;
    }

    public double p99() {
        return p99;
    }

    public double p999() {
        return p999;
    }

    public double max() {
        return max;
    }

    public double mean() {
        return mean;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("p50Ms", p50);
        m.put("p99Ms", p99);
        m.put("p999Ms", p999);
        m.put("maxMs", max);
        m.put("meanMs", mean);
        return m;
    }
}
