package io.fleetguard.topology;

import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Suppression in the topology: once per window, an update when it closes, severity never swallowed. */
class SuppressionTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void shouldFoldRepeatsIntoOneAlertAndEmitAnUpdateWhenTheWindowCloses() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            // Given an unregistered device authenticating 3 times within the hour (1 h window)
            h.send(anAuthEvent("e1", "ghost-1", T0).success().build());
            h.send(anAuthEvent("e2", "ghost-1", T0.plus(Duration.ofMinutes(10))).success().build());
            h.send(anAuthEvent("e3", "ghost-1", T0.plus(Duration.ofMinutes(59))).success().build());
            List<IdentityAlert> first = h.alerts();
            assertThat(first).extracting(a -> a.getActivity() + " " + a.getCount()).containsExactly("NEW 1");

            // When stream time passes the end of the window (another device's event)
            h.send(anAuthEvent("x", "ghost-2", T0.plus(Duration.ofMinutes(62))).success().build());

            // Then (after ghost-2's own alert) the held alert is re-emitted as an update with the same id,
            // count and last seen
            List<IdentityAlert> later = h.alerts();
            assertThat(later).extracting(a -> a.getActivity() + " " + a.getDeviceId() + " " + a.getCount())
                    .containsExactly("NEW ghost-2 1", "UPDATE ghost-1 3");
            IdentityAlert update = later.get(1);
            assertThat(update.getAlertId()).isEqualTo(first.get(0).getAlertId());
            assertThat(update.getFirstSeen()).isEqualTo(T0);
            assertThat(update.getLastSeen()).isEqualTo(T0.plus(Duration.ofMinutes(59)));
            assertThat(update.getTriggeringEventIds()).containsExactly("e1", "e2", "e3");
            // and the closed window's state is gone: only ghost-2's window is held
            KeyValueStore<String, IdentityAlert> store = h.driver.getKeyValueStore(SuppressionProcessor.STORE);
            assertThat(count(store)).isEqualTo(1);
            assertThat(store.get("UNKNOWN_DEVICE|ghost-2|ghost-2")).isNotNull();
        }
    }

    @Test
    void shouldNeverSwallowAHigherSeverity() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            h.send(anAuthEvent("f1", "ghost-1", T0).failure("bad password").build());
            h.send(anAuthEvent("f2", "ghost-1", T0.plusSeconds(5)).failure("bad password").build());
            h.send(anAuthEvent("s1", "ghost-1", T0.plusSeconds(10)).success().build());
            h.send(anAuthEvent("s2", "ghost-1", T0.plusSeconds(15)).success().build());

            assertThat(h.alerts()).extracting(a -> a.getActivity() + " " + a.getSeverity() + " " + a.getTriggeringEventIds())
                    .containsExactly("NEW MEDIUM [f1]", "UPDATE MEDIUM [f1, f2]", "NEW HIGH [s1]");
        }
    }

    @Test
    void shouldKeepSuppressionStateBoundedOverALongPeriod() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            // 30 simulated days, 200 distinct unknown devices a day, each seen twice
            for (int day = 0; day < 30; day++) {
                for (int d = 0; d < 200; d++) {
                    Instant at = T0.plus(Duration.ofDays(day)).plusSeconds(d * 10L);
                    String id = "ghost-" + day + "-" + d;
                    h.send(anAuthEvent(id + "-a", id, at).success().build());
                    h.send(anAuthEvent(id + "-b", id, at.plusSeconds(1)).success().build());
                }
            }
            KeyValueStore<String, IdentityAlert> store = h.driver.getKeyValueStore(SuppressionProcessor.STORE);
            // only the last day's 200 devices (all within the last hour of stream time) are still held
            assertThat(count(store)).isEqualTo(200);
            KeyValueStore<String, String> deadlines = h.driver.getKeyValueStore(SuppressionProcessor.DEADLINES_STORE);
            assertThat(count(deadlines)).isEqualTo(200);
            // every earlier device: NEW and, when its window closed, UPDATE; the last day: NEW only so far
            assertThat(h.alerts()).hasSize(29 * 200 * 2 + 200);
        }
    }

    private static long count(KeyValueStore<String, ?> store) {
        long n = 0;
        try (var it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }
}
