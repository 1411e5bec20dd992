package io.fleetguard.it;

import io.fleetguard.schema.CredentialType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static org.assertj.core.api.Assertions.assertThat;

/** Real Mosquitto logs through the normalizer and the detectors on a real broker, exactly once. */
class BrokerLogIT extends WithEmbeddedKafka {

    private static final Instant REGISTERED = Instant.parse("2026-11-01T00:00:00Z");


    @TempDir
    static Path stateDir;


    @Test
    void shouldTurnCapturedMosquittoLogsIntoTheExpectedAlerts() throws Exception {
        try (ItApp it = new ItApp(kafka, stateDir, Map.of("ingest.mosquitto.identity.ports", "18832"))) {
            try (KafkaProducer<String, DeviceIdentity> p = KafkaTestClients.producer(kafka.bootstrapServers(),
                    it.topics.registry().keySerde().serializer(), it.topics.registry().valueSerde().serializer())) {
                for (String id : List.of("sensor-0001", "sensor-0002", "sensor-0003")) {
                    DeviceIdentity d = aDevice(id).withAllowedDataPaths("devices/" + id + "/#").updatedAt(REGISTERED)
                            .withCredential(aCredential("fp-" + id).withType(id.equals("sensor-0003")
                                    ? CredentialType.X509_CERT : CredentialType.PASSWORD).withPrincipal(id).issuedAt(REGISTERED))
                            .build();
                    p.send(new ProducerRecord<>(it.topics.registry().name(), null, REGISTERED.toEpochMilli(), id, d)).get();
                }
            }
            // Broker logs keyed by broker id: one broker, so one partition, in log order
            try (KafkaProducer<String, String> p = KafkaTestClients.producer(kafka.bootstrapServers(),
                    new StringSerializer(), new StringSerializer());
                 InputStream in = getClass().getResourceAsStream("/fixtures/mosquitto/mosquitto-2.0-epoch.log")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                    p.send(new ProducerRecord<>(it.topics.brokerLogs(), "mqtt-1", line));
                }
                p.flush();
            }

            List<String> expected = io.fleetguard.topology.BrokerLogExpectations.ALERTS;
            List<ConsumerRecord<String, IdentityAlert>> alerts = KafkaTestClients.readUntil(kafka.bootstrapServers(),
                    it.topics.alerts().name(), new StringDeserializer(), it.topics.alerts().valueSerde().deserializer(),
                    Duration.ofSeconds(60), read -> read.size() >= expected.size());
            // Spraying is counted after a repartition by source address: the failures of <unknown> and of
            // sensor-0002 come from two input partitions, so which device's failure completes the burst
            // depends on arrival order; the alert itself (type, severity, source) does not.
            assertThat(alerts).extracting(r -> anyDeviceForSpraying(r.value().getType() + " " + r.value().getSeverity() + " "
                    + r.value().getDeviceId() + " " + r.value().getSubject()))
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(BrokerLogIT::anyDeviceForSpraying).toList());
        }
    }

    private static String anyDeviceForSpraying(String line) {
        return line.startsWith("AUTH_FAILURE_BURST HIGH ") ? line.replaceFirst("^(\\S+ \\S+) \\S+ ", "$1 * ") : line;
    }
}
