package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationSummaryTest {

    @Test
    void shouldCountEventsPerStreamAndIncidentsPerExpectedType() {
        List<SimEvent> events = List.of(
                new SimEvent(SimEvent.Stream.REGISTRY, "cam-000001", null, 1, null, null),
                new SimEvent(SimEvent.Stream.TELEMETRY, "cam-000001", null, 2, null, null),
                new SimEvent(SimEvent.Stream.TELEMETRY, "cam-000009", null, 3, AlertType.UNKNOWN_DEVICE, "x"),
                new SimEvent(SimEvent.Stream.AUTH, "cam-000009", null, 4, AlertType.UNKNOWN_DEVICE, "y"),
                new SimEvent(SimEvent.Stream.AUTH, "cam-000001", null, 5, AlertType.STALE_CREDENTIAL, "z"));

        SimulationSummary summary = SimulationSummary.of(events);

        assertThat(summary.total()).isEqualTo(5);
        assertThat(summary.eventsPerStream()).isEqualTo(Map.of(
                SimEvent.Stream.REGISTRY, 1L, SimEvent.Stream.TELEMETRY, 2L, SimEvent.Stream.AUTH, 2L));
        assertThat(summary.events(SimEvent.Stream.SUPPORT)).isZero();
        assertThat(summary.incidents()).isEqualTo(3);
        assertThat(summary.incidentsPerType()).isEqualTo(Map.of(
                AlertType.UNKNOWN_DEVICE, 2L, AlertType.STALE_CREDENTIAL, 1L));
        assertThat(summary.incidents(AlertType.CREDENTIAL_EXPIRING)).isZero();
    }
}
