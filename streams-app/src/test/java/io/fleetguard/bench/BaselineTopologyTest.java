package io.fleetguard.bench;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.TelemetryRecord;
import io.fleetguard.serde.MockSchemaRegistryScopes;
import io.fleetguard.serde.SpecificAvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

class BaselineTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final BenchTopics TOPICS = new BenchTopics("t.");

    private final String scope = "baseline-" + UUID.randomUUID();

    @TempDir
    Path stateDir;

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistryScopes.dropScope(scope);
    }

    @Test
    void shouldWriteEveryEventUnchangedToTheJoinedTopicOfItsInputWhetherOrNotItsDeviceIsRegistered() {
        Serde<SpecificRecord> values = avroSerde();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                BaselineTopology.build(TOPICS, Serdes.String(), values), props())) {
            // Given one registered device
            DeviceIdentity cam = aDevice("cam-1").build();
            input(driver, TOPICS.registry(), values).pipeInput(new TestRecord<>("cam-1", cam, T0.minusSeconds(60)));
            AuthEvent known = anAuthEvent("a-1", "cam-1", T0).build();
            AuthEvent unknown = anAuthEvent("a-2", "ghost-9", T0.plusSeconds(1)).build();
            TelemetryRecord telemetry = aTelemetry("t-1", "cam-1", T0.plusSeconds(2)).build();

            // When events of a registered and an unregistered device arrive on two inputs
            input(driver, TOPICS.events().get(0), values).pipeInput(new TestRecord<>("cam-1", known, T0));
            input(driver, TOPICS.events().get(0), values).pipeInput(new TestRecord<>("ghost-9", unknown, T0.plusSeconds(1)));
            input(driver, TOPICS.events().get(1), values).pipeInput(new TestRecord<>("cam-1", telemetry, T0.plusSeconds(2)));

            // Then each comes out once, unchanged, with its event time, on its input's joined topic
            assertThat(output(driver, "t.auth-events.joined", values).readRecordsToList()).containsExactly(
                    new TestRecord<>("cam-1", known, T0), new TestRecord<>("ghost-9", unknown, T0.plusSeconds(1)));
            assertThat(output(driver, "t.telemetry.joined", values).readRecordsToList()).containsExactly(
                    new TestRecord<>("cam-1", telemetry, T0.plusSeconds(2)));
            assertThat(output(driver, "t.config-changes.joined", values).isEmpty()).isTrue();
            assertThat(driver.<String, SpecificRecord>getKeyValueStore(BaselineTopology.REGISTRY_STORE).get("cam-1"))
                    .isEqualTo(cam);
        }
    }

    @Test
    void shouldRouteEachEventTopicToItsOwnOutput() {
        assertThat(TOPICS.baselineOutputs()).containsExactly(
                "t.auth-events.joined", "t.telemetry.joined", "t.config-changes.joined", "t.support-sessions.joined");
    }

    private Serde<SpecificRecord> avroSerde() {
        SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", "mock://" + scope), false);
        return serde;
    }

    private Properties props() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "baseline-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return p;
    }

    private static TestInputTopic<String, SpecificRecord> input(TopologyTestDriver driver, String topic, Serde<SpecificRecord> values) {
        return driver.createInputTopic(topic, Serdes.String().serializer(), values.serializer());
    }

    private static TestOutputTopic<String, SpecificRecord> output(TopologyTestDriver driver, String topic, Serde<SpecificRecord> values) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), values.deserializer());
    }
}
