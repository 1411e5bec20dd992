package io.fleetguard.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link MockSchemaRegistry} per {@code mock://<scope>} URL in this JVM.
 *
 * <p>This is the one sanctioned process-wide map in FleetGuard. Kafka instantiates serdes
 * reflectively from class names and hands them only a config map, so the serializer of a
 * producer and the deserializer inside Kafka Streams cannot be given the same registry
 * object; a shared scope is the only way for them to agree on schema ids, exactly as
 * Confluent's {@code mock://} URLs behave. Tests drop their scope when done.
 */
public final class MockSchemaRegistryScopes {

    /** The URL prefix that selects the in-memory registry. */
    public static final String PREFIX = "mock://";

    private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistryScopes() {
    }

    /** The registry of {@code scope}, created empty on first use. */
    public static MockSchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new MockSchemaRegistry(PREFIX + s));
    }

    /** Forgets {@code scope}; its next use starts an empty registry with ids from 1 again. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }
}
