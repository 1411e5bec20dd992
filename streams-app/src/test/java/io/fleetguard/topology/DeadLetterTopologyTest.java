package io.fleetguard.topology;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.DeviceIdentity;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
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

/** Poison pills on every input land in the dead-letter topic with their reason; detection goes on. */
class DeadLetterTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final byte[] GARBAGE = "not avro at all".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path stateDir;

    @Test
    void shouldDeadLetterUndecodableRecordsOnEveryInputAndKeepDetecting() {
        // TopologyTestDriver under exactly_once_v2 never commits the transaction that carries dead letters
        // written while a record is being deserialized (no record gets processed), so this one test runs
        // at_least_once; DeadLetterIT checks the same path under exactly_once_v2 on a real broker.
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of("kafka.processing.guarantee", "at_least_once"))) {
            List<String> inputs = h.topics.inputTopics();
            long ts = T0.toEpochMilli();
            for (String topic : inputs) {
                h.raw(topic).pipeInput(new TestRecord<>(("k-" + topic).getBytes(StandardCharsets.UTF_8), GARBAGE, null, ts));
            }
            // The app still works after the poison pills
            h.send(anAuthEvent("e1", "ghost-1", T0.plusSeconds(1)).success().build());

            List<TestRecord<byte[], byte[]>> dead = h.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                TestRecord<byte[], byte[]> r = dead.get(i);
                assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("k-" + inputs.get(i));
                assertThat(r.value()).isEqualTo(GARBAGE);
                assertThat(header(r.headers(), "fleetguard.dlq.reason")).isEqualTo("deserialization");
                assertThat(header(r.headers(), "__streams.errors.topic")).isEqualTo(inputs.get(i));
                assertThat(header(r.headers(), "__streams.errors.partition")).isEqualTo("0");
                assertThat(header(r.headers(), "__streams.errors.offset")).isEqualTo("0");
                assertThat(header(r.headers(), "__streams.errors.message")).contains("magic byte");
                assertThat(h.metrics.deadLetters(inputs.get(i), "deserialization")).isEqualTo(1.0);
            }
            assertThat(h.alertLines()).containsExactly("UNKNOWN_DEVICE HIGH ghost-1 ghost-1");
        }
    }

    @Test
    void shouldDeadLetterRecordsThatBreakTheContractWithTheirOriginalBytes() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of("validation.max.field.length", "64"))) {
            AuthEvent noDevice = anAuthEvent("e-nodev", "", T0).success().build();
            AuthEvent tooLong = anAuthEvent("e-long", "cam-1", T0).success().withPrincipal("p".repeat(65)).build();
            AuthEvent ancient = anAuthEvent("e-1970", "cam-1", Instant.ofEpochMilli(5)).success().build();
            AuthEvent future = anAuthEvent("e-future", "cam-1", T0.plus(Duration.ofDays(3))).success().build();
            DeviceIdentity misKeyed = aDevice("cam-2").updatedAt(T0).withCredential(aCredential("fp")).build();

            h.auth.pipeInput("", noDevice, T0);
            h.auth.pipeInput("cam-1", tooLong, T0);
            h.auth.pipeInput("cam-1", ancient, T0);
            h.auth.pipeInput("cam-1", future, T0); // 3 days ahead of its record timestamp
            h.auth.pipeInput(new TestRecord<>("cam-1", null, T0));
            h.registry.pipeInput("cam-1", misKeyed, T0);
            h.send(anAuthEvent("e-ok", "ghost-1", T0.plusSeconds(1)).success().build());

            List<TestRecord<byte[], byte[]>> dead = h.deadLetters.readRecordsToList();
            assertThat(dead).extracting(r -> header(r.headers(), "fleetguard.dlq.reason")).containsExactly(
                    "missing-device-id", "oversized-field", "invalid-timestamp", "invalid-timestamp", "null-value",
                    "key-mismatch");
            assertThat(header(dead.get(1).headers(), "__streams.errors.message"))
                    .isEqualTo("oversized-field: AuthEvent.principal is 65 chars, limit 64");
            assertThat(header(dead.get(1).headers(), "__streams.errors.offset")).isEqualTo("1");
            assertThat(dead.get(1).headers().lastHeader("__streams.errors.stacktrace")).as("expected rejections carry no trace").isNull();
            // The original bytes, exactly as produced
            byte[] produced = h.topics.authEvents().valueSerde().serializer().serialize(h.topics.authEvents().name(), tooLong);
            assertThat(dead.get(1).value()).isEqualTo(produced);
            assertThat(h.alertLines()).containsExactly("UNKNOWN_DEVICE HIGH ghost-1 ghost-1");
            assertThat(h.metrics.deadLetters("fleetguard.auth-events", "invalid-timestamp")).isEqualTo(2.0);
            assertThat(h.metrics.recordsIn("fleetguard.auth-events")).isEqualTo(6.0);
        }
    }

    @Test
    void shouldNotLetAnImplausibleTimestampMoveStreamTime() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            h.register(aDevice("cam-1").updatedAt(T0).withCredential(aCredential("fp").issuedAt(T0)).build());
            // A far-future event: were its time used, stream time would jump and later events look late
            h.auth.pipeInput("cam-1", anAuthEvent("e-2999", "cam-1", Instant.parse("2999-01-01T00:00:00Z")).success().build(), T0);
            h.send(aTelemetry("t1", "cam-1", T0.plusSeconds(5)).withFingerprint("fp-other").build());

            assertThat(h.deadLetters.readRecordsToList()).hasSize(1);
            assertThat(h.alertLines()).containsExactly("IMPERSONATED_TELEMETRY CRITICAL cam-1 fp-other");
        }
    }

    private static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
