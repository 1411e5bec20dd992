package io.fleetguard.serde;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.TelemetryRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MockSchemaRegistryTest {

    private static final String SCOPE = "mock-registry-test";

    private final MockSchemaRegistry registry = new MockSchemaRegistry("mock://" + SCOPE);

    @AfterEach
    void dropScope() {
        MockSchemaRegistryScopes.dropScope(SCOPE);
    }

    @Test
    void shouldNumberSchemasFromOneAndReuseTheIdOfAnIdenticalSchema() {
        // When
        int telemetry = registry.register("fleetguard.telemetry-value", TelemetryRecord.getClassSchema());
        int auth = registry.register("fleetguard.auth-events-value", AuthEvent.getClassSchema());
        int again = registry.register("fleetguard.telemetry-value", TelemetryRecord.getClassSchema());
        int otherSubject = registry.register("fleetguard.telemetry-replay-value", TelemetryRecord.getClassSchema());

        // Then
        assertThat(List.of(telemetry, auth, again, otherSubject)).containsExactly(1, 2, 1, 1);
        assertThat(registry.versions("fleetguard.telemetry-value")).containsExactly(1);
        assertThat(registry.getById(2)).isEqualTo(AuthEvent.getClassSchema());
    }

    @Test
    void shouldLookUpOnlyWhatIsRegisteredUnderTheSubject() {
        // Given
        registry.register("fleetguard.telemetry-value", TelemetryRecord.getClassSchema());

        // When / Then
        assertThat(registry.lookup("fleetguard.telemetry-value", TelemetryRecord.getClassSchema())).isEqualTo(1);
        assertThatThrownBy(() -> registry.lookup("fleetguard.telemetry-value", AuthEvent.getClassSchema()))
            .isInstanceOf(SchemaRegistryException.class)
            .hasMessage("Cannot look up schema under subject 'fleetguard.telemetry-value' at mock://mock-registry-test:"
                + " schema is not registered under this subject")
            .extracting("errorCode").isEqualTo(40403);
        assertThatThrownBy(() -> registry.lookup("fleetguard.alerts-value", TelemetryRecord.getClassSchema()))
            .isInstanceOf(SchemaRegistryException.class)
            .extracting("errorCode").isEqualTo(40401);
    }

    @Test
    void shouldReportAnUnknownIdAsNotFound() {
        // When / Then
        assertThatThrownBy(() -> registry.getById(3))
            .isInstanceOf(SchemaRegistryException.class)
            .hasMessage("Cannot fetch schema id 3 at mock://mock-registry-test: schema not found")
            .satisfies(e -> assertThat(((SchemaRegistryException) e).isNotFound()).isTrue());
    }

    @Test
    void shouldShareOneRegistryPerScopeUntilTheScopeIsDropped() {
        // Given
        MockSchemaRegistry first = MockSchemaRegistryScopes.forScope(SCOPE);
        first.register("s-value", AuthEvent.getClassSchema());

        // When
        MockSchemaRegistry same = MockSchemaRegistryScopes.forScope(SCOPE);
        MockSchemaRegistry other = MockSchemaRegistryScopes.forScope(SCOPE + "-other");
        MockSchemaRegistryScopes.dropScope(SCOPE);
        MockSchemaRegistryScopes.dropScope(SCOPE + "-other");
        MockSchemaRegistry fresh = MockSchemaRegistryScopes.forScope(SCOPE);

        // Then
        assertThat(same).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(fresh).isNotSameAs(first);
        assertThat(fresh.subjects()).isEmpty();
        assertThat(fresh.register("s-value", TelemetryRecord.getClassSchema())).isEqualTo(1);
    }
}
