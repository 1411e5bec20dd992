package io.fleetguard.serde;

import io.fleetguard.schema.TelemetryRecord;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecificAvroDeserializerErrorsTest {

    private static final String TOPIC = "fleetguard.telemetry";

    private final MockSchemaRegistry registry = new MockSchemaRegistry("mock://errors");
    private final SpecificAvroSerde<TelemetryRecord> serde = new SpecificAvroSerde<>(registry);

    SpecificAvroDeserializerErrorsTest() {
        serde.configure(Map.of(), false);
    }

    @Test
    void shouldRejectInputShorterThanTheHeader() {
        // Given
        byte[] bytes = {0x00, 0x00, 0x01};

        // When / Then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
            .isInstanceOf(SerializationException.class)
            .hasMessage("Cannot read Schema Registry wire format from topic 'fleetguard.telemetry':"
                + " truncated: 3 bytes, need at least 5 (magic byte + 4-byte schema id)");
    }

    @Test
    void shouldNameTheUnexpectedMagicByte() {
        // Given: JSON produced to an Avro topic
        byte[] bytes = "{\"deviceId\":\"cam-0042\"}".getBytes(StandardCharsets.UTF_8);

        // When / Then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
            .isInstanceOf(SerializationException.class)
            .hasMessage("Cannot read Schema Registry wire format from topic 'fleetguard.telemetry':"
                + " unknown magic byte 0x7b, expected 0x00");
    }

    @Test
    void shouldNameTopicAndSchemaIdWhenThePayloadIsTruncated() {
        // Given
        byte[] whole = serde.serializer().serialize(TOPIC, FleetRecords.aFullTelemetryRecord());
        byte[] truncated = Arrays.copyOf(whole, whole.length - 10);

        // When / Then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
            .isInstanceOf(SerializationException.class)
            .hasMessage("Cannot decode Avro payload from topic 'fleetguard.telemetry' with schema id 1:"
                + " truncated or corrupt (EOFException)")
            .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void shouldNameIdTopicAndRegistryForAnUnknownSchemaId() {
        // Given
        byte[] bytes = {0x00, 0x00, 0x00, 0x00, 0x2a, 0x02};

        // When / Then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
            .isInstanceOf(SerializationException.class)
            .hasMessage("Cannot deserialize value from topic 'fleetguard.telemetry': schema id 42 is unknown to"
                + " Schema Registry at mock://errors (Cannot fetch schema id 42 at mock://errors: schema not found)")
            .hasCauseInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void shouldNameTheUrlWhenTheRegistryIsUnreachable() throws IOException {
        // Given
        String url = "http://127.0.0.1:" + RestSchemaRegistryClientTest.closedPort();
        SpecificAvroDeserializer<TelemetryRecord> deserializer = new SpecificAvroDeserializer<>();
        deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, url, SerdeConfig.MAX_RETRIES, 0), false);

        // When / Then
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0x00, 0x00, 0x00, 0x00, 0x01, 0x02}))
            .isInstanceOf(SerializationException.class)
            .hasMessageStartingWith("Cannot deserialize value from topic 'fleetguard.telemetry': cannot fetch schema id 1"
                + " from Schema Registry at " + url + " (Cannot fetch schema id 1: Schema Registry unreachable at "
                + url + "/schemas/ids/1 (ConnectException");
    }

    @Test
    void shouldRefuseAWriterSchemaWithoutAGeneratedClass() {
        // Given
        Schema unknown = SchemaBuilder.record("Unknown").namespace("io.fleetguard.schema").fields()
            .requiredString("id").endRecord();
        int id = registry.register(TOPIC + "-value", unknown);

        // When / Then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0x00, 0x00, 0x00, 0x00, (byte) id, 0x00}))
            .isInstanceOf(SerializationException.class)
            .hasMessage("Cannot deserialize value from topic 'fleetguard.telemetry': schema id 1 names"
                + " io.fleetguard.schema.Unknown, which is not a generated SpecificRecord class on the classpath");
    }

    @Test
    void shouldRefuseAWriterSchemaNamingAClassOutsideTheTrustedPackage() {
        // Given: a registry entry crafted to make Avro instantiate an arbitrary JDK class
        Schema hostile = SchemaBuilder.record("HashMap").namespace("java.util").fields()
            .requiredString("id").endRecord();
        int id = registry.register(TOPIC + "-value", hostile);

        // When / Then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0x00, 0x00, 0x00, 0x00, (byte) id, 0x00}))
            .isInstanceOf(SerializationException.class)
            .hasMessageStartingWith("Cannot deserialize value from topic 'fleetguard.telemetry': schema id 1 names"
                + " java.util.HashMap, which Avro does not trust: Forbidden java.util.HashMap!")
            .hasCauseInstanceOf(SecurityException.class);
    }
}
