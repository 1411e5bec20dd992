package io.fleetguard.replay;

import io.fleetguard.config.ConfigKeys;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.runtime.StreamsProperties;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.topology.FleetGuardTopics;
import io.fleetguard.topology.FleetGuardTopology;
import io.fleetguard.topology.StateStores;
import io.fleetguard.topology.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The production topology, built by {@link FleetGuardTopology#build} from the given configuration,
 * running in-process in a {@link TopologyTestDriver}: no broker, one task, each record processed
 * to completion when it is piped. Its alert, OCSF and dead-letter output is read as it appears; the
 * driver also keeps everything written to changelog and repartition topics, which is discarded
 * regularly to keep memory bounded.
 */
final class OfflineEngine implements AutoCloseable {

    /** A record the topology dead-lettered, with FleetGuard's reason header and the error message. */
    record DeadLetter(String reason, String message) {
    }

    static final String HEADER_REASON = "fleetguard.dlq.reason";
    static final String HEADER_MESSAGE = "__streams.errors.message";

    private final FleetGuardMetrics metrics = FleetGuardMetrics.inMemory();
    private final FleetGuardTopics topics;
    private final TopologyTestDriver driver;
    private final Map<ReplayInput, TestInputTopic<String, SpecificRecord>> inputs = new EnumMap<>(ReplayInput.class);
    /** Null when the configuration turns the broker-log normalizer off. */
    private final TestInputTopic<String, String> brokerLogs;
    private final TestOutputTopic<String, IdentityAlert> alerts;
    private final TestOutputTopic<String, String> ocsf;
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    private final Map<String, TestOutputTopic<byte[], byte[]>> internal = new HashMap<>();

    OfflineEngine(FleetGuardConfig config) {
        topics = FleetGuardTopics.from(config);
        driver = new TopologyTestDriver(FleetGuardTopology.build(config, topics, metrics, StateStores.EPHEMERAL),
                StreamsProperties.of(config, metrics));
        for (ReplayInput input : ReplayInput.values()) {
            TopicSpec<String, SpecificRecord> spec = input.topic(topics);
            inputs.put(input, driver.createInputTopic(spec.name(), spec.keySerde().serializer(), spec.valueSerde().serializer()));
        }
        brokerLogs = topics.brokerLogs() == null ? null
                : driver.createInputTopic(topics.brokerLogs(), new StringSerializer(), new StringSerializer());
        alerts = driver.createOutputTopic(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                topics.alerts().valueSerde().deserializer());
        ocsf = driver.createOutputTopic(topics.alertsOcsf(), new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Processes one record completely: afterwards its alerts and dead letters are readable. A broker
     * log line goes to the broker-logs topic keyed by its broker id; the events the normalizer makes
     * of it are written to the auth and telemetry topics, which the driver feeds back at once.
     */
    void pipe(HistoryRecord r) {
        if (r.logLine() != null) {
            if (brokerLogs == null) {
                throw new IllegalStateException("a broker log line to replay, but " + ConfigKeys.INGEST_ENABLED + " is false");
            }
            brokerLogs.pipeInput(new TestRecord<>(r.deviceId(), r.logLine(), new RecordHeaders(), r.timestamp()));
            return;
        }
        inputs.get(r.input()).pipeInput(new TestRecord<>(r.deviceId(), r.value(), new RecordHeaders(), r.timestamp()));
    }

    /** Alerts produced since the last call, in output order. */
    List<IdentityAlert> alerts() {
        return hasOutput(topics.alerts().name(), alerts) ? alerts.readValuesToList() : List.of();
    }

    /** OCSF findings the topology wrote since the last call, one per alert, in the alerts' order. */
    List<String> ocsf() {
        return hasOutput(topics.alertsOcsf(), ocsf) ? ocsf.readValuesToList() : List.of();
    }

    /** Dead letters produced since the last call. */
    List<DeadLetter> deadLetters() {
        if (!hasOutput(topics.deadLetter(), deadLetters)) {
            return List.of();
        }
        List<DeadLetter> out = new ArrayList<>();
        for (TestRecord<byte[], byte[]> r : deadLetters.readRecordsToList()) {
            out.add(new DeadLetter(header(r, HEADER_REASON), header(r, HEADER_MESSAGE)));
        }
        return out;
    }

    /** Drops what the driver captured for changelog and repartition topics (it keeps it forever otherwise). */
    void discardInternalOutput() {
        for (String topic : driver.producedTopicNames()) {
            if (!topic.equals(topics.alerts().name()) && !topic.equals(topics.alertsOcsf())
                    && !topic.equals(topics.deadLetter())) {
                TestOutputTopic<byte[], byte[]> out = internal.computeIfAbsent(topic,
                        t -> driver.createOutputTopic(t, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
                while (!out.isEmpty()) {
                    out.readRecord();
                }
            }
        }
    }

    /** Asking the driver about a topic nothing was written to yet logs a warning per call; this does not. */
    private boolean hasOutput(String topic, TestOutputTopic<?, ?> output) {
        return driver.producedTopicNames().contains(topic) && !output.isEmpty();
    }

    FleetGuardMetrics metrics() {
        return metrics;
    }

    FleetGuardTopics topics() {
        return topics;
    }

    private static String header(TestRecord<byte[], byte[]> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? "unknown" : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
