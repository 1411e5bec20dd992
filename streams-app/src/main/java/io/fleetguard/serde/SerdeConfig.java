package io.fleetguard.serde;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidList;
import org.apache.kafka.common.config.types.Password;

import java.util.List;
import java.util.Map;

/**
 * Configuration of the Avro serde and its Schema Registry client. Key names are Confluent's,
 * so the same properties configure their serde and ours. Values may be Strings or typed
 * objects; the secret keys also accept Kafka {@link Password}s and are never logged.
 */
public final class SerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String MAX_RETRIES = "schema.registry.max.retries";
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    /** Every key with its type, default, validator and one-line doc. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(SCHEMA_REGISTRY_URL, Type.LIST, null, ValidList.anyNonDuplicateValues(false, true), Importance.HIGH,
            "Comma-separated Schema Registry base URLs tried in order on connection failure, or mock://<scope> "
                + "for the in-memory registry; required unless the serde is given a client.")
        .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
            "HTTP basic auth credentials as user:password; never logged.")
        .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
            "Truststore file for the registry's TLS certificate; unset uses the JVM default (javax.net.ssl.*).")
        .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
            "Password of the truststore.")
        .define(SSL_TRUSTSTORE_TYPE, Type.STRING, "JKS", Importance.LOW,
            "Truststore format: JKS or PKCS12.")
        .define(SSL_KEYSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
            "Keystore holding the client certificate for mutual TLS; unset sends no client certificate.")
        .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
            "Password of the keystore.")
        .define(SSL_KEYSTORE_TYPE, Type.STRING, "JKS", Importance.LOW,
            "Keystore format: JKS or PKCS12.")
        .define(SSL_KEY_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
            "Password of the private key in the keystore; defaults to the keystore password.")
        .define(REQUEST_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(1), Importance.LOW,
            "Connect and response timeout of one registry request, in milliseconds.")
        .define(MAX_RETRIES, Type.INT, 3, Range.atLeast(0), Importance.LOW,
            "Retries after a connection failure, HTTP 429 or 5xx; client errors (4xx) are never retried.")
        .define(RETRY_BACKOFF_MS, Type.LONG, 200L, Range.atLeast(0), Importance.LOW,
            "Wait before the first retry in milliseconds; doubles on each further retry.")
        .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
            "Whether the serializer registers its schema; when false it only looks the schema up.");

    public SerdeConfig(Map<String, ?> configs) {
        // No value logging: the serde is configured once per topic and serde, which would flood the log.
        super(CONFIG_DEF, configs, false);
    }

    /** The configured base URLs, or an empty list when none is set. */
    public List<String> registryUrls() {
        List<String> urls = getList(SCHEMA_REGISTRY_URL);
        return urls == null ? List.of() : urls;
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public int requestTimeoutMs() {
        return getInt(REQUEST_TIMEOUT_MS);
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES);
    }

    public long retryBackoffMs() {
        return getLong(RETRY_BACKOFF_MS);
    }

    /** The value of a secret key, or null when unset. */
    String secret(String key) {
        Password password = getPassword(key);
        return password == null ? null : password.value();
    }
}
