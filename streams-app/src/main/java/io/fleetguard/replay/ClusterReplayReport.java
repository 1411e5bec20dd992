package io.fleetguard.replay;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a cluster replay did, with its alerts counted from the replay's alert topic itself
 * (read_committed), split into those within [from, to] and those of records processed past the
 * stop offsets while the replay was being stopped.
 *
 * @param unfinished partitions that did not reach their stop offset (empty when complete)
 */
public record ClusterReplayReport(double records, Map<AlertType, Long> alerts, long alertsAfterTo,
                                  double deadLetters, List<TopicPartition> unfinished, Duration elapsed) {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    public boolean complete() {
        return unfinished.isEmpty();
    }

    static ClusterReplayReport read(FleetGuardConfig config, FleetGuardTopics topics, Instant to, FleetGuardMetrics metrics,
                                    List<TopicPartition> unfinished, Duration elapsed) {
        Map<AlertType, Long> byType = new EnumMap<>(AlertType.class);
        long after = 0;
        for (IdentityAlert a : readAll(config, topics)) {
            if (a.getEventTime().isAfter(to)) {
                after++;
            } else {
                byType.merge(a.getType(), 1L, Long::sum);
            }
        }
        double records = topics.inputTopics().stream().mapToDouble(metrics::recordsIn).sum();
        double dead = metrics.registry().find("fleetguard.dead.letters").counters().stream().mapToDouble(c -> c.count()).sum();
        return new ClusterReplayReport(records, byType, after, dead, unfinished, elapsed);
    }

    /** Every committed alert of the replay's alert topic, read from its beginning to its current end. */
    public static List<IdentityAlert> readAll(FleetGuardConfig config, FleetGuardTopics topics) {
        Map<String, Object> props = new HashMap<>(config.kafkaProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, IdentityAlert> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                topics.alerts().valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.alerts().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<IdentityAlert> out = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, IdentityAlert> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
            return out;
        }
    }

    void print(PrintStream out, ReplayTarget target) {
        long inRange = alerts.values().stream().mapToLong(Long::longValue).sum();
        double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
        out.printf("Replay '%s' %s: %,.0f records in %.1f s = %,.0f events/s%n", target.name(),
                complete() ? "done" : "INCOMPLETE", records, seconds, records / seconds);
        out.printf("  alerts:   %,d within --to in %s%n", inRange, target.alertTopic());
        alerts.forEach((type, n) -> out.printf("            %-28s %,d%n", type, n));
        if (alertsAfterTo > 0) {
            out.printf("  plus %,d alerts for events after --to (processed while stopping; filter on eventTime)%n", alertsAfterTo);
        }
        out.printf("  dead letters: %,.0f in %s%n", deadLetters, target.deadLetterTopic());
        if (!complete()) {
            out.println("  not reached: " + unfinished);
        }
        out.println("  remove the replay's group, internal topics and local state with: replay --cleanup " + target.name());
    }
}
