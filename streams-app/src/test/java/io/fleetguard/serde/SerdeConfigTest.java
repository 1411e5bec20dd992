package io.fleetguard.serde;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerdeConfigTest {

    @Test
    void shouldDeclareEveryKeyWithADescription() {
        // When
        Map<String, ConfigDef.ConfigKey> keys = SerdeConfig.CONFIG_DEF.configKeys();

        // Then
        assertThat(keys).containsOnlyKeys(SerdeConfig.SCHEMA_REGISTRY_URL, SerdeConfig.BASIC_AUTH_USER_INFO,
            SerdeConfig.SSL_TRUSTSTORE_LOCATION, SerdeConfig.SSL_TRUSTSTORE_PASSWORD, SerdeConfig.SSL_TRUSTSTORE_TYPE,
            SerdeConfig.SSL_KEYSTORE_LOCATION, SerdeConfig.SSL_KEYSTORE_PASSWORD, SerdeConfig.SSL_KEYSTORE_TYPE,
            SerdeConfig.SSL_KEY_PASSWORD, SerdeConfig.REQUEST_TIMEOUT_MS, SerdeConfig.MAX_RETRIES,
            SerdeConfig.RETRY_BACKOFF_MS, SerdeConfig.AUTO_REGISTER_SCHEMAS);
        assertThat(keys.values()).allSatisfy(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }

    @Test
    void shouldApplyDefaults() {
        // When
        SerdeConfig config = new SerdeConfig(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081"));

        // Then
        assertThat(config.registryUrls()).containsExactly("http://registry:8081");
        assertThat(config.requestTimeoutMs()).isEqualTo(10_000);
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.retryBackoffMs()).isEqualTo(200L);
        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.getString(SerdeConfig.SSL_TRUSTSTORE_TYPE)).isEqualTo("JKS");
        assertThat(config.secret(SerdeConfig.BASIC_AUTH_USER_INFO)).isNull();
    }

    @Test
    void shouldAcceptStringsAndTypedValuesAlike() {
        // Given
        Map<String, Object> strings = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://a:8081, http://b:8081",
            SerdeConfig.REQUEST_TIMEOUT_MS, "250", SerdeConfig.MAX_RETRIES, "5", SerdeConfig.RETRY_BACKOFF_MS, "7",
            SerdeConfig.AUTO_REGISTER_SCHEMAS, "false", SerdeConfig.BASIC_AUTH_USER_INFO, "u:p");
        Map<String, Object> typed = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, List.of("http://a:8081", "http://b:8081"),
            SerdeConfig.REQUEST_TIMEOUT_MS, 250, SerdeConfig.MAX_RETRIES, 5, SerdeConfig.RETRY_BACKOFF_MS, 7L,
            SerdeConfig.AUTO_REGISTER_SCHEMAS, false, SerdeConfig.BASIC_AUTH_USER_INFO, new Password("u:p"));

        // When
        List<SerdeConfig> configs = List.of(new SerdeConfig(strings), new SerdeConfig(typed));

        // Then
        assertThat(configs).allSatisfy(config -> {
            assertThat(config.registryUrls()).containsExactly("http://a:8081", "http://b:8081");
            assertThat(List.of(config.requestTimeoutMs(), config.maxRetries())).containsExactly(250, 5);
            assertThat(config.retryBackoffMs()).isEqualTo(7L);
            assertThat(config.autoRegisterSchemas()).isFalse();
            assertThat(config.secret(SerdeConfig.BASIC_AUTH_USER_INFO)).isEqualTo("u:p");
        });
    }

    @Test
    void shouldHideSecretsWhenValuesArePrinted() {
        // Given
        SerdeConfig config = new SerdeConfig(Map.of(SerdeConfig.BASIC_AUTH_USER_INFO, "fleetguard:hunter2",
            SerdeConfig.SSL_KEYSTORE_PASSWORD, "ks-secret", SerdeConfig.SSL_TRUSTSTORE_PASSWORD, "ts-secret",
            SerdeConfig.SSL_KEY_PASSWORD, "key-secret"));

        // When
        String printed = config.values().toString();

        // Then
        assertThat(printed).doesNotContain("hunter2", "ks-secret", "ts-secret", "key-secret").contains("[hidden]");
    }

    @Test
    void shouldRejectInvalidValuesNamingTheKey() {
        // When / Then
        assertThatThrownBy(() -> new SerdeConfig(Map.of(SerdeConfig.MAX_RETRIES, "-1")))
            .isInstanceOf(ConfigException.class)
            .hasMessage("Invalid value -1 for configuration schema.registry.max.retries: Value must be at least 0");
    }
}
