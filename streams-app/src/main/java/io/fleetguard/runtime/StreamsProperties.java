package io.fleetguard.runtime;

import io.fleetguard.config.ConfigKeys;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.topology.DeadLetterDeserializationHandler;
import io.fleetguard.topology.DeadLetterProcessingHandler;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/**
 * Kafka Streams settings for a FleetGuard instance: FleetGuard's defaults first (exactly-once v2,
 * dead-letter handlers, dead-letter topic), then every {@code kafka.*} pass-through on top, so an
 * operator can tune anything Kafka exposes, including SASL_SSL and mTLS client settings.
 */
public final class StreamsProperties {

    private StreamsProperties() {
    }

    /**
     * The settings of a running instance: as {@link #of(FleetGuardConfig, FleetGuardMetrics)}, and every
     * RocksDB store bounded by the instance's shared {@code memory} (see {@link BoundedMemoryRocksDbConfig}).
     */
    public static Properties of(FleetGuardConfig config, FleetGuardMetrics metrics, RocksDbMemory memory) {
        Properties p = of(config, metrics);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class.getName());
        p.put(BoundedMemoryRocksDbConfig.CONFIG_KEY, memory);
        return p;
    }

    /** Kafka Streams' own RocksDB defaults (TopologyTestDriver, admin clients). */
    public static Properties of(FleetGuardConfig config, FleetGuardMetrics metrics) {
        Properties p = new Properties();
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        // No global tables today; opting in now keeps behaviour stable when Kafka 5.0 makes it the default.
        p.put("processing.exception.handler.global.enabled", "true");
        p.putAll(config.kafkaProperties());
        // Owned by FleetGuard (ConfigLoader rejects them under kafka.*).
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topic(ConfigKeys.TOPIC_DEAD_LETTER));
        p.put(FleetGuardMetrics.CONFIG_KEY, metrics);
        return p;
    }
}
