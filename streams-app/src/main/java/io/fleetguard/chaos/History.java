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
import java.util.function.LongConsumer;

/**
 * The deterministic history of a chaos run, written once to both places it is judged from: the
 * live input topics and JSON Lines files for the offline replay. Planted-secret events go in half
 * way through, as ordinary history.
 */
final class History {

    /** What was written: the offline inputs and how many records the live app must process. */
    record Written(List<ReplayFile> files, List<BrokerLog> brokerLogs, long records, int plantedEvents) {
    }

    private History() {
    }

    static Written write(FleetGuardConfig config, SimulationOptions simulation, long events, PlantedSecrets secrets,
                         Path dir, LongConsumer progress, Consumer<Map<SimEvent.Stream, SpecificRecord>> atMiddle)
            throws IOException {
        Files.createDirectories(dir);
        PlantedEvents planted = new PlantedEvents(secrets);
        long total = simulation.devices() + events;
        long middle = simulation.devices() + events / 2;
        long written = 0;
        boolean plantedAuth = false;
        boolean plantedChange = false;
        List<PlantedEvents.LogLine> lines = List.of();
        Map<SimEvent.Stream, SpecificRecord> templates = new EnumMap<>(SimEvent.Stream.class);
        try (JsonLinesEventSink files = new JsonLinesEventSink(dir); KafkaEventSink kafka = new KafkaEventSink(config)) {
            ActivityGenerator generator = new ActivityGenerator(simulation);
            for (long i = 0; i < total; i++) {
                SimEvent e = generator.next();
                List<SimEvent> out = new ArrayList<>(2);
                out.add(e);
                if (e.value() != null) {
                    templates.putIfAbsent(e.stream(), e.value());
                }
                if (i == middle) {
                    lines = planted.brokerLines(e.timestamp());
                    kafka.flush();
                    atMiddle.accept(Map.copyOf(templates)); // poison pills half way through the history
                }
                if (i >= middle && !plantedAuth && e.value() instanceof AuthEvent a) {
                    out.add(planted.echoedPassword(a));
                    plantedAuth = true;
                } else if (i >= middle && !plantedChange && e.value() instanceof ConfigChange c) {
                    out.add(planted.credentialChange(c));
                    plantedChange = true;
                }
                for (SimEvent o : out) {
                    files.send(o);
                    kafka.send(o);
                    written++;
                }
                if (i % 100_000 == 0) {
                    progress.accept(i);
                }
            }
            kafka.flush();
        }
        int plantedCount = (plantedAuth ? 1 : 0) + (plantedChange ? 1 : 0);
        List<BrokerLog> logs = writeBrokerLogs(config, lines, dir);
        List<ReplayFile> inputs = new ArrayList<>();
        for (ReplayInput input : ReplayInput.values()) {
            Path p = dir.resolve(input.fileName());
            if (Files.exists(p)) {
                inputs.add(new ReplayFile(input, p));
            }
        }
        return new Written(inputs, logs, written, plantedCount + lines.size());
    }

    private static List<BrokerLog> writeBrokerLogs(FleetGuardConfig config, List<PlantedEvents.LogLine> lines, Path dir)
            throws IOException {
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
}
