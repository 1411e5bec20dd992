package io.fleetguard.topology;

import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.TelemetryRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static io.fleetguard.testdata.Builders.aTelemetry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stream-time jump makes a whole grace period of held activities due at once. Live, the buffer
 * judges them in slices (so that no transaction outlives its timeout), in the same order, and tells
 * the stream-time processors downstream how far it has judged.
 */
class EventOrderReleaseTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final TaskId TASK = new TaskId(0, 0);

    @TempDir
    Path stateDir;

    private final List<String> judged = new ArrayList<>();
    private final JudgedTime judgedTime = new JudgedTime(GRACE);

    /** Activities as the buffer's own codec writes them, behind a byte naming the input. */
    private static Serde<SpecificRecord> activities() {
        EventOrderCodec codec = new EventOrderCodec();
        return Serdes.serdeFrom((topic, a) -> {
            byte[] body = codec.encode(a);
            byte[] out = new byte[body.length + 1];
            out[0] = (byte) ActivityInput.of(a).rank();
            System.arraycopy(body, 0, out, 1, body.length);
            return out;
        }, (topic, bytes) -> codec.decode(bytes[0], Arrays.copyOfRange(bytes, 1, bytes.length)));
    }

    private TopologyTestDriver driver(ProcessorSupplier<String, SpecificRecord, String, Observation> order) {
        Serde<DeviceIdentity> unused = Serdes.serdeFrom((t, d) -> {
            throw new AssertionError("no registry entry is written");
        }, (t, b) -> {
            throw new AssertionError("no registry entry is read");
        });
        Topology topology = new Topology();
        topology.addSource("activities", Serdes.String().deserializer(), activities().deserializer(), "activities");
        topology.addProcessor("order", order, "activities");
        topology.addStateStore(Stores.versionedKeyValueStoreBuilder(
                Stores.persistentVersionedKeyValueStore(FleetGuardTopology.REGISTRY_STORE, Duration.ofDays(1)),
                Serdes.String(), unused), "order");
        ProcessorSupplier<String, Observation, Void, Void> capture = () -> new Processor<>() {
            @Override
            public void process(Record<String, Observation> r) {
                judged.add(r.value().activity().eventId());
            }
        };
        topology.addProcessor("capture", capture, "order");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "event-order-release-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new TopologyTestDriver(topology, props, T0);
    }

    private static void send(TestInputTopic<String, SpecificRecord> in, String eventId, Instant at) {
        TelemetryRecord t = aTelemetry(eventId, "cam-1", at).withDestination("fleet/site1/cam-1/x").build();
        in.pipeInput("cam-1", t, at);
    }

    private static TestInputTopic<String, SpecificRecord> input(TopologyTestDriver driver) {
        return driver.createInputTopic("activities", Serdes.String().serializer(), activities().serializer());
    }

    @Test
    void shouldJudgeAJumpsBacklogInSlicesInOrderAndSayHowFarItHasJudged() {
        try (TopologyTestDriver driver = driver(EventOrderProcessor.supplier(GRACE, FleetGuardMetrics.inMemory(),
                StateStores.DURABLE, judgedTime, 2))) {
            TestInputTopic<String, SpecificRecord> in = input(driver);
            for (int i = 5; i >= 1; i--) { // held, and arriving newest first
                send(in, "t" + i, T0.plusSeconds(i));
            }
            assertThat(judged).isEmpty();

            // When an activity an hour later moves stream time past all five at once
            Instant later = T0.plus(Duration.ofHours(1));
            send(in, "later", later);

            // Then two are judged by the record and two by the stream-time punctuation it triggers, in
            // event-time order, and downstream is told how far
            long streamTime = later.toEpochMilli();
            assertThat(judged).containsExactly("t1", "t2", "t3", "t4");
            assertThat(judgedTime.now(TASK, streamTime)).isEqualTo(T0.plusSeconds(4).toEpochMilli() - 1);

            // And the wall-clock drain judges the rest, in the same order
            driver.advanceWallClockTime(EventOrderProcessor.DRAIN_EVERY);
            assertThat(judged).containsExactly("t1", "t2", "t3", "t4", "t5");
            assertThat(judgedTime.now(TASK, streamTime)).isEqualTo(streamTime - GRACE.toMillis());

            // And nothing within the grace is judged by the drain
            driver.advanceWallClockTime(EventOrderProcessor.DRAIN_EVERY);
            assertThat(judged).doesNotContain("later");
        }
    }

    @Test
    void shouldJudgeEverythingDueAtOnceOffline() {
        try (TopologyTestDriver driver = driver(EventOrderProcessor.supplier(GRACE, FleetGuardMetrics.inMemory(),
                StateStores.EPHEMERAL, judgedTime))) {
            TestInputTopic<String, SpecificRecord> in = input(driver);
            for (int i = 1; i <= 5; i++) {
                send(in, "t" + i, T0.plusSeconds(i));
            }
            send(in, "later", T0.plus(Duration.ofHours(1)));

            assertThat(judged).containsExactly("t1", "t2", "t3", "t4", "t5");
        }
    }

    @Test
    void shouldLetNothingDownstreamCloseBeforeTheFirstRelease() {
        try (TopologyTestDriver driver = driver(EventOrderProcessor.supplier(GRACE, FleetGuardMetrics.inMemory(),
                StateStores.DURABLE, judgedTime))) {
            assertThat(judgedTime.now(TASK, T0.toEpochMilli())).isEqualTo(Long.MIN_VALUE);
        }
        // a closed task's processors use stream time again
        assertThat(judgedTime.now(TASK, T0.toEpochMilli())).isEqualTo(T0.toEpochMilli() - GRACE.toMillis());
    }

    @Test
    void shouldUseStreamTimeLessTheGraceInATaskWithoutBufferAndRefuseAnEmptySlice() {
        assertThat(judgedTime.now(new TaskId(1, 0), 1_000_000L)).isEqualTo(1_000_000L - GRACE.toMillis());
        assertThatThrownBy(() -> EventOrderProcessor.supplier(GRACE, FleetGuardMetrics.inMemory(), StateStores.DURABLE,
                judgedTime, 0)).isInstanceOf(IllegalArgumentException.class).hasMessage("maxPerRelease must be at least 1, not 0");
    }
}
