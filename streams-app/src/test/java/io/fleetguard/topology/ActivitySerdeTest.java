package io.fleetguard.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivitySerdeTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void shouldCarryEachKindOfActivityThroughOneTopicUnderItsInputsSchema() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            ActivitySerde serde = new ActivitySerde(List.of(h.topics.authEvents(), h.topics.telemetry(),
                    h.topics.configChanges(), h.topics.supportSessions()));
            List<SpecificRecord> activities = List.of(
                    anAuthEvent("e-1", "cam-1", T0).success().withFingerprint("fp-a").build(),
                    aTelemetry("t-1", "cam-2", T0).withDestination("fleet/site1/cam-2/x").build(),
                    aConfigChange("c-1", "cam-3", T0).build(),
                    aSupportSession("s-1", "cam-4", T0).build());

            for (SpecificRecord activity : activities) {
                byte[] bytes = serde.serializer().serialize("app-activities-by-device-repartition", activity);
                int rank = ActivityInput.of(activity).rank();
                assertThat(bytes[0]).isEqualTo((byte) rank);
                // after the input byte, exactly what the input's own serde writes (its subject's schema id)
                List<TopicSpec<String, ? extends SpecificRecord>> inputs = List.of(h.topics.authEvents(), h.topics.telemetry(),
                        h.topics.configChanges(), h.topics.supportSessions());
                assertThat(java.util.Arrays.copyOfRange(bytes, 1, bytes.length))
                        .isEqualTo(ownSerialization(inputs.get(rank), activity));
                assertThat(serde.deserializer().deserialize("app-activities-by-device-repartition", bytes)).isEqualTo(activity);
            }
            assertThat(serde.serializer().serialize("t", null)).isNull();
            assertThat(serde.deserializer().deserialize("t", null)).isNull();
        }
    }

    @SuppressWarnings("unchecked")
    private static byte[] ownSerialization(TopicSpec<String, ? extends SpecificRecord> input, SpecificRecord activity) {
        return ((org.apache.kafka.common.serialization.Serializer<SpecificRecord>) input.valueSerde().serializer())
                .serialize(input.name(), activity);
    }

    @Test
    void shouldRejectBytesThatNameNoInput() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            ActivitySerde serde = new ActivitySerde(List.of(h.topics.authEvents(), h.topics.telemetry(),
                    h.topics.configChanges(), h.topics.supportSessions()));

            assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {7, 0, 0, 0, 0, 1}))
                    .isInstanceOf(SerializationException.class).hasMessage("Not an activity of topic 't': input byte 7 of 6 bytes");
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[0]))
                    .isInstanceOf(SerializationException.class).hasMessage("Not an activity of topic 't': no bytes");
        }
    }
}
