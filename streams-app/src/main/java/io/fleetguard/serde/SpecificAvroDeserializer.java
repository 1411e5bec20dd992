package io.fleetguard.serde;

import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads Confluent wire format into generated Avro classes. The writer schema comes from the
 * registry by the id in the header; the class is the one generated for the writer schema's
 * full name, and Avro's schema resolution fills in what an older writer did not know.
 * Readers are cached per schema id. Thread-safe once configured.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private record Settings(SchemaRegistryClient client, boolean isKey) {
    }

    private record Reader<T>(Class<?> type, DatumReader<T> datumReader) {
    }

    private final SchemaRegistryClient injected;
    private final ConcurrentMap<Integer, Reader<T>> readers = new ConcurrentHashMap<>();
    private volatile Settings settings;

    /** For Kafka's reflective instantiation; {@link #configure} creates the registry client. */
    public SpecificAvroDeserializer() {
        this.injected = null;
    }

    /** Uses {@code client} instead of creating one from the configuration. */
    public SpecificAvroDeserializer(SchemaRegistryClient client) {
        this.injected = Objects.requireNonNull(client, "client");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(injected != null ? injected : SchemaRegistryClients.create(configs), isKey);
    }

    /** Lets {@link SpecificAvroSerde} share one client (and its cache) with its serializer. */
    void configure(SchemaRegistryClient client, boolean isKey) {
        AvroClassTrust.trustSchemaPackage();
        settings = new Settings(client, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null || data.length == 0) {
            // Tombstones stay null so that KTables see deletes.
            return null;
        }
        Settings current = settings();
        int id = WireFormat.readSchemaId(topic, data);
        Reader<T> reader = reader(current, topic, id);
        try {
            return reader.datumReader().read(null,
                DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
        } catch (AvroTypeException e) {
            // Resolution failure (e.g. an enum symbol the class lacks), not damaged bytes.
            throw new SerializationException(prefix(current, topic) + "schema id " + id + " cannot be read as "
                + reader.type().getName() + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw WireFormat.decodeFailure(topic, id, e);
        }
    }

    private Reader<T> reader(Settings current, String topic, int id) {
        Reader<T> cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        Reader<T> created = newReader(current, topic, id, writerSchema(current, topic, id));
        Reader<T> raced = readers.putIfAbsent(id, created);
        return raced != null ? raced : created;
    }

    private Schema writerSchema(Settings current, String topic, int id) {
        try {
            return current.client().getById(id);
        } catch (SchemaRegistryException e) {
            String problem = e.isNotFound()
                ? "schema id " + id + " is unknown to Schema Registry at " + current.client().url()
                : "cannot fetch schema id " + id + " from Schema Registry at " + current.client().url();
            throw new SerializationException(prefix(current, topic) + problem + " (" + e.getMessage() + ")", e);
        }
    }

    private Reader<T> newReader(Settings current, String topic, int id, Schema writer) {
        Class<?> type;
        try {
            type = SpecificData.get().getClass(writer);
        } catch (SecurityException e) {
            throw new SerializationException(prefix(current, topic) + "schema id " + id + " names "
                + writer.getFullName() + ", which Avro does not trust: " + e.getMessage(), e);
        }
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new SerializationException(prefix(current, topic) + "schema id " + id + " names "
                + writer.getFullName() + ", which is not a generated SpecificRecord class on the classpath");
        }
        // The reader schema is the class's own; the class's SpecificData carries its conversions.
        SpecificData model = SpecificData.getForClass(type);
        return new Reader<>(type, new SpecificDatumReader<>(writer, model.getSchema(type), model));
    }

    private Settings settings() {
        Settings current = settings;
        if (current == null) {
            throw new IllegalStateException("SpecificAvroDeserializer is not configured: call configure(configs, isKey) first");
        }
        return current;
    }

    private static String prefix(Settings settings, String topic) {
        return "Cannot deserialize " + (settings.isKey() ? "key" : "value") + " from topic '" + topic + "': ";
    }
}
