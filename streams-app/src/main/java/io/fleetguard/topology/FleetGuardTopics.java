package io.fleetguard.topology;

import io.fleetguard.config.ConfigKeys;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.TelemetryRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;

import java.util.Map;

/**
 * Every topic FleetGuard touches with its serdes, built once per application instance from
 * configuration. Keys are UTF-8 device ids; values use the configured Avro serde class.
 */
public record FleetGuardTopics(
        TopicSpec<String, DeviceIdentity> registry,
        TopicSpec<String, AuthEvent> authEvents,
        TopicSpec<String, TelemetryRecord> telemetry,
        TopicSpec<String, ConfigChange> configChanges,
        TopicSpec<String, RemoteSupportSession> supportSessions,
        TopicSpec<String, IdentityAlert> alerts,
        String alertsOcsf,
        String brokerLogs,
        String deadLetter) {

    public static FleetGuardTopics from(FleetGuardConfig config) {
        Serde<String> keys = Serdes.String();
        return new FleetGuardTopics(
                new TopicSpec<>(config.topic(ConfigKeys.TOPIC_REGISTRY), keys, valueSerde(config)),
                new TopicSpec<>(config.topic(ConfigKeys.TOPIC_AUTH_EVENTS), keys, valueSerde(config)),
                new TopicSpec<>(config.topic(ConfigKeys.TOPIC_TELEMETRY), keys, valueSerde(config)),
                new TopicSpec<>(config.topic(ConfigKeys.TOPIC_CONFIG_CHANGES), keys, valueSerde(config)),
                new TopicSpec<>(config.topic(ConfigKeys.TOPIC_SUPPORT_SESSIONS), keys, valueSerde(config)),
                new TopicSpec<>(config.topic(ConfigKeys.TOPIC_ALERTS), keys, valueSerde(config)),
                config.topic(ConfigKeys.TOPIC_ALERTS_OCSF),
                config.getBoolean(ConfigKeys.INGEST_ENABLED) ? config.topic(ConfigKeys.TOPIC_BROKER_LOGS) : null,
                config.topic(ConfigKeys.TOPIC_DEAD_LETTER));
    }

    /** The input topics, in a fixed order (broker logs, when ingestion is on, are an input of their own). */
    public java.util.List<String> inputTopics() {
        return java.util.List.of(registry.name(), authEvents.name(), telemetry.name(), configChanges.name(),
                supportSessions.name());
    }

    /**
     * Every topic FleetGuard uses except the registry (which must be compacted), each with the
     * given partition count: what an embedded or test cluster creates.
     */
    public java.util.Map<String, Integer> otherTopics(int partitions) {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (String t : java.util.List.of(authEvents.name(), telemetry.name(), configChanges.name(),
                supportSessions.name(), alerts.name(), alertsOcsf, deadLetter)) {
            out.put(t, partitions);
        }
        if (brokerLogs != null) {
            out.put(brokerLogs, partitions);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <V> Serde<V> valueSerde(FleetGuardConfig config) {
        Class<?> type = config.getClass(ConfigKeys.VALUE_SERDE_CLASS);
        if (!Serde.class.isAssignableFrom(type)) {
            throw new ConfigException(ConfigKeys.VALUE_SERDE_CLASS, type.getName(), "not a " + Serde.class.getName());
        }
        Serde<V> serde = (Serde<V>) Utils.newInstance(type);
        Map<String, Object> serdeConfig = config.serdeConfig();
        serde.configure(serdeConfig, false);
        return serde;
    }
}
