package io.fleetguard.bench;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.embedded.EmbeddedKafka;
import io.fleetguard.sim.SimulationOptions;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What every phase shares: the embedded broker, the in-memory schema registry scope, the state
 * directory and the options. Turns them into FleetGuard configurations and simulation options.
 */
record BenchEnvironment(EmbeddedKafka kafka, BenchOptions options, String registryScope, Path stateDir) {

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** FleetGuard's configuration for one data set and application id; also used for the sink and the baseline's serde. */
    FleetGuardConfig config(BenchTopics topics, String applicationId) {
        Map<String, String> s = new HashMap<>(options.fleetGuardSettings());
        s.putAll(topics.fleetGuardSettings());
        s.put("application.id", applicationId);
        s.put("schema.registry.url", "mock://" + registryScope);
        s.put("kafka." + StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        streamsSettings().forEach((key, value) -> s.put("kafka." + key, value));
        return ConfigLoader.fromMap(s);
    }

    /** The Kafka Streams settings the bench sets identically for both apps. */
    Map<String, String> streamsSettings() {
        Map<String, String> s = new HashMap<>();
        s.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, options.guarantee());
        s.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(options.threads()));
        // Both apps commit alike (default 100 ms, the exactly_once_v2 default; under at_least_once
        // Kafka's 30 s would make "caught up", read from committed offsets, visible up to 30 s late).
        s.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.toString(options.commitIntervalMs()));
        s.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return s;
    }

    /** The simulated fleet and its activity at {@code rate} events per simulated second from {@code start}. */
    SimulationOptions simulation(Instant start) {
        return SimulationOptions.builder().seed(options.seed()).devices(options.devices())
                .eventsPerSecond(options.rate()).incidentRate(options.incidentRate()).start(start).build();
    }
}
