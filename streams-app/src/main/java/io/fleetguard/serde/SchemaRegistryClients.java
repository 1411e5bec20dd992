package io.fleetguard.serde;

import org.apache.kafka.common.config.ConfigException;

import java.util.List;
import java.util.Map;

/**
 * Creates the {@link SchemaRegistryClient} a serde configuration asks for: the shared
 * in-memory registry for {@code mock://<scope>}, the REST client otherwise.
 */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    /** @throws ConfigException when {@code schema.registry.url} is missing or a value is invalid */
    public static SchemaRegistryClient create(Map<String, ?> configs) {
        return create(new SerdeConfig(configs));
    }

    static SchemaRegistryClient create(SerdeConfig config) {
        List<String> urls = config.registryUrls();
        if (urls.isEmpty()) {
            throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL + " is required");
        }
        boolean mock = urls.stream().anyMatch(u -> u.startsWith(MockSchemaRegistryScopes.PREFIX));
        if (!mock) {
            return new RestSchemaRegistryClient(config);
        }
        if (urls.size() > 1) {
            throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL + ": a mock:// URL cannot be combined with other URLs");
        }
        String scope = urls.get(0).substring(MockSchemaRegistryScopes.PREFIX.length());
        return MockSchemaRegistryScopes.forScope(scope);
    }
}
