package io.fleetguard.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;
import java.util.Objects;

/**
 * Avro serde for generated classes over Schema Registry, used exactly like Confluent's
 * {@code SpecificAvroSerde} (no-arg constructor, then {@code configure(props, isKey)}), so the
 * two can be swapped by class name. Kafka Streams does not configure serdes passed to
 * {@code Consumed}/{@code Produced}: call {@link #configure} yourself, with the right
 * {@code isKey}, before use.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SchemaRegistryClient injected;
    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;

    /** For reflective instantiation; {@link #configure} creates the client from {@code schema.registry.url}. */
    public SpecificAvroSerde() {
        this.injected = null;
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>();
    }

    /** Uses {@code client} (shared by serializer and deserializer) instead of creating one. */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        this.injected = Objects.requireNonNull(client, "client");
        this.serializer = new SpecificAvroSerializer<>(client);
        this.deserializer = new SpecificAvroDeserializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeConfig config = new SerdeConfig(configs);
        // One client for both directions: what the serializer registers, the deserializer finds in cache.
        SchemaRegistryClient client = injected != null ? injected : SchemaRegistryClients.create(config);
        serializer.configure(client, config, isKey);
        deserializer.configure(client, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
