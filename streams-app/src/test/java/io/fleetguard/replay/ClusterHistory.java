package io.fleetguard.replay;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.embedded.EmbeddedKafka;
import io.fleetguard.feed.KafkaEventSink;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.topology.FleetGuardTopics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** @param extra settings on top of the defaults, e.g. {@code registry.join.grace.ms} */
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
        Map<String, Integer> others = new HashMap<>();
        for (String t : topics.inputTopics()) {
            if (!t.equals(topics.registry().name())) {
                others.put(t, partitions);
            }
        }
        others.put(topics.alerts().name(), partitions);
        others.put(topics.deadLetter(), partitions);
        kafka.createTopics(others);
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
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
