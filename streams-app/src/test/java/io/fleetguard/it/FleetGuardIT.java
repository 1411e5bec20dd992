package io.fleetguard.it;

import io.fleetguard.runtime.FleetGuardApp;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.TelemetryRecord;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on a real single-node KRaft broker: the app under exactly_once_v2, events produced
 * with the real serde, alerts and dead letters read back with read_committed.
 */
class FleetGuardIT extends WithEmbeddedKafka {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);


    @TempDir
    static Path stateDir;


    @Test
    void shouldDetectEndToEndAndDeadLetterPoisonPillsWithoutStopping() throws Exception {
        // Given fresh topics (2 partitions, registry compacted) and the app under exactly_once_v2
        try (ItApp it = new ItApp(kafka, stateDir, Map.of())) {
            FleetGuardTopics topics = it.topics;
            FleetGuardApp app = it.app;

            // When the registry, normal and anomalous events, and a poison pill per input are produced
            DeviceIdentity cam = aDevice("cam-1").updatedAt(T0).withAllowedDataPaths("fleet/cam-1/#")
                    .withCredential(aCredential("fp-cam").issuedAt(T0.minus(Duration.ofDays(1)))).build();
            try (KafkaProducer<String, DeviceIdentity> p = KafkaTestClients.producer(kafka.bootstrapServers(),
                    topics.registry().keySerde().serializer(), topics.registry().valueSerde().serializer())) {
                p.send(new ProducerRecord<>(topics.registry().name(), null, T0.toEpochMilli(), "cam-1", cam)).get();
            }
            try (KafkaProducer<byte[], byte[]> p = KafkaTestClients.producer(kafka.bootstrapServers(),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (String topic : topics.inputTopics()) {
                    p.send(new ProducerRecord<>(topic, "pill".getBytes(StandardCharsets.UTF_8),
                            "\u0000\u0000\u0000".getBytes(StandardCharsets.UTF_8))).get();
                }
            }
            try (KafkaProducer<String, AuthEvent> p = KafkaTestClients.producer(kafka.bootstrapServers(),
                    topics.authEvents().keySerde().serializer(), topics.authEvents().valueSerde().serializer())) {
                send(p, topics.authEvents().name(), anAuthEvent("a-ok", "cam-1", T0.plusSeconds(10)).success().withFingerprint("fp-cam").build());
                send(p, topics.authEvents().name(), anAuthEvent("a-ghost", "ghost-7", T0.plusSeconds(11)).failure("not authorised").build());
            }
            try (KafkaProducer<String, TelemetryRecord> p = KafkaTestClients.producer(kafka.bootstrapServers(),
                    topics.telemetry().keySerde().serializer(), topics.telemetry().valueSerde().serializer())) {
                TelemetryRecord spoof = aTelemetry("t-spoof", "cam-1", T0.plusSeconds(12)).withFingerprint("fp-thief")
                        .withDestination("fleet/cam-1/temp").build();
                p.send(new ProducerRecord<>(topics.telemetry().name(), null, T0.plusSeconds(12).toEpochMilli(), "wrong-key", spoof)).get();
                send(p, topics.telemetry().name(), aTelemetry("t-path", "cam-1", T0.plusSeconds(13)).withFingerprint("fp-cam")
                        .withDestination("fleet/other/cmd").build());
            }

            // Then exactly the expected alerts come out, read_committed
            List<ConsumerRecord<String, IdentityAlert>> alerts = KafkaTestClients.readUntil(kafka.bootstrapServers(),
                    topics.alerts().name(), new StringDeserializer(), topics.alerts().valueSerde().deserializer(), WAIT,
                    read -> read.size() >= 3);
            assertThat(alerts).extracting(r -> r.key() + " " + r.value().getType() + " " + r.value().getSeverity()
                            + " " + r.value().getSubject() + " " + r.value().getTriggeringEventIds())
                    .containsExactlyInAnyOrder(
                            "ghost-7 UNKNOWN_DEVICE MEDIUM ghost-7 [a-ghost]",
                            "cam-1 IMPERSONATED_TELEMETRY CRITICAL fp-thief [t-spoof]",
                            "cam-1 UNEXPECTED_DATA_PATH MEDIUM destination:fleet/other/cmd [t-path]");

            // And every poison pill is in the dead-letter topic with its reason and origin
            List<ConsumerRecord<byte[], byte[]>> dead = KafkaTestClients.readUntil(kafka.bootstrapServers(),
                    topics.deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer(), WAIT,
                    read -> read.size() >= topics.inputTopics().size());
            assertThat(dead).extracting(r -> header(r, "__streams.errors.topic") + " " + header(r, "fleetguard.dlq.reason"))
                    .containsExactlyInAnyOrderElementsOf(topics.inputTopics().stream().map(t -> t + " deserialization").toList());
            assertThat(dead).allSatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("pill"));
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static <V extends org.apache.avro.specific.SpecificRecord> void send(KafkaProducer<String, V> p, String topic, V value)
            throws Exception {
        String deviceId = (String) value.get(value.getSchema().getField("deviceId").pos());
        Instant ts = (Instant) value.get(value.getSchema().getField("timestamp").pos());
        p.send(new ProducerRecord<>(topic, null, ts.toEpochMilli(), deviceId, value)).get();
    }

    private static String header(ConsumerRecord<?, ?> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
