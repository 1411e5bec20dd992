package io.fleetguard.config;

import io.fleetguard.detect.DeviceClassOverrides;
import io.fleetguard.detect.Policy;
import io.fleetguard.schema.CredentialType;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * FleetGuard's validated configuration. Every key is declared once in {@link ConfigKeys}; Kafka
 * client and Streams properties travel verbatim under the {@value ConfigKeys#KAFKA_PREFIX} prefix.
 * Build one with {@link ConfigLoader}, which validates everything and reports every problem.
 */
public final class FleetGuardConfig extends AbstractConfig {

    private final Map<String, String> kafkaProperties;

    FleetGuardConfig(Map<String, String> declared, Map<String, String> kafkaProperties) {
        super(ConfigKeys.DEFINITION, declared, false);
        this.kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** Properties given under {@code kafka.}, with the prefix stripped. */
    public Map<String, String> kafkaProperties() {
        return kafkaProperties;
    }

    public String applicationId() {
        return getString(ConfigKeys.APPLICATION_ID);
    }

    public String topic(String topicKey) {
        return getString(topicKey);
    }

    public Duration registryHistoryRetention() {
        return Duration.ofMillis(getLong(ConfigKeys.REGISTRY_HISTORY_RETENTION_MS));
    }

    /** Whether mis-keyed event records are re-keyed by deviceId (true) or dead-lettered (false). */
    public boolean inputRekeyEnabled() {
        return getBoolean(ConfigKeys.INPUT_REKEY_ENABLED);
    }

    public Duration eventOrderGrace() {
        return Duration.ofMillis(getLong(ConfigKeys.EVENT_ORDER_GRACE_MS));
    }

    public int maxFieldLength() {
        return getInt(ConfigKeys.VALIDATION_MAX_FIELD_LENGTH);
    }

    public int maxListSize() {
        return getInt(ConfigKeys.VALIDATION_MAX_LIST_SIZE);
    }

    public long minTimestamp() {
        return Instant.parse(getString(ConfigKeys.VALIDATION_MIN_TIMESTAMP)).toEpochMilli();
    }

    public Duration maxFutureSkew() {
        return Duration.ofMillis(getLong(ConfigKeys.VALIDATION_MAX_FUTURE_SKEW_MS));
    }

    /**
     * Two direct authentications of one device from different networks within this window are a
     * CLONED_IDENTITY.
     */
    public Duration cloneWindow() {
        return Duration.ofMinutes(getInt(ConfigKeys.POLICY_CLONE_WINDOW_MINUTES));
    }

    /** Port of the metrics and health endpoints: 0 = any free port, -1 = no endpoints. */
    public int metricsHttpPort() {
        return getInt(ConfigKeys.METRICS_HTTP_PORT);
    }

    public String metricsHttpHost() {
        return getString(ConfigKeys.METRICS_HTTP_HOST);
    }

    /** Off-heap bytes shared by every RocksDB store of the instance (block cache, charged for memtables). */
    public long rocksDbMemoryBytes() {
        return getLong(ConfigKeys.ROCKSDB_MEMORY_BYTES);
    }

    public double rocksDbMemtableFraction() {
        return getDouble(ConfigKeys.ROCKSDB_MEMTABLE_FRACTION);
    }

    /** Detection thresholds, fleet-wide and per device class. */
    public Policy policy() {
        return new Policy(Map.of(
                CredentialType.PASSWORD, Duration.ofDays(getInt(ConfigKeys.POLICY_ROTATION_PASSWORD_DAYS)),
                CredentialType.PSK, Duration.ofDays(getInt(ConfigKeys.POLICY_ROTATION_PSK_DAYS)),
                CredentialType.API_TOKEN, Duration.ofDays(getInt(ConfigKeys.POLICY_ROTATION_TOKEN_DAYS)),
                CredentialType.X509_CERT, Duration.ofDays(getInt(ConfigKeys.POLICY_ROTATION_CERT_DAYS))),
                Duration.ofDays(getInt(ConfigKeys.POLICY_EXPIRING_WINDOW_DAYS)),
                Set.copyOf(getList(ConfigKeys.POLICY_DEFAULT_PRINCIPALS)),
                Set.copyOf(getList(ConfigKeys.POLICY_DEFAULT_CREDENTIAL_FINGERPRINTS)),
                Duration.ofMinutes(getInt(ConfigKeys.POLICY_SUPPORT_MAX_MINUTES)),
                getInt(ConfigKeys.POLICY_BURST_COUNT),
                Duration.ofSeconds(getInt(ConfigKeys.POLICY_BURST_WINDOW_SECONDS)),
                Duration.ofDays(getInt(ConfigKeys.POLICY_DORMANCY_DAYS)),
                Duration.ofHours(getInt(ConfigKeys.POLICY_SHARED_CREDENTIAL_WINDOW_HOURS)),
                Duration.ofMinutes(getInt(ConfigKeys.POLICY_SUPPRESSION_WINDOW_MINUTES)),
                DeviceClassOverrides.parse(getList(ConfigKeys.POLICY_CLASS_OVERRIDES)).overrides());
    }

    /**
     * Settings for serdes and the Schema Registry client: every {@code schema.registry.*} key,
     * {@code auto.register.schemas}, and passwords as Kafka {@link Password} objects.
     */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values().entrySet()) {
            String key = e.getKey();
            if ((key.startsWith("schema.registry.") || key.equals(ConfigKeys.AUTO_REGISTER_SCHEMAS)) && e.getValue() != null) {
                out.put(key, e.getValue());
            }
        }
        return out;
    }

    /** Every setting in effect, sorted, with secrets shown as {@code [hidden]}. Safe to log. */
    public Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        values().forEach((k, v) -> out.put(k, v == null ? "" : v instanceof Password ? Password.HIDDEN : String.valueOf(v)));
        kafkaProperties.forEach((k, v) -> out.put(ConfigKeys.KAFKA_PREFIX + k, Secrets.isSecretKafkaKey(k) ? Password.HIDDEN : v));
        return out;
    }
}
