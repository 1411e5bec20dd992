package io.fleetguard.chaos;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.feed.JsonLinesEventSink;
import io.fleetguard.feed.KafkaEventSink;
import io.fleetguard.replay.BrokerLog;
import io.fleetguard.replay.ReplayFile;
import io.fleetguard.replay.ReplayInput;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.sim.ActivityGenerator;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.sim.SimulationOptions;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import io.fleetguard.schema.DeviceIdentity;
import java.time.Instant;
import java.util.TreeMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The deterministic history of a chaos run, fed in slices (so that every fault hits an app with
 * work in hand) to both places it is judged from: the live input topics and JSON Lines files for the
 * offline replay. Half way through come the planted-secret events, as ordinary history, and the
 * poison pills.
 */
final class History implements AutoCloseable {

    /** What was written: the offline inputs and how many history records went to the live topics. */
    record Written(List<ReplayFile> files, List<BrokerLog> brokerLogs, long records) {
    }

    private final FleetGuardConfig config;
    private final Path dir;
    private final PlantedEvents planted;
    private final Consumer<Map<SimEvent.Stream, SpecificRecord>> atMiddle;
    private final ActivityGenerator generator;
    private final JsonLinesEventSink files;
    private final KafkaEventSink kafka;
    private final long total;
    private final long middle;
    private final long registrySize;
    private final Map<SimEvent.Stream, SpecificRecord> templates = new EnumMap<>(SimEvent.Stream.class);
    private static final long REEXPORT_STEP_MS = 60_000;
    private final int partitions;
    private final long tailMs;
    /** The registered devices' latest entries, by deviceId; one per partition is re-exported at the end. */
    private final Map<String, DeviceIdentity> registered = new TreeMap<>();
    private long latestTime = Long.MIN_VALUE;
    private List<PlantedEvents.LogLine> lines = List.of();
    private long generated;
    private long written;
    private boolean plantedAuth;
    private boolean plantedChange;
    private boolean closed;

    /**
     * @param partitions the input topics' partition count
     * @param tailMs     how far past the last event the closing registry re-export is stamped
     */
    History(FleetGuardConfig config, SimulationOptions simulation, long events, PlantedSecrets secrets, Path dir,
            int partitions, long tailMs, Consumer<Map<SimEvent.Stream, SpecificRecord>> atMiddle) throws IOException {
        this.partitions = partitions;
        this.tailMs = tailMs;
        this.config = config;
        this.dir = Files.createDirectories(dir);
        this.planted = new PlantedEvents(secrets);
        this.atMiddle = atMiddle;
        this.generator = new ActivityGenerator(simulation);
        this.total = simulation.devices() + events;
        this.middle = simulation.devices() + events / 2;
        this.registrySize = simulation.devices();
        this.files = new JsonLinesEventSink(dir);
        this.kafka = new KafkaEventSink(config);
    }

    long remaining() {
        return total - generated;
    }

    /** Writes the next {@code count} simulated events (and what goes in beside them), flushed to the broker. */
    void feed(long count) {
        for (long n = 0; n < count && generated < total; n++, generated++) {
            SimEvent e = generator.next();
            if (e.value() != null) {
                templates.putIfAbsent(e.stream(), e.value());
            }
            write(e);
            if (generated == middle) {
                lines = planted.brokerLines(e.timestamp());
                kafka.flush();
                atMiddle.accept(Map.copyOf(templates));
            }
            if (generated >= middle && !plantedAuth && e.value() instanceof AuthEvent a) {
                write(planted.echoedPassword(a));
                plantedAuth = true;
            } else if (generated >= middle && !plantedChange && e.value() instanceof ConfigChange c) {
                write(planted.credentialChange(c));
                plantedChange = true;
            }
        }
        kafka.flush();
    }

    private void write(SimEvent e) {
        latestTime = Math.max(latestTime, e.timestamp());
        if (e.stream() == SimEvent.Stream.REGISTRY) {
            if (e.value() instanceof DeviceIdentity d) {
                registered.put(e.key(), d);
            } else {
                registered.remove(e.key()); // deregistered
            }
        }
        files.send(e);
        kafka.send(e);
        written++;
        if (e.stream() == SimEvent.Stream.REGISTRY && generated >= registrySize) {
            // Causality, as in a real fleet: a rotation or owner change is on the broker before any
            // event that it governs is produced. Sent asynchronously, an event could overtake its
            // registry update on another partition, and with registry.join.grace.ms = 0 the live
            // join would judge it by the older version (the first full run: 123 lost, 78 extra
            // registry-dependent alerts out of 14,995, all of this kind).
            kafka.flush();
        }
    }

