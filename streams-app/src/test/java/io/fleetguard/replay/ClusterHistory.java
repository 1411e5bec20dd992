package io.fleetguard.replay;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.embedded.EmbeddedKafka;
import io.fleetguard.feed.KafkaEventSink;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A simulated history on an embedded broker for replay integration tests: fresh topics under a
 * unique prefix (registry compacted, inputs co-partitioned), the events produced as
 * {@code feed.KafkaEventSink} produces them (keyed by device, stamped with event time).
 */
public final class ClusterHistory {

    public final Map<String, String> settings;
    public final FleetGuardConfig config;
    public final FleetGuardTopics topics;

    public ClusterHistory(EmbeddedKafka kafka, Path stateDir, String prefix, int partitions) {
        this(kafka, stateDir, prefix, partitions, Map.of());
    }

    /** @param extra settings on top of the defaults, e.g. {@code event.order.grace.ms} */
    public ClusterHistory(EmbeddedKafka kafka, Path stateDir, String prefix, int partitions, Map<String, String> extra) {
        settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("schema.registry.url", "mock://" + prefix);
        settings.put("kafka.state.dir", stateDir.toString());
        settings.put("application.id", prefix + "live");
        for (String key : List.of("topic.registry", "topic.auth.events", "topic.telemetry", "topic.config.changes",
                "topic.support.sessions", "topic.alerts", "topic.dead.letter", "topic.broker.logs", "topic.alerts.ocsf")) {
            settings.put(key, prefix + key.substring("topic.".length()));
        }
        settings.putAll(extra);
        config = ConfigLoader.fromMap(settings);
        topics = FleetGuardTopics.from(config);
        kafka.createCompactedTopic(topics.registry().name(), partitions);
        kafka.createTopics(topics.otherTopics(partitions));
        awaitLeaders(kafka, partitions);
    }

    /**
     * Waits until the broker itself leads every input partition (it answers ListOffsets only as
     * leader). Metadata names the leader a moment earlier; a producer that writes in that moment
     * gets NOT_LEADER_OR_FOLLOWER for its first batches while later ones land, and its retries then
     * fail with OUT_OF_ORDER_SEQUENCE_NUMBER (seen on the embedded broker under load).
     */
    private void awaitLeaders(EmbeddedKafka kafka, int partitions) {
        Map<TopicPartition, OffsetSpec> all = new HashMap<>();
        for (String t : topics.inputTopics()) {
            for (int p = 0; p < partitions; p++) {
                all.put(new TopicPartition(t, p), OffsetSpec.latest());
            }
        }
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            admin.listOffsets(all).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("input partitions have no working leader: " + e, e);
        }
    }

    /** The live settings with extra settings on top, as the replay commands load them. */
    public Function<Map<String, String>, FleetGuardConfig> loader() {
        return overrides -> {
            Map<String, String> s = new HashMap<>(settings);
            s.putAll(overrides);
            return ConfigLoader.fromMap(s);
        };
    }

    public void produce(List<SimEvent> events) {
        try (KafkaEventSink sink = new KafkaEventSink(config)) {
            events.forEach(sink::send);
            sink.flush();
        }
    }

    /** Polls the app's own input counter (never sleeps blindly); false on timeout. */
    public boolean awaitProcessed(FleetGuardMetrics metrics, long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (topics.inputTopics().stream().mapToDouble(metrics::recordsIn).sum() >= count) {
                try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                        java.util.Map.of("bootstrap.servers", config.kafkaProperties().get("bootstrap.servers")))) {
                    io.fleetguard.replay.ReplayMonitor.awaitSettled(admin, config.applicationId(), timeout);
                }
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
