package io.fleetguard.runtime;

import io.fleetguard.config.ConfigKeys;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.TelemetryRecord;
import io.fleetguard.serde.SchemaRegistryClient;
import io.fleetguard.serde.SchemaRegistryClients;
import io.fleetguard.serde.SchemaRegistryException;
import io.fleetguard.serde.SpecificAvroSerde;
import io.fleetguard.serde.SpecificAvroSerializer;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before start-up, registers the value schema of each of the six Avro topics under its
 * TopicNameStrategy subject (with {@code auto.register.schemas=false}: looks up those FleetGuard
 * writes), so that a schema the registry refuses — an incompatible change under its compatibility
 * rule, bad credentials, an unreachable registry — stops {@code run} with one line per subject
 * instead of failing the first stream thread that writes an alert.
 */
public final class SchemaCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaCheck.class);

    private SchemaCheck() {
    }

    /** The check {@code run} makes; only for FleetGuard's own serde (another serde class brings its own client). */
    public static List<String> problems(FleetGuardConfig config) {
        if (config.getClass(ConfigKeys.VALUE_SERDE_CLASS) != SpecificAvroSerde.class) {
            LOG.info("Schema check skipped: {} is {}", ConfigKeys.VALUE_SERDE_CLASS, config.getClass(ConfigKeys.VALUE_SERDE_CLASS).getName());
            return List.of();
        }
        SchemaRegistryClient client;
        try {
            client = SchemaRegistryClients.create(config.serdeConfig());
        } catch (ConfigException e) {
            return List.of("Schema Registry client: " + e.getMessage());
        }
        return problems(client, subjects(config), config.getBoolean(ConfigKeys.AUTO_REGISTER_SCHEMAS));
    }

    /**
     * The value schema of each Avro topic by subject: all six when FleetGuard registers, else only the
     * alerts and, with broker-log ingestion on, the auth and telemetry topics it writes to. (An input's
     * producers may have registered a newer version: looking up FleetGuard's older one would fail for nothing.)
     */
    public static Map<String, Schema> subjects(FleetGuardConfig config) {
        boolean all = config.getBoolean(ConfigKeys.AUTO_REGISTER_SCHEMAS);
        boolean ingest = config.getBoolean(ConfigKeys.INGEST_ENABLED);
        Map<String, Schema> out = new LinkedHashMap<>();
        put(out, all, config.topic(ConfigKeys.TOPIC_REGISTRY), DeviceIdentity.getClassSchema());
        put(out, all || ingest, config.topic(ConfigKeys.TOPIC_AUTH_EVENTS), AuthEvent.getClassSchema());
        put(out, all || ingest, config.topic(ConfigKeys.TOPIC_TELEMETRY), TelemetryRecord.getClassSchema());
        put(out, all, config.topic(ConfigKeys.TOPIC_CONFIG_CHANGES), ConfigChange.getClassSchema());
        put(out, all, config.topic(ConfigKeys.TOPIC_SUPPORT_SESSIONS), RemoteSupportSession.getClassSchema());
        put(out, true, config.topic(ConfigKeys.TOPIC_ALERTS), IdentityAlert.getClassSchema());
        return out;
    }

    /** Registers (or looks up) every subject and returns one problem per refused subject; empty when all is well. */
    public static List<String> problems(SchemaRegistryClient client, Map<String, Schema> subjects, boolean register) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        subjects.forEach((subject, schema) -> {
            try {
                ids.put(subject, register ? client.register(subject, schema) : client.lookup(subject, schema));
            } catch (SchemaRegistryException e) {
                // The message names subject, registry URL, HTTP status, what it means and the registry's own reason.
                problems.add("schema " + schema.getFullName() + ": " + e.getMessage()
                        + (!register && e.isNotFound() ? " (" + ConfigKeys.AUTO_REGISTER_SCHEMAS + "=false: register it first)" : ""));
            }
        });
        if (problems.isEmpty()) {
            LOG.info("Schema Registry {}: schema ids {}", client.url(), ids);
        }
        return problems;
    }

    private static void put(Map<String, Schema> out, boolean wanted, String topic, Schema schema) {
        if (wanted) {
            out.put(SpecificAvroSerializer.subject(topic, false), schema);
        }
    }
}
