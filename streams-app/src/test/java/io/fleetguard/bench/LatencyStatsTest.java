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
            recorder.add(1_000_000 + i, i);
        }

        assertThat(recorder.stats()).isEqualTo(new LatencyStats(5_000, 2_500, 4_950, 5_000));
    }

    @Test
    void shouldCutSamplesByEventTimeIntoWindowsFromTheStartOfTheLoad() {
        LatencyStats.Recorder recorder = new LatencyStats.Recorder();
        long from = 1_000_000;
        recorder.add(from, 900);          // a slow start ...
        recorder.add(from + 4_999, 700);
        recorder.add(from + 5_000, 40);   // ... then steady
        recorder.add(from + 9_000, 60);
        recorder.add(from + 17_000, 50);  // nothing between 10 and 15 s

        assertThat(recorder.windows(from, 5_000)).containsExactly(
                new LatencyStats.Window(0, new LatencyStats(2, 700, 900, 900)),
                new LatencyStats.Window(5_000, new LatencyStats(2, 40, 60, 60)),
                new LatencyStats.Window(15_000, new LatencyStats(1, 50, 50, 50)));
        assertThat(recorder.stats()).isEqualTo(new LatencyStats(5, 60, 900, 900));
        assertThat(recorder.statsFrom(from + 5_000)).isEqualTo(new LatencyStats(3, 50, 60, 60));
    }
}
