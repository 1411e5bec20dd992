package io.fleetguard.bench;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.runtime.FleetGuardApp;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import java.time.Duration;
import java.util.Properties;

/** An app under test: its Kafka Streams client, its application id (= consumer group) and how to stop it. */
final class BenchApp implements AutoCloseable {

    /** Which of the two apps. */
    enum Kind {
        BASELINE("baseline"), FLEETGUARD("fleetguard");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final Kind kind;
    private final String applicationId;
    private final KafkaStreams streams;
    private final Runnable closer;

    private BenchApp(Kind kind, String applicationId, KafkaStreams streams, Runnable closer) {
        this.kind = kind;
        this.applicationId = applicationId;
        this.streams = streams;
        this.closer = closer;
    }

    static BenchApp create(Kind kind, BenchEnvironment env, BenchTopics topics, String applicationId) {
        FleetGuardConfig config = env.config(topics, applicationId);
        return kind == Kind.FLEETGUARD ? fleetGuard(config) : baseline(env, config, topics);
    }

    /** The real thing, built and configured exactly as {@code run} does. */
    private static BenchApp fleetGuard(FleetGuardConfig config) {
        FleetGuardApp app = new FleetGuardApp(config, FleetGuardMetrics.inMemory());
        return new BenchApp(Kind.FLEETGUARD, config.applicationId(), app.streams(), () -> app.close(CLOSE_TIMEOUT));
    }

    private static BenchApp baseline(BenchEnvironment env, FleetGuardConfig config, BenchTopics topics) {
        Topology topology = BaselineTopology.build(topics, Serdes.String(), anyRecordSerde(config));
        Properties props = new Properties();
        props.putAll(env.streamsSettings());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        // As FleetGuard does; there is no global table either way, it only silences a start-up warning.
        props.put("processing.exception.handler.global.enabled", "true");
        KafkaStreams streams = new KafkaStreams(topology, props);
        return new BenchApp(Kind.BASELINE, config.applicationId(), streams, () -> streams.close(CLOSE_TIMEOUT));
    }

    /** FleetGuard's value serde, configured; one instance serializes and reads any of the contracts. */
    @SuppressWarnings("unchecked")
    private static Serde<SpecificRecord> anyRecordSerde(FleetGuardConfig config) {
        return (Serde<SpecificRecord>) (Serde<?>) FleetGuardTopics.from(config).authEvents().valueSerde();
    }

    Kind kind() {
        return kind;
    }

    String applicationId() {
        return applicationId;
    }

    KafkaStreams streams() {
        return streams;
    }

    void start() {
        streams.start();
    }

    @Override
    public void close() {
        closer.run();
    }
}
