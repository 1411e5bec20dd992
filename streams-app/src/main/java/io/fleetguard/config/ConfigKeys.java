package io.fleetguard.config;

import io.fleetguard.detect.DeviceClassOverrides;
import io.fleetguard.detect.Policy;
import io.fleetguard.serde.SerdeConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.Range.between;

/**
 * The one declaration of every FleetGuard configuration key: type, default, validator and doc.
 * README's configuration table is generated from {@link #DEFINITION} and checked by a test.
 */
public final class ConfigKeys {

    /** Everything under this prefix is handed, prefix stripped, to Kafka Streams and its clients. */
    public static final String KAFKA_PREFIX = "kafka.";
    /** Kafka's bootstrap servers, given as a pass-through property; required. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = KAFKA_PREFIX + "bootstrap.servers";

    public static final String APPLICATION_ID = "application.id";

    public static final String TOPIC_REGISTRY = "topic.registry";
    public static final String TOPIC_AUTH_EVENTS = "topic.auth.events";
    public static final String TOPIC_TELEMETRY = "topic.telemetry";
    public static final String TOPIC_CONFIG_CHANGES = "topic.config.changes";
    public static final String TOPIC_SUPPORT_SESSIONS = "topic.support.sessions";
    public static final String TOPIC_BROKER_LOGS = "topic.broker.logs";
    public static final String TOPIC_ALERTS = "topic.alerts";
    public static final String TOPIC_ALERTS_OCSF = "topic.alerts.ocsf";
    public static final String TOPIC_DEAD_LETTER = "topic.dead.letter";
    public static final List<String> TOPIC_KEYS = List.of(TOPIC_REGISTRY, TOPIC_AUTH_EVENTS, TOPIC_TELEMETRY,
            TOPIC_CONFIG_CHANGES, TOPIC_SUPPORT_SESSIONS, TOPIC_BROKER_LOGS, TOPIC_ALERTS, TOPIC_ALERTS_OCSF,
            TOPIC_DEAD_LETTER);

    /** The Schema Registry keys are declared once, in {@link SerdeConfig}, and included here. */
    public static final String SCHEMA_REGISTRY_URL = SerdeConfig.SCHEMA_REGISTRY_URL;
    public static final String AUTO_REGISTER_SCHEMAS = SerdeConfig.AUTO_REGISTER_SCHEMAS;
    public static final String VALUE_SERDE_CLASS = "serde.value.class";

    public static final String REGISTRY_HISTORY_RETENTION_MS = "registry.history.retention.ms";
    public static final String EVENT_ORDER_GRACE_MS = "event.order.grace.ms";
    public static final String INPUT_REKEY_ENABLED = "input.rekey.enabled";

    public static final String POLICY_ROTATION_PASSWORD_DAYS = "policy.rotation.password.days";
    public static final String POLICY_ROTATION_PSK_DAYS = "policy.rotation.psk.days";
    public static final String POLICY_ROTATION_TOKEN_DAYS = "policy.rotation.token.days";
    public static final String POLICY_ROTATION_CERT_DAYS = "policy.rotation.cert.days";
    public static final String POLICY_EXPIRING_WINDOW_DAYS = "policy.expiring.window.days";
    public static final String POLICY_DEFAULT_PRINCIPALS = "policy.default.principals";
    public static final String POLICY_DEFAULT_CREDENTIAL_FINGERPRINTS = "policy.default.credential.fingerprints";
    public static final String POLICY_SUPPORT_MAX_MINUTES = "policy.support.max.minutes";
    public static final String POLICY_BURST_COUNT = "policy.burst.count";
    public static final String POLICY_BURST_WINDOW_SECONDS = "policy.burst.window.seconds";
    public static final String POLICY_DORMANCY_DAYS = "policy.dormancy.days";
    public static final String POLICY_SHARED_CREDENTIAL_WINDOW_HOURS = "policy.shared.credential.window.hours";
    public static final String POLICY_SUPPRESSION_WINDOW_MINUTES = "policy.suppression.window.minutes";
    public static final String POLICY_CLONE_WINDOW_MINUTES = "policy.clone.window.minutes";
    public static final String POLICY_CLASS_OVERRIDES = "policy.class.overrides";

