package io.fleetguard.serde;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaRegistryClientsTest {

    private static final String SCOPE = "clients-test";

    @AfterEach
    void dropScope() {
        MockSchemaRegistryScopes.dropScope(SCOPE);
    }

    @Test
    void shouldShareTheInMemoryRegistryOfAMockScope() {
        // When
        SchemaRegistryClient first = SchemaRegistryClients.create(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE));
        SchemaRegistryClient second = SchemaRegistryClients.create(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE));

        // Then
        assertThat(first).isInstanceOf(MockSchemaRegistry.class).isSameAs(second)
            .isSameAs(MockSchemaRegistryScopes.forScope(SCOPE));
        assertThat(first.url()).isEqualTo("mock://clients-test");
    }

    @Test
    void shouldCreateARestClientForHttpUrls() {
        // When
        SchemaRegistryClient client = SchemaRegistryClients.create(
            Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://registry-1:8081/,https://registry-2:8081"));

        // Then
        assertThat(client).isInstanceOf(RestSchemaRegistryClient.class);
        assertThat(client.url()).isEqualTo("http://registry-1:8081,https://registry-2:8081");
    }

    @Test
    void shouldRequireAUrl() {
        // When / Then
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessage("schema.registry.url is required");
    }

    @Test
    void shouldRejectMockMixedWithRealUrls() {
        // When / Then
        assertThatThrownBy(() -> SchemaRegistryClients.create(
            Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE + ",http://registry:8081")))
            .isInstanceOf(ConfigException.class)
            .hasMessage("schema.registry.url: a mock:// URL cannot be combined with other URLs");
    }

    @Test
    void shouldRejectUrlsThatAreNotHttp() {
        // When / Then
        assertThatThrownBy(() -> SchemaRegistryClients.create(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "registry:8081")))
            .isInstanceOf(ConfigException.class)
            .hasMessage("Invalid value registry:8081 for configuration schema.registry.url: expected http(s)://host[:port][/path]");
    }
}
