package io.fleetguard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** The samples of outputs whose events fell in one slice of the load, {@code offsetMs} after its start. */
    record Window(long offsetMs, LatencyStats stats) {
    }

    /** Collects samples on one thread without boxing, each with the event time it was measured from. */
    static final class Recorder {
        private long[] eventTimes = new long[1024];
        private long[] values = new long[1024];
        private int size;

        void add(long eventTimeMs, long latencyMs) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                eventTimes = Arrays.copyOf(eventTimes, size * 2);
            }
            eventTimes[size] = eventTimeMs;
            values[size++] = latencyMs;
        }

        LatencyStats stats() {
            return of(Arrays.copyOf(values, size));
        }

        /** The samples of outputs whose events are at or after {@code fromMs}. */
        LatencyStats statsFrom(long fromMs) {
            Recorder from = new Recorder();
            for (int i = 0; i < size; i++) {
                if (eventTimes[i] >= fromMs) {
                    from.add(eventTimes[i], values[i]);
                }
            }
            return from.stats();
        }

        /**
         * The samples cut by event time into windows of {@code windowMs} from {@code fromMs}: where in
         * the load the slow outputs were (all of them, nothing left out; a window without samples is
         * left out of the list).
         */
        List<Window> windows(long fromMs, long windowMs) {
            Map<Long, Recorder> byWindow = new TreeMap<>();
            for (int i = 0; i < size; i++) {
                long offset = Math.floorDiv(eventTimes[i] - fromMs, windowMs) * windowMs;
                byWindow.computeIfAbsent(offset, o -> new Recorder()).add(eventTimes[i], values[i]);
            }
            List<Window> out = new ArrayList<>();
            byWindow.forEach((offset, recorder) -> out.add(new Window(offset, recorder.stats())));
            return out;
        }
    }
}
