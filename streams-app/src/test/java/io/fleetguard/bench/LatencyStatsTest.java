package io.fleetguard.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyStatsTest {

    @Test
    void shouldTakePercentilesByNearestRank() {
        // Given 1..100 ms in shuffled order
        long[] samples = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();

        LatencyStats stats = LatencyStats.of(samples);

        assertThat(stats).isEqualTo(new LatencyStats(100, 50, 99, 100));
    }

    @Test
    void shouldGiveTheOnlySampleForEveryPercentile() {
        assertThat(LatencyStats.of(new long[] {42})).isEqualTo(new LatencyStats(1, 42, 42, 42));
    }

    @Test
    void shouldReportNoSamplesAsZeros() {
        assertThat(LatencyStats.of(new long[0])).isEqualTo(new LatencyStats(0, 0, 0, 0));
    }

    @Test
    void shouldRecordBeyondItsInitialCapacity() {
        LatencyStats.Recorder recorder = new LatencyStats.Recorder();
        for (long i = 1; i <= 5_000; i++) {
            recorder.add(i);
        }

        assertThat(recorder.stats()).isEqualTo(new LatencyStats(5_000, 2_500, 4_950, 5_000));
    }
}