    /**
     * Closes the history: the registry re-export (after {@code beforeClosing}, e.g. waiting until the
     * instances have read everything fed so far), then the planted broker-log lines.
     */
    Written closeWith(Runnable beforeClosing) throws IOException {
        if (remaining() > 0) {
            throw new IllegalStateException(remaining() + " events not fed yet");
        }
        beforeClosing.run();
        reexportRegistry();
        close();
        List<BrokerLog> logs = writeBrokerLogs();
        List<ReplayFile> inputs = new ArrayList<>();
        for (ReplayInput input : ReplayInput.values()) {
            Path p = dir.resolve(input.fileName());
            if (Files.exists(p)) {
                inputs.add(new ReplayFile(input, p));
            }
        }
        return new Written(inputs, logs, written + lines.size());
    }

    /**
     * The history ends as a live fleet's never does: nothing moves stream time past the last events,
     * so those within the event-order grace would wait in the buffer for ever. As a fleet's registry
     * export would, the history closes with a re-export of one unchanged device per partition,
     * stamped {@code tailMs} after the last event: it moves every task's stream time past the grace
     * and raises nothing (in one-minute steps, see below). It goes to the topics and to the files alike, so the offline replay sees
     * the same history.
     */
    private void reexportRegistry() {
        long last = latestTime;
        Map<Integer, DeviceIdentity> onePerPartition = new TreeMap<>();
        registered.values().forEach(d -> onePerPartition.putIfAbsent(partitionOf(d.getDeviceId()), d));
        if (onePerPartition.size() < partitions) {
            throw new IllegalStateException("the history registers devices on " + onePerPartition.size() + " of "
                    + partitions + " partitions; every task needs one to close the history");
        }
        // In steps of a minute, not one jump: a jump past the grace releases the whole grace period of
        // held activities in one go, one transaction too long for the transaction timeout (seen with a
        // 1-hour grace: the instance was fenced every 40 s and never finished).
        for (long at = Math.min(last + REEXPORT_STEP_MS, last + tailMs); ; at = Math.min(at + REEXPORT_STEP_MS, last + tailMs)) {
            for (DeviceIdentity d : onePerPartition.values()) {
                DeviceIdentity again = DeviceIdentity.newBuilder(d).setUpdatedAt(Instant.ofEpochMilli(at)).build();
                write(new SimEvent(SimEvent.Stream.REGISTRY, again.getDeviceId(), again, at, null, null));
            }
            if (at == last + tailMs) {
                break;
            }
        }
        kafka.flush();
    }

    /** The partition Kafka's default partitioner picks for a String key. */
    private int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private List<BrokerLog> writeBrokerLogs() throws IOException {
        Map<String, List<PlantedEvents.LogLine>> byBroker = new LinkedHashMap<>();
        lines.forEach(l -> byBroker.computeIfAbsent(l.brokerId(), b -> new ArrayList<>()).add(l));
        List<BrokerLog> logs = new ArrayList<>();
        Map<String, Object> props = new HashMap<>(config.kafkaProperties());
        props.put("acks", "all");
        String topic = FleetGuardTopics.from(config).brokerLogs();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (Map.Entry<String, List<PlantedEvents.LogLine>> b : byBroker.entrySet()) {
                Path file = dir.resolve(b.getKey() + ".log");
                List<String> text = new ArrayList<>();
                for (PlantedEvents.LogLine l : b.getValue()) {
                    text.add(l.line());
                    producer.send(new ProducerRecord<>(topic, null, l.timestamp(), l.brokerId(), l.line()));
                }
                Files.write(file, text, StandardCharsets.UTF_8);
                logs.add(BrokerLog.of(file, b.getValue().get(0).format(), b.getKey()));
            }
            producer.flush();
        }
        return logs;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        files.close();
        kafka.close();
    }
}
