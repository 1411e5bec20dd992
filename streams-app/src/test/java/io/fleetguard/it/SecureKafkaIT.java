package io.fleetguard.it;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.embedded.EmbeddedKafka;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.runtime.FleetGuardApp;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * FleetGuard reaches secured clusters through standard client properties under kafka.*: mutual TLS
 * (the broker requires a client certificate) and SASL_SSL (PLAIN over TLS). Topics are created over
 * the broker's plaintext listener; everything FleetGuard and its clients do goes over the secure one.
 */
class SecureKafkaIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldDetectOverMutualTls() throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withSecureListener("SSL")
                .withBrokerConfig("listener.name.secure.ssl.keystore.location", certs.brokerKeystore.toString())
                .withBrokerConfig("listener.name.secure.ssl.keystore.password", TestCertificates.PASSWORD)
                .withBrokerConfig("listener.name.secure.ssl.key.password", TestCertificates.PASSWORD)
                .withBrokerConfig("listener.name.secure.ssl.keystore.type", "PKCS12")
                .withBrokerConfig("listener.name.secure.ssl.truststore.location", certs.brokerTruststore.toString())
                .withBrokerConfig("listener.name.secure.ssl.truststore.password", TestCertificates.PASSWORD)
                .withBrokerConfig("listener.name.secure.ssl.truststore.type", "PKCS12")
                .withBrokerConfig("listener.name.secure.ssl.client.auth", "required");
        Map<String, String> client = new HashMap<>();
        client.put("security.protocol", "SSL");
        client.put("ssl.keystore.location", certs.clientKeystore.toString());
        client.put("ssl.keystore.password", TestCertificates.PASSWORD);
        client.put("ssl.key.password", TestCertificates.PASSWORD);
        client.put("ssl.keystore.type", "PKCS12");
        client.put("ssl.truststore.location", certs.clientTruststore.toString());
        client.put("ssl.truststore.password", TestCertificates.PASSWORD);
        client.put("ssl.truststore.type", "PKCS12");
        detectThrough(options, client);
    }

    @Test
    void shouldDetectOverSaslSsl() throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withSecureListener("SASL_SSL")
                .withBrokerConfig("listener.name.secure.ssl.keystore.location", certs.brokerKeystore.toString())
                .withBrokerConfig("listener.name.secure.ssl.keystore.password", TestCertificates.PASSWORD)
                .withBrokerConfig("listener.name.secure.ssl.key.password", TestCertificates.PASSWORD)
                .withBrokerConfig("listener.name.secure.ssl.keystore.type", "PKCS12")
                .withBrokerConfig("listener.name.secure.sasl.enabled.mechanisms", "PLAIN")
                .withBrokerConfig("listener.name.secure.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required "
                                + "user_fleetguard=\"fg-secret\";");
        Map<String, String> client = new HashMap<>();
        client.put("security.protocol", "SASL_SSL");
        client.put("sasl.mechanism", "PLAIN");
        client.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"fleetguard\" password=\"fg-secret\";");
        client.put("ssl.truststore.location", certs.clientTruststore.toString());
        client.put("ssl.truststore.password", TestCertificates.PASSWORD);
        client.put("ssl.truststore.type", "PKCS12");
        detectThrough(options, client);
    }

    private void detectThrough(EmbeddedKafka.Options options, Map<String, String> clientSecurity) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(options)) {
            Map<String, String> settings = new HashMap<>();
            settings.put("kafka.bootstrap.servers", kafka.secureBootstrapServers());
            clientSecurity.forEach((k, v) -> settings.put("kafka." + k, v));
            settings.put("schema.registry.url", "mock://secure-" + options.secureListenerProtocol());
            settings.put("kafka.state.dir", dir.resolve("state").toString());
            FleetGuardConfig config = ConfigLoader.fromMap(settings);
            assertThat(config.describe().toString()).doesNotContain("fg-secret", TestCertificates.PASSWORD);
            FleetGuardTopics topics = FleetGuardTopics.from(config);
            kafka.createCompactedTopic(topics.registry().name(), 1);
            kafka.createTopics(topics.otherTopics(1));

            try (FleetGuardApp app = new FleetGuardApp(config, FleetGuardMetrics.inMemory())) {
                app.start();
                Map<String, Object> producerConfig = new HashMap<>(clientSecurity);
                producerConfig.put("bootstrap.servers", kafka.secureBootstrapServers());
                try (KafkaProducer<String, AuthEvent> p = new KafkaProducer<>(producerConfig,
                        topics.authEvents().keySerde().serializer(), topics.authEvents().valueSerde().serializer())) {
                    AuthEvent e = anAuthEvent("e1", "ghost-1", T0).success().build();
                    p.send(new ProducerRecord<>(topics.authEvents().name(), null, T0.toEpochMilli(), "ghost-1", e)).get();
                }
                List<ConsumerRecord<String, IdentityAlert>> alerts = KafkaTestClients.readUntil(kafka.secureBootstrapServers(),
                        clientSecurity, topics.alerts().name(), new StringDeserializer(),
                        topics.alerts().valueSerde().deserializer(), Duration.ofSeconds(60), read -> !read.isEmpty());
                assertThat(alerts).extracting(r -> r.value().getType() + " " + r.value().getDeviceId())
                        .containsExactly("UNKNOWN_DEVICE ghost-1");
            }
        }
    }
}