    public static final String VALIDATION_MAX_FIELD_LENGTH = "validation.max.field.length";
    public static final String VALIDATION_MAX_LIST_SIZE = "validation.max.list.size";
    public static final String VALIDATION_MIN_TIMESTAMP = "validation.min.timestamp";
    public static final String VALIDATION_MAX_FUTURE_SKEW_MS = "validation.max.future.skew.ms";

    public static final String INGEST_ENABLED = "ingest.enabled";
    public static final String INGEST_FORMATS = "ingest.formats";
    public static final String INGEST_DEFAULT_FORMAT = "ingest.default.format";
    public static final String INGEST_DEVICE_ID_FROM = "ingest.device.id.from";
    public static final String INGEST_DEVICE_ID_REGEX = "ingest.device.id.regex";
    public static final String INGEST_MOSQUITTO_IDENTITY_PORTS = "ingest.mosquitto.identity.ports";
    public static final String INGEST_MOSQUITTO_TIMEZONE = "ingest.mosquitto.timezone";
    public static final String INGEST_MOSQUITTO_TIMESTAMP_PATTERN = "ingest.mosquitto.timestamp.pattern";
    public static final String INGEST_MOSQUITTO_MAX_PENDING = "ingest.mosquitto.max.pending.connections";
    public static final String INGEST_MOSQUITTO_MAX_SESSIONS = "ingest.mosquitto.max.sessions";

    public static final String METRICS_HTTP_PORT = "metrics.http.port";
    public static final String METRICS_HTTP_HOST = "metrics.http.host";
    public static final String ROCKSDB_MEMORY_BYTES = "rocksdb.memory.bytes";
    public static final String ROCKSDB_MEMTABLE_FRACTION = "rocksdb.memtable.fraction";

    private static final long DAY_MS = 86_400_000L;
    private static final long MIB = 1024L * 1024L;

    /** Marks keys whose value is required but has no sane default (validated by {@link ConfigLoader}). */
    static final List<String> REQUIRED = List.of(KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL);

