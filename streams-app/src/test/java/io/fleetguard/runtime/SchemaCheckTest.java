package io.fleetguard.runtime;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.serde.FakeSchemaRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCheckTest {

    @Test
    void shouldRegisterTheSixValueSubjectsUnderTopicNameStrategy() throws IOException {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start()) {
            List<String> problems = SchemaCheck.problems(config(registry, Map.of()));

            assertThat(problems).isEmpty();
            assertThat(registry.requests()).extracting(r -> r.method() + " " + r.rawPath()).containsExactly(
                    "POST /subjects/fleetguard.registry-value/versions",
                    "POST /subjects/fleetguard.auth-events-value/versions",
                    "POST /subjects/fleetguard.telemetry-value/versions",
                    "POST /subjects/fleetguard.config-changes-value/versions",
                    "POST /subjects/fleetguard.support-sessions-value/versions",
                    "POST /subjects/fleetguard.alerts-value/versions");
        }
    }

    @Test
    void shouldNameSubjectAndReasonWhenTheRegistryRefusesAnIncompatibleSchema() throws IOException {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start()) {
            registry.answerError(409, 409, "Schema being registered is incompatible with an earlier schema", 1);

            List<String> problems = SchemaCheck.problems(config(registry, Map.of()));

            assertThat(problems).containsExactly("schema io.fleetguard.schema.DeviceIdentity: Cannot register schema under subject "
                    + "'fleetguard.registry-value' at " + registry.url() + "/subjects/fleetguard.registry-value/versions: HTTP 409, "
                    + "schema is incompatible with an earlier version under this subject "
                    + "(error_code 409: Schema being registered is incompatible with an earlier schema)");
        }
    }

    @Test
    void shouldOnlyLookUpTheSubjectsFleetGuardWritesWhenNotRegistering() throws IOException {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start()) {
            List<String> problems = SchemaCheck.problems(config(registry, Map.of("auto.register.schemas", "false",
                    "ingest.enabled", "false")));

            assertThat(registry.requests()).extracting(r -> r.method() + " " + r.rawPath())
                    .containsExactly("POST /subjects/fleetguard.alerts-value");
            assertThat(problems).containsExactly("schema io.fleetguard.schema.IdentityAlert: Cannot look up schema under subject "
                    + "'fleetguard.alerts-value' at " + registry.url() + "/subjects/fleetguard.alerts-value: HTTP 404, "
                    + "schema is not registered under this subject (error_code 40401: Subject 'fleetguard.alerts-value' not found.)"
                    + " (auto.register.schemas=false: register it first)");
        }
    }

    private static FleetGuardConfig config(FakeSchemaRegistry registry, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("kafka.bootstrap.servers", "unused:9092",
                "schema.registry.url", registry.url(), "schema.registry.max.retries", "0"));
        settings.putAll(extra);
        return ConfigLoader.fromMap(settings);
    }
}
