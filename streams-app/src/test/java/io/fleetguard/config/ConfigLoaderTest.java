package io.fleetguard.config;

import io.fleetguard.schema.CredentialType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {

    private static final Map<String, String> REQUIRED = Map.of(
            "kafka.bootstrap.servers", "broker:9092",
            "schema.registry.url", "mock://test");

    @TempDir
    Path dir;

    @Test
    void shouldCheckOverridesWithoutAskingForTheRequiredKeysSuppliedLater() {
        assertThat(ConfigLoader.problemsOfOverrides(Map.of("input.rekey.enabled", "false", "kafka.max.task.idle.ms", "-1")))
                .isEmpty();
        assertThat(ConfigLoader.problemsOfOverrides(Map.of("input.rekey.enabled", "maybe", "no.such.key", "1")))
                .containsExactly("unknown key 'no.such.key' (FleetGuard keys are listed in README; Kafka settings go under 'kafka.')",
                        "Invalid value maybe for configuration input.rekey.enabled: Expected value to be either true or false");
    }

    @Test
    void shouldLetEnvironmentOverrideFileAndCommandLineOverrideBoth() throws IOException {
        // Given the same key in all three sources, and one key only in the file
        Path file = write("app.properties", """
                kafka.bootstrap.servers=file:9092
                schema.registry.url=mock://file
                topic.alerts=alerts-from-file
                topic.telemetry=telemetry-from-file
                """);
        Map<String, String> env = Map.of("FLEETGUARD_TOPIC_ALERTS", "alerts-from-env",
                "FLEETGUARD_TOPIC_TELEMETRY", "telemetry-from-env",
                "FLEETGUARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "PATH", "/usr/bin");
        Map<String, String> cli = Map.of("topic.alerts", "alerts-from-cli");

        // When
        FleetGuardConfig config = ConfigLoader.load(file, env, cli);

        // Then
        assertThat(config.topic(ConfigKeys.TOPIC_ALERTS)).isEqualTo("alerts-from-cli");
        assertThat(config.topic(ConfigKeys.TOPIC_TELEMETRY)).isEqualTo("telemetry-from-env");
        assertThat(config.topic(ConfigKeys.TOPIC_REGISTRY)).isEqualTo("fleetguard.registry");
        assertThat(config.kafkaProperties()).isEqualTo(Map.of(
                "bootstrap.servers", "file:9092", "security.protocol", "SASL_SSL"));
    }

    @Test
    void shouldReportEveryProblemAtOnce() throws IOException {
        // Given a file with a duplicate key, an unknown key, a bad number, a topic used twice,
        // a reserved Kafka key and a bad Kafka value; required keys missing; a stray env variable
        Path file = write("bad.properties", """
                topic.alerts=same
                topic.alerts=same
                topic.telemetry=same
                topic.registy=typo
                policy.rotation.password.days=ninety
                kafka.application.id=mine
                kafka.processing.guarantee=sometimes
                """);
        Map<String, String> env = Map.of("FLEETGUARD_NOT_A_KEY", "x");

        // When
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> ConfigLoader.load(file, env, Map.of()));

        // Then
        assertThat(e.problems()).containsExactly(
                "key 'topic.alerts' is set more than once in " + file,
                "environment variable FLEETGUARD_NOT_A_KEY matches no configuration key",
                "unknown key 'topic.registy' (FleetGuard keys are listed in README; Kafka settings go under 'kafka.')",
                "Invalid value ninety for configuration policy.rotation.password.days: Not a number of type INT",
                "'kafka.bootstrap.servers' is required (or FLEETGUARD_KAFKA_BOOTSTRAP_SERVERS)",
                "'schema.registry.url' is required (or FLEETGUARD_SCHEMA_REGISTRY_URL)",
                "'kafka.application.id' is managed by FleetGuard; use application.id",
                "'topic.alerts' and 'topic.telemetry' name the same topic 'same'",
                "kafka.processing.guarantee: Invalid value sometimes for configuration processing.guarantee: "
                        + "String must be one of: at_least_once, exactly_once_v2");
        assertThat(e.getMessage()).startsWith("Invalid configuration (9 problems):");
    }

    @Test
    void shouldNameTheReplacementOfARenamedKey() {
        Map<String, String> cli = new java.util.HashMap<>(REQUIRED);
        cli.put("registry.join.grace.ms", "60000");

        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), cli))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(t -> assertThat(((InvalidConfigurationException) t).problems()).containsExactly(
                        "'registry.join.grace.ms' was renamed: use 'event.order.grace.ms' (same value, now also orders the inputs)"));
    }

    @Test
    void shouldRejectOutOfRangeValuesWithTheKeyName() {
        Map<String, String> cli = new java.util.HashMap<>(REQUIRED);
        cli.put("registry.history.retention.ms", "-1");
        cli.put("validation.min.timestamp", "yesterday");

        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), cli))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(t -> assertThat(((InvalidConfigurationException) t).problems()).containsExactly(
                        "Invalid value -1 for configuration registry.history.retention.ms: Value must be at least 0",
                        "Invalid value yesterday for configuration validation.min.timestamp: "
                                + "not an ISO-8601 instant such as 2000-01-01T00:00:00Z"));
    }

    @Test
    void shouldHideSecretsWhenDescribed() {
        Map<String, String> cli = new java.util.HashMap<>(REQUIRED);
        cli.put("schema.registry.basic.auth.user.info", "svc:s3cret");
        cli.put("kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p4ss\";");
        cli.put("kafka.ssl.keystore.password", "kspass");
        cli.put("kafka.ssl.key.password", "keypass");
        cli.put("kafka.security.protocol", "SASL_SSL");

        Map<String, String> shown = ConfigLoader.load(null, Map.of(), cli).describe();

        assertThat(shown).containsEntry("schema.registry.basic.auth.user.info", "[hidden]")
                .containsEntry("kafka.sasl.jaas.config", "[hidden]")
                .containsEntry("kafka.ssl.keystore.password", "[hidden]")
                .containsEntry("kafka.ssl.key.password", "[hidden]")
                .containsEntry("kafka.security.protocol", "SASL_SSL")
                .containsEntry("kafka.bootstrap.servers", "broker:9092");
        assertThat(shown.toString()).doesNotContain("s3cret", "p4ss", "kspass", "keypass");
    }

    @Test
    void shouldBuildPolicyFromDeclaredThresholds() {
        Map<String, String> cli = new java.util.HashMap<>(REQUIRED);
        cli.put("policy.rotation.token.days", "7");
        cli.put("policy.expiring.window.days", "14");

        FleetGuardConfig config = ConfigLoader.load(null, Map.of(), cli);

        assertThat(config.policy().rotationLimit(CredentialType.API_TOKEN)).isEqualTo(Duration.ofDays(7));
        assertThat(config.policy().rotationLimit(CredentialType.PASSWORD)).isEqualTo(Duration.ofDays(90));
        assertThat(config.policy().rotationLimit(CredentialType.X509_CERT)).isEqualTo(Duration.ofDays(397));
        assertThat(config.policy().expiringWindow()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void shouldNameEnvironmentVariablesAfterKeys() {
        assertThat(ConfigKeys.envName("topic.auth.events")).isEqualTo("FLEETGUARD_TOPIC_AUTH_EVENTS");
        assertThat(ConfigKeys.envName("kafka.bootstrap.servers")).isEqualTo("FLEETGUARD_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldDocumentEveryKey() {
        ConfigKeys.DEFINITION.configKeys().values().forEach(k ->
                assertThat(k.documentation).as("doc of " + k.name).isNotBlank());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
