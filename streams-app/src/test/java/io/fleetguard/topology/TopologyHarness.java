package io.fleetguard.topology;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.runtime.StreamsProperties;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.TelemetryRecord;
import io.fleetguard.serde.MockSchemaRegistryScopes;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** The production topology in a TopologyTestDriver, with typed inputs and outputs. */
final class TopologyHarness implements AutoCloseable {

    final FleetGuardConfig config;
    final FleetGuardTopics topics;
    final FleetGuardMetrics metrics = FleetGuardMetrics.inMemory();
    final TopologyTestDriver driver;
    final TestInputTopic<String, DeviceIdentity> registry;
    final TestInputTopic<String, AuthEvent> auth;
    final TestInputTopic<String, TelemetryRecord> telemetry;
    final TestInputTopic<String, ConfigChange> configChanges;
    final TestInputTopic<String, RemoteSupportSession> support;
    final TestOutputTopic<String, IdentityAlert> alerts;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    final TestOutputTopic<String, String> ocsf;
    private final String scope = "topology-" + UUID.randomUUID();

    TopologyHarness(Path stateDir, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", "unused:9092");
        settings.put("schema.registry.url", "mock://" + scope);
        settings.put("kafka.state.dir", stateDir.toString());
        settings.putAll(overrides);
        config = ConfigLoader.fromMap(settings);
        topics = FleetGuardTopics.from(config);
        Properties props = StreamsProperties.of(config, metrics);
        driver = new TopologyTestDriver(FleetGuardTopology.build(config, topics, metrics), props);
        registry = input(topics.registry());
        auth = input(topics.authEvents());
        telemetry = input(topics.telemetry());
        configChanges = input(topics.configChanges());
        support = input(topics.supportSessions());
        alerts = driver.createOutputTopic(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                topics.alerts().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        ocsf = driver.createOutputTopic(topics.alertsOcsf(), new StringDeserializer(), new StringDeserializer());
    }

    private <V> TestInputTopic<String, V> input(TopicSpec<String, V> spec) {
        return driver.createInputTopic(spec.name(), spec.keySerde().serializer(), spec.valueSerde().serializer());
    }

    TestInputTopic<byte[], byte[]> raw(String topic) {
        return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    void register(DeviceIdentity d) {
        registry.pipeInput(d.getDeviceId(), d, d.getUpdatedAt());
    }

    void deregister(String deviceId, Instant at) {
        registry.pipeInput(new TestRecord<>(deviceId, null, at));
    }

    void send(AuthEvent e) {
        auth.pipeInput(e.getDeviceId(), e, e.getTimestamp());
    }

    void send(TelemetryRecord t) {
        telemetry.pipeInput(t.getDeviceId(), t, t.getTimestamp());
    }

    void send(ConfigChange c) {
        configChanges.pipeInput(c.getDeviceId(), c, c.getTimestamp());
    }

    void send(RemoteSupportSession s) {
        support.pipeInput(s.getDeviceId(), s, s.getEndedAt() != null ? s.getEndedAt() : s.getStartedAt());
    }

    List<IdentityAlert> alerts() {
        return alerts.readValuesToList();
    }

    /** One line per alert, "TYPE SEVERITY device subject", for exact list assertions. */
    List<String> alertLines() {
        return alerts().stream().map(TopologyHarness::line).toList();
    }

    static String line(IdentityAlert a) {
        return a.getType() + " " + a.getSeverity() + " " + a.getDeviceId() + " " + a.getSubject();
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistryScopes.dropScope(scope);
    }
}
