package io.fleetguard.serde;

import io.fleetguard.schema.AuthEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The serde configured from properties against a registry over HTTP, as in production. */
class SpecificAvroSerdeOverRestTest {

    private static final String TOPIC = "fleetguard.auth-events";

    private FakeSchemaRegistry registry;
    private Map<String, Object> config;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = FakeSchemaRegistry.start();
        config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url(), SerdeConfig.RETRY_BACKOFF_MS, 1);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldMakeNoRegistryCallAfterTheFirstRecord() {
        // Given
        SpecificAvroSerde<AuthEvent> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        byte[] first = serde.serializer().serialize(TOPIC, FleetRecords.aFailedPasswordLogin());

        // When
        byte[] second = serde.serializer().serialize(TOPIC, FleetRecords.anAuthEvent().build());
        AuthEvent back = serde.deserializer().deserialize(TOPIC, second);
        serde.deserializer().deserialize(TOPIC, first);

        // Then: the deserializer found the id among the serializer's registrations
        assertThat(back).isEqualTo(FleetRecords.anAuthEvent().build());
        assertThat(registry.requests()).extracting(FakeSchemaRegistry.Request::method, FakeSchemaRegistry.Request::rawPath)
            .containsExactly(tuple("POST", "/subjects/fleetguard.auth-events-value/versions"));
    }

    @Test
    void shouldFetchEachWriterSchemaOnceOnTheConsumerSide() {
        // Given: producer and consumer in different processes, each with its own client
        SpecificAvroSerializer<AuthEvent> producer = new SpecificAvroSerializer<>();
        producer.configure(config, false);
        SpecificAvroDeserializer<AuthEvent> consumer = new SpecificAvroDeserializer<>();
        consumer.configure(config, false);
        byte[] first = producer.serialize(TOPIC, FleetRecords.aFailedPasswordLogin());
        byte[] second = producer.serialize(TOPIC, FleetRecords.anAuthEvent().build());

        // When
        consumer.deserialize(TOPIC, first);
        AuthEvent back = consumer.deserialize(TOPIC, second);

        // Then
        assertThat(back).isEqualTo(FleetRecords.anAuthEvent().build());
        assertThat(registry.requests()).extracting(FakeSchemaRegistry.Request::method, FakeSchemaRegistry.Request::rawPath)
            .containsExactly(
                tuple("POST", "/subjects/fleetguard.auth-events-value/versions"),
                tuple("GET", "/schemas/ids/1"));
    }
}
