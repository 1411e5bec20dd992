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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The production topology, built by {@link FleetGuardTopology#build} from the given configuration
 * with its state in memory ({@link StateStores#EPHEMERAL}), running in-process on a
 * {@link TaskDriver}: no broker, one task, each record processed to completion when it is piped.
 * Its alert and dead-letter output is read as it appears.
 */
final class OfflineEngine implements AutoCloseable {

    /** A record the topology dead-lettered, with FleetGuard's reason header and the error message. */
    record DeadLetter(String reason, String message) {
    }

    static final String HEADER_REASON = "fleetguard.dlq.reason";
    static final String HEADER_MESSAGE = "__streams.errors.message";

    private final FleetGuardMetrics metrics = FleetGuardMetrics.inMemory();
    private final FleetGuardTopics topics;
    private final TaskDriver driver;
    private final Map<ReplayInput, TopicSpec<String, SpecificRecord>> inputs = new EnumMap<>(ReplayInput.class);
    private final Deserializer<IdentityAlert> alertDeserializer;

    OfflineEngine(FleetGuardConfig config) {
        topics = FleetGuardTopics.from(config);
        driver = new TaskDriver(FleetGuardTopology.build(config, topics, metrics, StateStores.EPHEMERAL),
                StreamsProperties.of(config, metrics), Set.of(topics.alerts().name(), topics.alertsOcsf(), topics.deadLetter()));
        for (ReplayInput input : ReplayInput.values()) {
            inputs.put(input, input.topic(topics));
        }
        alertDeserializer = topics.alerts().valueSerde().deserializer();
    }

    /**
     * Processes one record completely: afterwards its alerts and dead letters are readable. A broker
     * log line goes to the broker-logs topic keyed by its broker id; the events the normalizer makes
     * of it are written to the auth and telemetry topics, which the driver feeds back at once.
     */
    void pipe(HistoryRecord r) {
        if (r.logLine() != null) {
            if (topics.brokerLogs() == null) {
                throw new IllegalStateException("a broker log line to replay, but " + ConfigKeys.INGEST_ENABLED + " is false");
            }
            driver.pipe(topics.brokerLogs(), r.deviceId().getBytes(StandardCharsets.UTF_8),
                    r.logLine().getBytes(StandardCharsets.UTF_8), r.timestamp());
            return;
        }
        TopicSpec<String, SpecificRecord> spec = inputs.get(r.input());
        driver.pipe(spec.name(), spec.keySerde().serializer().serialize(spec.name(), r.deviceId()),
                spec.valueSerde().serializer().serialize(spec.name(), r.value()), r.timestamp());
    }

    /** Alerts produced since the last call, in output order. */
    List<IdentityAlert> alerts() {
        return read(topics.alerts().name(), r -> alertDeserializer.deserialize(r.topic(), r.headers(), r.value()));
    }

    /** OCSF findings the topology wrote since the last call, one per alert, in the alerts' order. */
    List<String> ocsf() {
        return read(topics.alertsOcsf(), r -> new String(r.value(), StandardCharsets.UTF_8));
    }

    /** Dead letters produced since the last call. */
    List<DeadLetter> deadLetters() {
        return read(topics.deadLetter(),
                r -> new DeadLetter(header(r.headers(), HEADER_REASON), header(r.headers(), HEADER_MESSAGE)));
    }

    private <T> List<T> read(String topic, Function<ProducerRecord<byte[], byte[]>, T> decode) {
        List<ProducerRecord<byte[], byte[]>> records = driver.read(topic);
        if (records.isEmpty()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> r : records) {
            out.add(decode.apply(r));
        }
        return out;
    }

    FleetGuardMetrics metrics() {
        return metrics;
    }

    FleetGuardTopics topics() {
        return topics;
    }

    private static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null ? "unknown" : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
