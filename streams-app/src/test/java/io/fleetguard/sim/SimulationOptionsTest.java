package io.fleetguard.sim;

import io.fleetguard.detect.Policy;
import io.fleetguard.schema.AlertType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulationOptionsTest {

    @Test
    void shouldDefaultToTheDocumentedSimulation() {
        SimulationOptions options = SimulationOptions.defaults();

        assertThat(options).isEqualTo(new SimulationOptions(42, 500, Instant.parse("2026-01-05T00:00:00Z"), 50,
                0.02, SimulationOptions.SUPPORTED_INCIDENTS, Policy.defaults()));
        assertThat(options.incidentTypes()).isEqualTo(EnumSet.allOf(AlertType.class));
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        SimulationOptions.Builder builder = SimulationOptions.builder()
                .devices(0).eventsPerSecond(0).incidentRate(1.5).start(null).incidentTypes(null);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid simulation options: devices must be between 1 and 1000000, was 0; "
                        + "start must be set; eventsPerSecond must be a positive finite number, was 0.0; "
                        + "incidentRate must be between 0 and 1, was 1.5; "
                        + "incidentTypes must be set (empty for none)");
    }

    @Test
    void shouldIterateIncidentTypesInDeclarationOrderWhateverSetItCameFrom() {
        Set<AlertType> scrambled = new HashSet<>(List.of(AlertType.UNEXPECTED_DATA_PATH, AlertType.UNKNOWN_DEVICE,
                AlertType.CREDENTIAL_EXPIRING));

        SimulationOptions options = SimulationOptions.builder().incidentTypes(scrambled).build();

        assertThat(List.copyOf(options.incidentTypes())).containsExactly(AlertType.UNKNOWN_DEVICE,
                AlertType.CREDENTIAL_EXPIRING, AlertType.UNEXPECTED_DATA_PATH);
    }

    @Test
    void shouldRoundTripThroughItsBuilder() {
        SimulationOptions options = SimulationOptions.builder().seed(1).devices(1_000_000).eventsPerSecond(0.5)
                .incidentRate(0).incidentTypes(Set.of()).build();

        assertThat(options.toBuilder().build()).isEqualTo(options);
    }
}
