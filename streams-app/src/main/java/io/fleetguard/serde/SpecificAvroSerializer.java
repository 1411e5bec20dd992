package io.fleetguard.serde;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Writes generated Avro records in the Confluent wire format under the TopicNameStrategy
 * subject ({@code <topic>-key} or {@code <topic>-value}). The schema is registered (or, with
 * {@code auto.register.schemas=false}, looked up) once per topic; afterwards serializing
 * makes no registry call. Thread-safe once configured.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private record Settings(SchemaRegistryClient client, boolean isKey, boolean autoRegister) {
    }

    private record SchemaId(Schema schema, int id) {
    }

    private final SchemaRegistryClient injected;
    private final ConcurrentMap<String, SchemaId> idsByTopic = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, DatumWriter<T>> writers = new ConcurrentHashMap<>();
    private volatile Settings settings;

    /** For Kafka's reflective instantiation; {@link #configure} creates the registry client. */
    public SpecificAvroSerializer() {
        this.injected = null;
    }

    /** Uses {@code client} instead of creating one from the configuration. */
    public SpecificAvroSerializer(SchemaRegistryClient client) {
        this.injected = Objects.requireNonNull(client, "client");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeConfig config = new SerdeConfig(configs);
        configure(injected != null ? injected : SchemaRegistryClients.create(config), config, isKey);
    }

    /** Lets {@link SpecificAvroSerde} share one client (and its cache) with its deserializer. */
    void configure(SchemaRegistryClient client, SerdeConfig config, boolean isKey) {
        AvroClassTrust.trustSchemaPackage();
        settings = new Settings(client, isKey, config.autoRegisterSchemas());
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            // A null value is a tombstone and must stay null, not become a framed empty record.
            return null;
        }
        Settings current = settings();
        Schema schema = data.getSchema();
        int id = schemaId(current, topic, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        WireFormat.writeHeader(out, id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer(data).write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize " + part(current) + " for topic '" + topic
                + "' as " + schema.getFullName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** TopicNameStrategy: the subject of {@code topic}'s keys or values. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    private int schemaId(Settings current, String topic, Schema schema) {
        SchemaId cached = idsByTopic.get(topic);
        // Identity check: a generated class always hands out the same Schema instance.
        if (cached != null && cached.schema() == schema) {
            return cached.id();
        }
        String subject = subject(topic, current.isKey());
        try {
            int id = current.autoRegister()
                ? current.client().register(subject, schema)
                : current.client().lookup(subject, schema);
            idsByTopic.put(topic, new SchemaId(schema, id));
            return id;
        } catch (SchemaRegistryException e) {
            String hint = current.autoRegister() || !e.isNotFound()
                ? "" : " (" + SerdeConfig.AUTO_REGISTER_SCHEMAS + "=false: register the schema first)";
            throw new SerializationException("Cannot serialize " + part(current) + " for topic '" + topic + "': "
                + e.getMessage() + hint, e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<T> writer(T data) {
        // The class's own SpecificData carries its logical-type conversions (Instant, LocalTime).
        return writers.computeIfAbsent(data.getClass(),
            type -> new SpecificDatumWriter<>(data.getSchema(), SpecificData.getForClass((Class<T>) type)));
    }

    private Settings settings() {
        Settings current = settings;
        if (current == null) {
            throw new IllegalStateException("SpecificAvroSerializer is not configured: call configure(configs, isKey) first");
        }
        return current;
    }

    private static String part(Settings settings) {
        return settings.isKey() ? "key" : "value";
    }
}
