package io.fleetguard.topology;

import io.fleetguard.schema.CredentialType;
import io.fleetguard.schema.TrustTier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Mosquitto logs (captured by scripts/mosquitto/capture-fixtures.sh) through the normalizer
 * and the detectors: the scenarios of the capture become exactly these alerts.
 */
class BrokerLogTopologyTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private static void register(TopologyHarness h) {
        for (String id : List.of("sensor-0001", "sensor-0002")) {
            h.register(aDevice(id).withTrustTier(TrustTier.PASSWORD).withAllowedDataPaths("devices/" + id + "/#")
                    .withCredential(aCredential("fp-" + id).withType(CredentialType.PASSWORD).withPrincipal(id)
                            .issuedAt(REGISTERED))
                    .updatedAt(REGISTERED).build());
        }
        h.register(aDevice("sensor-0003").withAllowedDataPaths("devices/sensor-0003/#")
                .withCredential(aCredential("fp-sensor-0003").withPrincipal("sensor-0003").issuedAt(REGISTERED))
                .updatedAt(REGISTERED).build());
    }

    private static List<String> fixture(String name) throws IOException {
        try (InputStream in = BrokerLogTopologyTest.class.getResourceAsStream("/fixtures/mosquitto/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void shouldTurnTheCapturedMosquittoScenariosIntoTheirAlerts() throws IOException {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of("ingest.mosquitto.identity.ports", "18832"))) {
            register(h);
            TestInputTopic<String, String> logs = h.driver.createInputTopic(h.topics.brokerLogs(),
                    new StringSerializer(), new StringSerializer());
            for (String line : fixture("mosquitto-2.0-epoch.log")) {
                logs.pipeInput(new TestRecord<>("mqtt-1", line, new RecordHeaders(), Instant.parse("2026-11-22T02:40:00Z")));
            }

            assertThat(h.alertLines()).containsExactlyElementsOf(BrokerLogExpectations.ALERTS);
            assertThat(h.metrics.brokerLogsSkipped("mqtt-packet")).isEqualTo(20.0);
            assertThat(h.deadLetters.readRecordsToList()).isEmpty();
        }
    }

    @Test
    void shouldDeadLetterGarbageLinesAndKeepNormalizing() throws IOException {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of("ingest.formats", "aws:aws-iot"))) {
            register(h);
            TestInputTopic<String, String> logs = h.driver.createInputTopic(h.topics.brokerLogs(),
                    new StringSerializer(), new StringSerializer());
            Instant at = Instant.parse("2026-11-22T02:40:00Z");
            logs.pipeInput(new TestRecord<>("aws", "{\"eventType\": 42", new RecordHeaders(), at));
            logs.pipeInput(new TestRecord<>("mqtt-9", "no timestamp here", new RecordHeaders(), at));
            RecordHeaders bogus = new RecordHeaders();
            bogus.add("fleetguard.log-format", "syslog".getBytes(StandardCharsets.UTF_8));
            logs.pipeInput(new TestRecord<>("mqtt-9", "1795317738: New connection from 1.2.3.4:5 on port 1883.", bogus, at));
            logs.pipeInput(new TestRecord<>("mqtt-1", fixture("mosquitto-2.0-epoch.log").get(0), new RecordHeaders(), at));

            assertThat(h.deadLetters.readRecordsToList()).extracting(r -> new String(
                            r.headers().lastHeader("fleetguard.dlq.reason").value(), StandardCharsets.UTF_8))
                    .hasSize(3).last().isEqualTo(BrokerLogNormalizer.UNKNOWN_FORMAT);
            assertThat(h.metrics.brokerLogsSkipped("lifecycle")).isEqualTo(1.0);
        }
    }
}
