package io.fleetguard.it;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.embedded.EmbeddedKafka;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.runtime.FleetGuardApp;
import io.fleetguard.topology.FleetGuardTopics;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A FleetGuard app on the embedded broker with its own freshly created topics (2 partitions). */
final class ItApp implements AutoCloseable {

    final FleetGuardConfig config;
    final FleetGuardTopics topics;
    final FleetGuardMetrics metrics;
    final FleetGuardApp app;

    ItApp(EmbeddedKafka kafka, Path stateDir, Map<String, String> overrides) {
        this(kafka, stateDir, overrides, false);
    }

    /** The app as {@code run} starts it: Prometheus registry and HTTP endpoints as metrics.http.* say. */
    static ItApp served(EmbeddedKafka kafka, Path stateDir, Map<String, String> overrides) {
        return new ItApp(kafka, stateDir, overrides, true);
    }

    private ItApp(EmbeddedKafka kafka, Path stateDir, Map<String, String> overrides, boolean served) {
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("schema.registry.url", "mock://" + prefix);
        settings.put("kafka.state.dir", stateDir.resolve(prefix).toString());
        settings.put("application.id", prefix + "app");
        for (String key : List.of("topic.registry", "topic.auth.events", "topic.telemetry", "topic.config.changes",
                "topic.support.sessions", "topic.alerts", "topic.dead.letter", "topic.broker.logs", "topic.alerts.ocsf")) {
            settings.put(key, prefix + key.substring("topic.".length()));
        }
        settings.putAll(overrides);
        config = ConfigLoader.fromMap(settings);
        topics = FleetGuardTopics.from(config);
        kafka.createCompactedTopic(topics.registry().name(), 2);
        kafka.createTopics(topics.otherTopics(2));
        app = served ? FleetGuardApp.served(config) : new FleetGuardApp(config, FleetGuardMetrics.inMemory());
        metrics = app.metrics();
        app.start();
    }

    @Override
    public void close() {
        app.close();
    }
}
