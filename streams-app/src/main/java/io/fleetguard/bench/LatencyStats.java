package io.fleetguard.bench;

import java.util.Arrays;

/**
 * Percentiles of event-to-output latency samples, by nearest rank.
 *
 * @param samples how many outputs were measured
 * @param p50Ms   median, ms
 * @param p99Ms   99th percentile, ms
 * @param maxMs   slowest, ms
 */
public record LatencyStats(long samples, long p50Ms, long p99Ms, long maxMs) {

    static LatencyStats of(long[] latenciesMs) {
        if (latenciesMs.length == 0) {
            return new LatencyStats(0, 0, 0, 0);
        }
        long[] sorted = latenciesMs.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** The smallest sample with at least {@code p} of all samples at or below it. */
    private static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    /** Collects samples on one thread without boxing. */
    static final class Recorder {
        private long[] values = new long[1024];
        private int size;

        void add(long latencyMs) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = latencyMs;
        }

        LatencyStats stats() {
            return of(Arrays.copyOf(values, size));
        }
    }
}
