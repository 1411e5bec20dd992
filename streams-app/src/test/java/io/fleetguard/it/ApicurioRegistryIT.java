package io.fleetguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetguard.cli.FleetGuardCli;
import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.runtime.SchemaCheck;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.serde.SchemaRegistryClients;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * FleetGuard against a Schema Registry written by someone else: Apicurio Registry 3.x over its
 * Confluent-compatible API, HTTPS and basic auth, with BACKWARD compatibility (Confluent's default;
 * Apicurio's is none, so the test sets it globally). Alerts are decoded with plain Avro and a schema
 * fetched by id over HTTP, not with FleetGuard's serde.
 */
class ApicurioRegistryIT extends WithEmbeddedKafka {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD_OK = ApicurioRegistry.PASSWORD;

    @TempDir
    static Path dir;

    private static TestCertificates certs;
    private static ApicurioRegistry registry;
    private static RegistryHttp http;

    @BeforeAll
    static void startRegistry() throws Exception {
        certs = new TestCertificates(dir);
        registry = ApicurioRegistry.start(certs.brokerKeystore, TestCertificates.PASSWORD);
        http = new RegistryHttp(certs.clientTruststore, TestCertificates.PASSWORD, ApicurioRegistry.USER, ApicurioRegistry.PASSWORD);
        assertThat(send("PUT", "/config", "{\"compatibility\":\"BACKWARD\"}").path("compatibility").asText()).isEqualTo("BACKWARD");
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldRegisterTheSixSubjectsAndWriteAlertsThatAnIndependentAvroReaderDecodes() throws Exception {
        // Given the app on the embedded broker, its schemas registered at start-up as `run` does
        try (ItApp it = new ItApp(kafka, dir, registrySettings(PASSWORD_OK))) {
            FleetGuardTopics topics = it.topics;
            assertThat(SchemaCheck.problems(it.config)).isEmpty();

            // When an unregistered device fails to authenticate
            try (KafkaProducer<String, AuthEvent> p = KafkaTestClients.producer(kafka.bootstrapServers(),
                    topics.authEvents().keySerde().serializer(), topics.authEvents().valueSerde().serializer())) {
                p.send(new ProducerRecord<>(topics.authEvents().name(), null, T0.toEpochMilli(), "ghost-7",
                        anAuthEvent("a-ghost", "ghost-7", T0).failure("not authorised").build())).get();
            }

            // Then the registry holds exactly the six TopicNameStrategy subjects of these topics
            String prefix = topics.alerts().name().substring(0, topics.alerts().name().indexOf('.') + 1);
            List<String> subjects = new ArrayList<>();
            // (the registry is shared by this class's tests, each with topics of its own)
            send("GET", "/subjects", null).forEach(s -> subjects.add(s.asText()));
            subjects.removeIf(s -> !s.startsWith(prefix));
            assertThat(subjects).containsExactlyInAnyOrder(
                    prefix + "registry-value", prefix + "auth.events-value", prefix + "telemetry-value",
                    prefix + "config.changes-value", prefix + "support.sessions-value", prefix + "alerts-value");

            // And the alert on the topic decodes with plain Avro and the schema its id names, fetched over HTTP
            List<ConsumerRecord<String, byte[]>> alerts = KafkaTestClients.readUntil(kafka.bootstrapServers(),
                    topics.alerts().name(), new StringDeserializer(), new ByteArrayDeserializer(), WAIT, read -> !read.isEmpty());
            assertThat(alerts).hasSize(1);
            byte[] value = alerts.get(0).value();
            ByteBuffer header = ByteBuffer.wrap(value, 0, 5);
            assertThat(header.get()).isEqualTo((byte) 0);
            int id = header.getInt();
            Schema writer = new Schema.Parser().parse(send("GET", "/schemas/ids/" + id, null).path("schema").asText());
            GenericRecord alert = new GenericDatumReader<GenericRecord>(writer)
                    .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
            assertThat(alerts.get(0).key() + " " + alert.get("type") + " " + alert.get("severity") + " " + alert.get("deviceId")
                    + " " + alert.get("triggeringEventIds")).isEqualTo("ghost-7 UNKNOWN_DEVICE MEDIUM ghost-7 [a-ghost]");

            // And the id round-trips: it is the subject's latest version, and Apicurio's content id
            // (what its own Avro deserializer looks up by default)
            assertThat(send("GET", "/subjects/" + prefix + "alerts-value/versions/latest", null).path("id").asInt()).isEqualTo(id);
            assertThat(new Schema.Parser().parse(http.get(registry.nativeUrl() + "/ids/contentIds/" + id))).isEqualTo(writer);
        }
    }

    @Test
    void shouldRegisterABackwardCompatibleChangeAsANewVersion() throws Exception {
        // Given the TelemetryRecord of before reportedFirmware, registered by an earlier FleetGuard
        FleetGuardConfig config = freshConfig(PASSWORD_OK);
        String subject = config.topic("topic.telemetry") + "-value";
        register(subject, resource("/serde/TelemetryRecord-before-reportedFirmware.avsc"));

        // When this FleetGuard registers its schemas
        List<String> problems = SchemaCheck.problems(config);

        // Then the new optional field is accepted as version 2
        assertThat(problems).isEmpty();
        assertThat(send("GET", "/subjects/" + subject + "/versions", null).toString()).isEqualTo("[1,2]");
    }

    @Test
    void shouldStopRunWithAClearErrorWhenTheRegistryRefusesAnIncompatibleChange() throws Exception {
        // Given a DeviceIdentity registered without the fields that FleetGuard's requires (no defaults)
        Map<String, String> settings = freshSettings(PASSWORD_OK);
        FleetGuardConfig config = ConfigLoader.fromMap(settings);
        String subject = config.topic("topic.registry") + "-value";
        register(subject, "{\"type\":\"record\",\"name\":\"DeviceIdentity\",\"namespace\":\"io.fleetguard.schema\","
                + "\"fields\":[{\"name\":\"deviceId\",\"type\":\"string\"}]}");
        kafka.createCompactedTopic(config.topic("topic.registry"), 2);
        kafka.createTopics(FleetGuardTopics.from(config).otherTopics(2));
        StringWriter err = new StringWriter();

        // When `run` starts against it
        List<String> args = new ArrayList<>(List.of("run"));
        settings.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        int exit = CompletableFuture.supplyAsync(() -> FleetGuardCli.commandLine().setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new))).get(120, TimeUnit.SECONDS);

        // Then it stops before starting, naming subject, status and Apicurio's reason
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Invalid configuration (1 problem):" + System.lineSeparator()
                + "  - schema io.fleetguard.schema.DeviceIdentity: Cannot register schema under subject '" + subject + "' at "
                + registry.ccompatUrl() + "/subjects/" + subject + "/versions: HTTP 409, schema is incompatible with an earlier "
                + "version under this subject (error_code 409: io.apicurio.registry.rules.violation.RuleViolationException: "
                + "Incompatible artifact: " + subject + " [AVRO], num of incompatible diffs: {4}, list of diff types: "
                + "[deviceClass at /fields/1, status at /fields/3, trustTier at /fields/4, updatedAt at /fields/12])" + System.lineSeparator());
    }

    @Test
    void shouldRefuseWrongCredentialsAndAnUntrustedCertificate() {
        FleetGuardConfig wrongPassword = freshConfig("not-the-password");
        Map<String, String> untrusted = freshSettings(PASSWORD_OK);
        untrusted.remove("schema.registry.ssl.truststore.location");
        untrusted.remove("schema.registry.ssl.truststore.password");
        untrusted.remove("schema.registry.ssl.truststore.type");

        List<String> unauthorized = SchemaCheck.problems(wrongPassword);
        List<String> unverified = SchemaCheck.problems(SchemaRegistryClients.create(ConfigLoader.fromMap(untrusted).serdeConfig()),
                Map.of("x-value", Schema.create(Schema.Type.STRING)), true);

        assertThat(unauthorized).hasSize(6).first().isEqualTo("schema io.fleetguard.schema.DeviceIdentity: Cannot register "
                + "schema under subject '" + wrongPassword.topic("topic.registry") + "-value' at " + registry.ccompatUrl()
                + "/subjects/" + wrongPassword.topic("topic.registry") + "-value/versions: HTTP 401, authentication failed "
                + "(check schema.registry.basic.auth.user.info)");
        assertThat(unverified).containsExactly("schema string: Cannot register schema under subject 'x-value': Schema Registry "
                + "unreachable at " + registry.ccompatUrl() + "/subjects/x-value/versions (SSLHandshakeException: "
                + "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: "
                + "unable to find valid certification path to requested target)");
    }

    private static Map<String, String> registrySettings(String password) {
        return Map.of("schema.registry.url", registry.ccompatUrl(),
                "schema.registry.basic.auth.user.info", ApicurioRegistry.USER + ":" + password,
                "schema.registry.ssl.truststore.location", certs.clientTruststore.toString(),
                "schema.registry.ssl.truststore.password", TestCertificates.PASSWORD,
                "schema.registry.ssl.truststore.type", "PKCS12",
                "schema.registry.max.retries", "0");
    }

    /** Registry settings and topic names of their own, so that each test has subjects of its own. */
    private static Map<String, String> freshSettings(String password) {
        Map<String, String> settings = new HashMap<>(registrySettings(password));
        String prefix = "ap-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        for (String key : List.of("topic.registry", "topic.auth.events", "topic.telemetry", "topic.config.changes",
                "topic.support.sessions", "topic.alerts", "topic.dead.letter", "topic.broker.logs", "topic.alerts.ocsf")) {
            settings.put(key, prefix + key.substring("topic.".length()));
        }
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        return settings;
    }

    private static FleetGuardConfig freshConfig(String password) {
        return ConfigLoader.fromMap(freshSettings(password));
    }

    private static void register(String subject, String schema) throws Exception {
        String body = JSON.createObjectNode().put("schema", schema).toString();
        assertThat(send("POST", "/subjects/" + subject + "/versions", body).has("id")).isTrue();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ApicurioRegistryIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One call to the registry's Confluent-compatible API, by path. */
    private static JsonNode send(String method, String path, String body) throws Exception {
        return http.send(method, registry.ccompatUrl() + path, body);
    }
}
