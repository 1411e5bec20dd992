package io.fleetguard.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyPhaseTest {

    @Test
    void shouldPrintEachSliceOfTheLoadWithItsMedianTailAndSampleCount() {
        List<LatencyStats.Window> windows = List.of(
                new LatencyStats.Window(0, new LatencyStats(49_812, 1_204, 2_341, 2_900)),
                new LatencyStats.Window(5_000, new LatencyStats(50_102, 95, 180, 230)));

        assertThat(LatencyPhase.timeline(windows)).isEqualTo("0 s: 1,204 / 2,341 (49,812); 5 s: 95 / 180 (50,102)");
        assertThat(LatencyPhase.timeline(List.of())).isEmpty();
    }
}
