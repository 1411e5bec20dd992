package io.fleetguard.serde;

import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.TelemetryRecord;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;

import static io.fleetguard.serde.FleetRecords.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecificAvroSerdeTest {

    private static final String TOPIC = "fleetguard.telemetry";
    private static final String SCOPE = "serde-test";

    private final MockSchemaRegistry registry = new MockSchemaRegistry("mock://local");

    @AfterEach
    void dropScope() {
        MockSchemaRegistryScopes.dropScope(SCOPE);
    }

    static Stream<Arguments> everyContract() {
        return Stream.of(
            Arguments.of(Named.of("DeviceIdentity, every optional field set", FleetRecords.aFullyDescribedDevice())),
            Arguments.of(Named.of("DeviceIdentity, no optional field set", FleetRecords.aDevice().build())),
            Arguments.of(Named.of("AuthEvent, every optional field set", FleetRecords.aFailedPasswordLogin())),
            Arguments.of(Named.of("AuthEvent, no optional field set", FleetRecords.anAuthEvent().build())),
            Arguments.of(Named.of("TelemetryRecord, every optional field set", FleetRecords.aFullTelemetryRecord())),
            Arguments.of(Named.of("TelemetryRecord, no optional field set", FleetRecords.aTelemetryRecord().build())),
            Arguments.of(Named.of("ConfigChange, every optional field set", FleetRecords.aTicketedFirmwareChange())),
            Arguments.of(Named.of("ConfigChange, no optional field set", FleetRecords.aConfigChange().build())),
            Arguments.of(Named.of("RemoteSupportSession, ended", FleetRecords.anEndedSupportSession())),
            Arguments.of(Named.of("RemoteSupportSession, ongoing", FleetRecords.aSupportSession().build())),
            Arguments.of(Named.of("IdentityAlert, evidence map and arrays", FleetRecords.aRepeatedAlert())),
            Arguments.of(Named.of("IdentityAlert, empty map and arrays", FleetRecords.anAlert().build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyContract")
    void shouldRoundTripEveryContract(SpecificRecord record) {
        // Given
        SpecificAvroSerde<SpecificRecord> serde = serde(registry, false);

        // When
        SpecificRecord back = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, record));

        // Then
        assertThat(back).isInstanceOf(record.getClass());
        assertSameContent(back, record);
    }

    @Test
    void shouldWriteMagicByteBigEndianSchemaIdAndPlainAvroBinary() throws IOException {
        // Given: a registry that hands out an id needing all four bytes
        TelemetryRecord record = FleetRecords.aFullTelemetryRecord();
        SpecificAvroSerde<TelemetryRecord> serde = serde(new FixedIdRegistry(0x01020304), false);

        // When
        byte[] bytes = serde.serializer().serialize(TOPIC, record);

        // Then
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(new byte[] {0x00, 0x01, 0x02, 0x03, 0x04});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
        new SpecificDatumWriter<>(TelemetryRecord.class).write(record, encoder);
        encoder.flush();
        assertThat(bytes).containsExactly(expected.toByteArray());
    }

    @Test
    void shouldUseTopicKeySubjectForKeysAndTopicValueSubjectForValues() {
        // Given
        SpecificAvroSerde<DeviceIdentity> keySerde = serde(registry, true);
        SpecificAvroSerde<IdentityAlert> valueSerde = serde(registry, false);

        // When
        keySerde.serializer().serialize("fleetguard.alerts", FleetRecords.aDevice().build());
        valueSerde.serializer().serialize("fleetguard.alerts", FleetRecords.anAlert().build());

        // Then
        assertThat(registry.subjects()).containsExactly("fleetguard.alerts-key", "fleetguard.alerts-value");
        assertThat(registry.versions("fleetguard.alerts-key")).containsExactly(1);
        assertThat(registry.versions("fleetguard.alerts-value")).containsExactly(2);
    }

    @Test
    void shouldKeepTombstonesNull() {
        // Given
        SpecificAvroSerde<DeviceIdentity> serde = serde(registry, false);

        // When / Then
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, new byte[0])).isNull();
        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void shouldReadBytesFromAnOlderWriterSchemaIntoTheCurrentClass() throws IOException {
        // Given: a record written by a producer that predates reportedFirmware
        Schema older = olderTelemetrySchema();
        int id = registry.register(TOPIC + "-value", older);
        GenericRecord written = new GenericData.Record(older);
        written.put("eventId", "tel-7");
        written.put("timestamp", T0.toEpochMilli());
        written.put("deviceId", "cam-0042");
        written.put("sourceIp", "10.20.1.5");
        written.put("destination", "site/1/cam-0042/frames");
        written.put("bytes", 512L);
        byte[] bytes = frame(id, older, written);
        SpecificAvroSerde<TelemetryRecord> serde = serde(registry, false);

        // When
        TelemetryRecord read = serde.deserializer().deserialize(TOPIC, bytes);

        // Then
        assertThat(read).isEqualTo(TelemetryRecord.newBuilder().setEventId("tel-7").setTimestamp(T0).setDeviceId("cam-0042")
            .setSourceIp("10.20.1.5").setDestination("site/1/cam-0042/frames").setBytes(512L).build());
        assertThat(read.getReportedFirmware()).isNull();
    }

    @Test
    void shouldCallTheRegistryOnlyForTheFirstRecord() {
        // Given
        CountingRegistry counting = new CountingRegistry(registry);
        SpecificAvroSerde<TelemetryRecord> serde = serde(counting, false);
        byte[] first = serde.serializer().serialize(TOPIC, FleetRecords.aFullTelemetryRecord());
        serde.deserializer().deserialize(TOPIC, first);

        // When
        byte[] second = serde.serializer().serialize(TOPIC, FleetRecords.aTelemetryRecord().build());
        serde.deserializer().deserialize(TOPIC, second);

        // Then
        assertThat(counting.calls()).containsExactly("register fleetguard.telemetry-value", "getById 1");
    }

    @Test
    void shouldOnlyLookUpTheSchemaWhenAutoRegisterIsOff() {
        // Given
        int id = registry.register(TOPIC + "-value", TelemetryRecord.getClassSchema());
        CountingRegistry counting = new CountingRegistry(registry);
        SpecificAvroSerde<TelemetryRecord> serde = new SpecificAvroSerde<>(counting);
        serde.configure(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        // When
        byte[] bytes = serde.serializer().serialize(TOPIC, FleetRecords.aFullTelemetryRecord());

        // Then
        assertThat(WireFormat.readSchemaId(TOPIC, bytes)).isEqualTo(id);
        assertThat(counting.calls()).containsExactly("lookup fleetguard.telemetry-value");
    }

    @Test
    void shouldExplainAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        // Given
        SpecificAvroSerde<TelemetryRecord> serde = new SpecificAvroSerde<>(registry);
        serde.configure(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        // When / Then
        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, FleetRecords.aFullTelemetryRecord()))
            .isInstanceOf(SerializationException.class)
            .hasMessage("Cannot serialize value for topic 'fleetguard.telemetry': Cannot look up schema under subject"
                + " 'fleetguard.telemetry-value' at mock://local: schema is not registered under this subject"
                + " (auto.register.schemas=false: register the schema first)");
        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void shouldShareMockScopeBetweenSeparatelyConfiguredSerializerAndDeserializer() {
        // Given: what a producer and a Streams app in one JVM do, each from its own config map
        Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
        SpecificAvroSerializer<DeviceIdentity> serializer = new SpecificAvroSerializer<>();
        serializer.configure(config, false);
        SpecificAvroDeserializer<DeviceIdentity> deserializer = new SpecificAvroDeserializer<>();
        deserializer.configure(config, false);
        DeviceIdentity device = FleetRecords.aFullyDescribedDevice();

        // When
        DeviceIdentity back = deserializer.deserialize("fleetguard.registry", serializer.serialize("fleetguard.registry", device));

        // Then
        assertSameContent(back, device);
        assertThat(MockSchemaRegistryScopes.forScope(SCOPE).versions("fleetguard.registry-value")).containsExactly(1);
    }

    @Test
    void shouldRefuseToWorkBeforeBeingConfigured() {
        // Given
        SpecificAvroSerde<DeviceIdentity> serde = new SpecificAvroSerde<>(registry);

        // When / Then
        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, FleetRecords.aDevice().build()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("SpecificAvroSerializer is not configured: call configure(configs, isKey) first");
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 0, 0, 1}))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("SpecificAvroDeserializer is not configured: call configure(configs, isKey) first");
    }

    /**
     * Field-by-field equality. Not isEqualTo: a decoded array is Avro's GenericData.Array, whose
     * equals/hashCode compare elements without logical-type conversions and throw on an Instant
     * inside a union (Credential.expiresAt), an Avro limitation independent of this serde.
     */
    static void assertSameContent(SpecificRecord actual, SpecificRecord expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }

    private static <T extends SpecificRecord> SpecificAvroSerde<T> serde(SchemaRegistryClient client, boolean isKey) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(client);
        serde.configure(Map.of(), isKey);
        return serde;
    }

    private static Schema olderTelemetrySchema() throws IOException {
        try (InputStream in = SpecificAvroSerdeTest.class.getResourceAsStream("/serde/TelemetryRecord-before-reportedFirmware.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    private static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireFormat.writeHeader(out, id);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** Answers every registration with one id, to check the byte order of the header. */
    private static final class FixedIdRegistry implements SchemaRegistryClient {
        private final int id;

        FixedIdRegistry(int id) {
            this.id = id;
        }

        @Override
        public int register(String subject, Schema schema) {
            return id;
        }

        @Override
        public int lookup(String subject, Schema schema) {
            return id;
        }

        @Override
        public Schema getById(int ignored) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String url() {
            return "fixed://";
        }
    }
}
