package io.fleetguard.sim;

import io.fleetguard.detect.Policy;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the simulation against the reference rules with the registry as of each event: every
 * incident must raise exactly its labelled type, and normal traffic nothing at all, stateful
 * rules included.
 */
class IncidentExpectationsTest {

    @ParameterizedTest(name = "seed {0}, {1} devices, {2} events/s")
    @CsvSource({
            "42, 500, 50",
            "7, 120, 50",
            // One action per 20 simulated minutes: 40,000 actions span about 18 months, through
            // every renewal, the expiring cohorts, dormancy periods and past the reserved devices' horizons.
            "3, 300, 0.000833"})
    void shouldRaiseExactlyTheLabelledTypeForIncidentsAndNothingForNormalTraffic(long seed, int devices, double rate) {
        SimulationOptions options = SimulationOptions.builder()
                .seed(seed).devices(devices).eventsPerSecond(rate).incidentRate(0.05).build();
        ReferenceRules rules = new ReferenceRules(Policy.defaults(), Duration.ofMinutes(10));
        Map<String, DeviceIdentity> registry = new HashMap<>();
        SimulationSummary summary = new SimulationSummary();

        ActivityGenerator.stream(options).limit(devices + 40_000L).forEach(event -> {
            summary.add(event);
            Set<AlertType> raised = rules.alerts(event, registry.get(event.key()));
            if (event.stream() == SimEvent.Stream.REGISTRY) {
                registry.put(event.key(), (DeviceIdentity) event.value());
                return;
            }
            Set<AlertType> expected = event.raises();
            assertThat(raised).as("%s %s", event.label(), event.value()).isEqualTo(expected);
        });

        assertThat(rules.overdueSessions()).isEmpty();
        assertThat(summary.incidents()).isGreaterThan(1_000);
        assertThat(summary.events(SimEvent.Stream.SUPPORT)).isPositive();
        assertThat(summary.events(SimEvent.Stream.CONFIG)).isPositive();
        EnumSet<AlertType> injectable = EnumSet.copyOf(SimulationOptions.SUPPORTED_INCIDENTS);
        if (rate > 1) {
            // Minutes of simulated time under the 90-day default: nothing is silent for the dormancy period.
            injectable.remove(AlertType.DORMANT_IDENTITY_REACTIVATED);
        }
        assertThat(summary.incidentsPerType().keySet()).isEqualTo(injectable);
    }
}