    public static final ConfigDef DEFINITION = withSerdeKeys(new ConfigDef()
            .define(APPLICATION_ID, Type.STRING, "fleetguard", new ConfigDef.NonEmptyStringWithoutControlChars(),
                    Importance.HIGH, "Kafka Streams application id: consumer group, prefix of internal topics and state directory.")
            .define(TOPIC_REGISTRY, Type.STRING, "fleetguard.registry", topicName(), Importance.HIGH,
                    "Compacted topic of DeviceIdentity keyed by deviceId; a tombstone deregisters the device.")
            .define(TOPIC_AUTH_EVENTS, Type.STRING, "fleetguard.auth-events", topicName(), Importance.HIGH,
                    "AuthEvent input topic.")
            .define(TOPIC_TELEMETRY, Type.STRING, "fleetguard.telemetry", topicName(), Importance.HIGH,
                    "TelemetryRecord input topic (metadata only, no payload).")
            .define(TOPIC_CONFIG_CHANGES, Type.STRING, "fleetguard.config-changes", topicName(), Importance.HIGH,
                    "ConfigChange input topic.")
            .define(TOPIC_SUPPORT_SESSIONS, Type.STRING, "fleetguard.support-sessions", topicName(), Importance.HIGH,
                    "RemoteSupportSession input topic (start and end updates).")
            .define(TOPIC_BROKER_LOGS, Type.STRING, "fleetguard.broker-logs", topicName(), Importance.LOW,
                    "Raw MQTT broker log lines keyed by broker id (Mosquitto, EMQX, AWS IoT Core), normalized when ingest.enabled.")
            .define(TOPIC_ALERTS, Type.STRING, "fleetguard.alerts", topicName(), Importance.HIGH,
                    "IdentityAlert output topic (Avro). Read it with isolation.level=read_committed.")
            .define(TOPIC_ALERTS_OCSF, Type.STRING, "fleetguard.alerts.ocsf", topicName(), Importance.LOW,
                    "OCSF 1.9 Detection Finding JSON output topic, one finding per alert, for SIEMs.")
            .define(TOPIC_DEAD_LETTER, Type.STRING, "fleetguard.dead-letter", topicName(), Importance.HIGH,
                    "Dead-letter topic: original key and value bytes of rejected records, reason in headers.")
            .define(VALUE_SERDE_CLASS, Type.CLASS, "io.fleetguard.serde.SpecificAvroSerde", Importance.LOW,
                    "Serde class for Avro values (needs a public no-arg constructor and configure(map, isKey)); "
                            + "Confluent's io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde can be dropped in.")
            .define(REGISTRY_HISTORY_RETENTION_MS, Type.LONG, 30 * DAY_MS, atLeast(0), Importance.MEDIUM,
                    "How far back the versioned registry table answers as-of lookups (default 30 d); "
                            + "events older than stream time minus this are judged against no identity.")
            .define(EVENT_ORDER_GRACE_MS, Type.LONG, 0L, atLeast(0), Importance.MEDIUM,
                    "Hold each event this long in stream time and judge events in event-time order, so that registry "
                            + "updates and other inputs' events that arrive up to this late still come first; adds the same "
                            + "latency to alerts. 0 judges events in arrival order, at once.")
            .define(INPUT_REKEY_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Re-key event records whose key is not the deviceId in their value, through the repartition topic "
                            + "activities-by-device. false, when every producer keys by deviceId: such records go to the "
                            + "dead-letter topic (key-mismatch) and the topology has no such topic, which saves Kafka Streams' "
                            + "per-record work over its always-empty partition (see README, Benchmark).")
            .define(POLICY_ROTATION_PASSWORD_DAYS, Type.INT, 90, atLeast(1), Importance.MEDIUM,
                    "Rotation limit of PASSWORD credentials (STALE_CREDENTIAL).")
            .define(POLICY_ROTATION_PSK_DAYS, Type.INT, 90, atLeast(1), Importance.MEDIUM,
                    "Rotation limit of PSK credentials.")
            .define(POLICY_ROTATION_TOKEN_DAYS, Type.INT, 30, atLeast(1), Importance.MEDIUM,
                    "Rotation limit of API_TOKEN credentials.")
            .define(POLICY_ROTATION_CERT_DAYS, Type.INT, 397, atLeast(1), Importance.MEDIUM,
                    "Rotation limit of X509_CERT credentials (397 d is the CA/Browser Forum maximum TLS certificate life).")
            .define(POLICY_EXPIRING_WINDOW_DAYS, Type.INT, 30, atLeast(1), Importance.MEDIUM,
                    "CREDENTIAL_EXPIRING fires for a used credential expiring within this many days.")
            .define(POLICY_DEFAULT_PRINCIPALS, Type.LIST, String.join(",", Policy.DEFAULT_PRINCIPALS),
                    everyEntry(s -> !s.isBlank(), "blank entries"), Importance.MEDIUM,
                    "Principals (user names) that DEFAULT_CREDENTIAL flags when used or tried, compared case-insensitively.")
            .define(POLICY_DEFAULT_CREDENTIAL_FINGERPRINTS, Type.LIST, "",
                    everyEntry(s -> s.matches("[0-9a-fA-F]+"), "not hex fingerprints"), Importance.MEDIUM,
                    "Fingerprints (sha256 hex, as in the registry) of publicly known default secrets or certificates; "
                            + "DEFAULT_CREDENTIAL flags them on any device, registered or not.")
            .define(POLICY_SUPPORT_MAX_MINUTES, Type.INT, 240, atLeast(1), Importance.MEDIUM,
                    "UNAPPROVED_REMOTE_SUPPORT fires for a support session lasting longer than this many minutes.")
            .define(POLICY_BURST_COUNT, Type.INT, 5, atLeast(2), Importance.MEDIUM,
                    "AUTH_FAILURE_BURST fires at this many failed authentications within the burst window.")
            .define(POLICY_BURST_WINDOW_SECONDS, Type.INT, 300, atLeast(1), Importance.MEDIUM,
                    "Length of the AUTH_FAILURE_BURST window in seconds.")
            .define(POLICY_DORMANCY_DAYS, Type.INT, 90, atLeast(1), Importance.MEDIUM,
                    "DORMANT_IDENTITY_REACTIVATED fires for a device used again after this many days of silence.")
            .define(POLICY_SHARED_CREDENTIAL_WINDOW_HOURS, Type.INT, 24, atLeast(1), Importance.MEDIUM,
                    "SHARED_CREDENTIAL fires for one credential authenticating as two or more devices within this many hours.")
            .define(POLICY_SUPPRESSION_WINDOW_MINUTES, Type.INT, 60, atLeast(1), Importance.MEDIUM,
                    "The same (type, device, subject) is raised once per this many minutes; repeats update its count.")
            .define(POLICY_CLONE_WINDOW_MINUTES, Type.INT, 10, atLeast(1), Importance.MEDIUM,
                    "CLONED_IDENTITY: one device authenticating directly from two networks (IPv4 /24, IPv6 /64) within this many minutes.")
            .define(POLICY_CLASS_OVERRIDES, Type.LIST, "", ConfigKeys::validClassOverrides, Importance.MEDIUM,
                    "Per-device-class thresholds as class:setting=value entries, e.g. camera:password.days=30,plc:support.max.minutes=480; "
                            + "settings: " + String.join(", ", DeviceClassOverrides.settingNames())
                            + "; classes match case-insensitively, unset ones use the fleet-wide keys.")
            .define(INGEST_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Run the broker-log normalizer: raw lines from topic.broker.logs become AuthEvents and TelemetryRecords on the input topics.")
            .define(INGEST_FORMATS, Type.LIST, "", IngestValidators::formats, Importance.MEDIUM,
                    "Log format per broker id (the record key), as broker:format entries, e.g. mqtt-1:mosquitto,edge:emqx,aws:aws-iot; "
                            + "a fleetguard.log-format header on a record wins.")
            .define(INGEST_DEFAULT_FORMAT, Type.STRING, "mosquitto", IngestValidators::format, Importance.MEDIUM,
                    "Format of brokers not listed in ingest.formats: mosquitto, emqx or aws-iot.")
            .define(INGEST_DEVICE_ID_FROM, Type.STRING, "clientId", IngestValidators::deviceIdFrom, Importance.MEDIUM,
                    "Which broker identity is the deviceId: clientId, username, cn (TLS certificate CN) or principal (AWS principalId).")
            .define(INGEST_DEVICE_ID_REGEX, Type.STRING, "", IngestValidators::regex, Importance.LOW,
                    "Optional regex with one capture group, matched against the whole chosen identity; the group is the deviceId "
                            + "(e.g. ^dev-(.+)$). An identity that does not match stays as it is, so UNKNOWN_DEVICE can fire.")
            .define(INGEST_MOSQUITTO_IDENTITY_PORTS, Type.LIST, "", IngestValidators::ports, Importance.LOW,
                    "Mosquitto listener ports with use_identity_as_username (their logins are mTLS, the username is the certificate CN).")
            .define(INGEST_MOSQUITTO_TIMEZONE, Type.STRING, "UTC", IngestValidators::zone, Importance.LOW,
                    "Time zone of Mosquitto timestamps written with log_timestamp_format.")
            .define(INGEST_MOSQUITTO_TIMESTAMP_PATTERN, Type.STRING, "", Importance.LOW,
                    "java.time pattern of a custom Mosquitto log_timestamp_format; empty accepts epoch seconds and ISO-like stamps.")
            .define(INGEST_MOSQUITTO_MAX_PENDING, Type.INT, 32, atLeast(1), Importance.LOW,
                    "Connections per broker awaiting their login line (kept to name who failed authorisation); oldest dropped first.")
            .define(INGEST_MOSQUITTO_MAX_SESSIONS, Type.INT, 512, atLeast(0), Importance.LOW,
                    "Live sessions per broker remembered to name the principal of a publish; oldest dropped first.")
            .define(VALIDATION_MAX_FIELD_LENGTH, Type.INT, 2048, atLeast(16), Importance.LOW,
                    "Longest accepted string field of an input record; longer records are dead-lettered.")
            .define(VALIDATION_MAX_LIST_SIZE, Type.INT, 1000, atLeast(1), Importance.LOW,
                    "Most elements accepted in a list or map field of an input record.")
            .define(VALIDATION_MIN_TIMESTAMP, Type.STRING, "2000-01-01T00:00:00Z", ConfigKeys::validInstant, Importance.LOW,
                    "Event timestamps before this ISO-8601 instant are absurd and dead-lettered.")
            .define(VALIDATION_MAX_FUTURE_SKEW_MS, Type.LONG, DAY_MS, atLeast(0), Importance.LOW,
                    "Event timestamps further than this ahead of their Kafka record timestamp are absurd and dead-lettered.")
            .define(METRICS_HTTP_PORT, Type.INT, 9464, between(-1, 65_535), Importance.MEDIUM,
                    "Port of the HTTP endpoints of run: GET /metrics (Prometheus text), GET /health/live, GET /health/ready. "
                            + "0 picks a free port (logged at start-up); -1 turns the endpoints off. The demo takes --metrics-port.")
            .define(METRICS_HTTP_HOST, Type.STRING, "0.0.0.0", ConfigKeys::validHost, Importance.LOW,
                    "Address the HTTP endpoints listen on: 0.0.0.0 for every interface, 127.0.0.1 for this host only.")
            // The floor catches a size written in MiB instead of bytes (rocksdb.memory.bytes=128).
            .define(ROCKSDB_MEMORY_BYTES, Type.LONG, 128 * MIB, atLeast(16 * MIB), Importance.MEDIUM,
                    "Off-heap memory of all RocksDB state stores of this instance together: one shared LRU block cache "
                            + "of this size, which also holds the index and filter blocks and is charged for the memtables.")
            .define(ROCKSDB_MEMTABLE_FRACTION, Type.DOUBLE, 0.5, between(0.1, 0.9), Importance.LOW,
                    "Share of rocksdb.memory.bytes that the memtables of all stores may use before RocksDB flushes them; "
                            + "the rest caches data, index and filter blocks."));

    private ConfigKeys() {
    }

    private static ConfigDef withSerdeKeys(ConfigDef def) {
        SerdeConfig.CONFIG_DEF.configKeys().values().forEach(def::define);
        return def;
    }

    private static ConfigDef.Validator topicName() {
        return (name, value) -> {
            String s = (String) value;
            if (s == null || s.isEmpty() || s.length() > 249 || !s.matches("[a-zA-Z0-9._-]+") || s.equals(".") || s.equals("..")) {
                throw new ConfigException(name, value, "not a legal Kafka topic name");
            }
        };
    }

    /** Rejects a list naming every entry that fails the check, not just the first. */
    private static ConfigDef.Validator everyEntry(Predicate<String> valid, String problem) {
        return (name, value) -> {
            List<String> bad = new ArrayList<>();
            for (Object entry : (List<?>) value) {
                if (!valid.test(String.valueOf(entry))) {
                    bad.add("'" + entry + "'");
                }
            }
            if (!bad.isEmpty()) {
                throw new ConfigException(name, value, problem + ": " + String.join(", ", bad));
            }
        };
    }

    private static void validClassOverrides(String name, Object value) {
        List<String> entries = ((List<?>) value).stream().map(String::valueOf).toList();
        List<String> problems = DeviceClassOverrides.parse(entries).problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(name, value, String.join("; ", problems));
        }
    }

    /** A host name or IP literal; resolving it is left to start-up, where a failure is reported with the port. */
    private static void validHost(String name, Object value) {
        String s = (String) value;
        if (s == null || !s.matches("[A-Za-z0-9._:%\\[\\]-]+")) {
            throw new ConfigException(name, value, "not a host name or IP address");
        }
    }

    private static void validInstant(String name, Object value) {
        try {
            Instant.parse((String) value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ConfigException(name, value, "not an ISO-8601 instant such as 2000-01-01T00:00:00Z");
        }
    }

    /** The environment variable that sets a key: FLEETGUARD_ + upper case, '.' and '-' as '_'. */
    public static String envName(String key) {
        return "FLEETGUARD_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
