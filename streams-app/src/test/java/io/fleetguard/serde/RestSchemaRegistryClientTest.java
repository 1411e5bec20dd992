package io.fleetguard.serde;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetguard.schema.TelemetryRecord;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RestSchemaRegistryClientTest {

    private static final String SUBJECT = "fleetguard.telemetry-value";
    private static final Schema SCHEMA = TelemetryRecord.getClassSchema();
    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

    private final List<Long> sleeps = new ArrayList<>();
    private FakeSchemaRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = FakeSchemaRegistry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldRegisterSchemaWithRegistryMediaTypeAndSchemaOnlyBody() throws IOException {
        // Given
        RestSchemaRegistryClient client = client(config());

        // When
        int id = client.register(SUBJECT, SCHEMA);

        // Then
        assertThat(id).isEqualTo(1);
        FakeSchemaRegistry.Request request = registry.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/subjects/fleetguard.telemetry-value/versions");
        assertThat(request.header("content-type")).isEqualTo(MEDIA_TYPE);
        assertThat(request.header("accept")).isEqualTo(MEDIA_TYPE);
        assertThat(request.header("authorization")).isNull();
        assertThat(new ObjectMapper().readTree(request.body()))
            .isEqualTo(new ObjectMapper().createObjectNode().put("schema", SCHEMA.toString()));
    }

    @Test
    void shouldLookUpIdOfRegisteredSchemaWithoutRegisteringIt() {
        // Given
        registry.preRegister("other-value", "\"string\"");
        int registered = registry.preRegister(SUBJECT, SCHEMA.toString());

        // When
        int id = client(config()).lookup(SUBJECT, SCHEMA);

        // Then
        assertThat(id).isEqualTo(registered).isEqualTo(2);
        assertThat(registry.requests()).extracting(FakeSchemaRegistry.Request::method, FakeSchemaRegistry.Request::rawPath)
            .containsExactly(tuple("POST", "/subjects/fleetguard.telemetry-value"));
        assertThat(registry.versions(SUBJECT)).containsExactly(2);
    }

    @Test
    void shouldFetchSchemaByIdWithAcceptHeader() {
        // Given
        int id = registry.preRegister(SUBJECT, SCHEMA.toString());

        // When
        Schema fetched = client(config()).getById(id);

        // Then
        assertThat(fetched).isEqualTo(SCHEMA);
        FakeSchemaRegistry.Request request = registry.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/schemas/ids/1");
        assertThat(request.header("accept")).isEqualTo(MEDIA_TYPE);
    }

    @Test
    void shouldSendBasicAuthCredentialsGivenAsKafkaPassword() {
        // Given
        registry.requireBasicAuth("fleetguard", "s3cr3t-pa55");
        Map<String, Object> config = config();
        config.put(SerdeConfig.BASIC_AUTH_USER_INFO, new Password("fleetguard:s3cr3t-pa55"));

        // When
        int id = client(config).register(SUBJECT, SCHEMA);

        // Then
        assertThat(id).isEqualTo(1);
        assertThat(registry.requests().get(0).header("authorization")).isEqualTo("Basic ZmxlZXRndWFyZDpzM2NyM3QtcGE1NQ==");
    }

    @Test
    void shouldAnswerRepeatedCallsFromCache() {
        // Given
        RestSchemaRegistryClient client = client(config());
        int id = client.register(SUBJECT, SCHEMA);

        // When
        int again = client.register(SUBJECT, SCHEMA);
        int lookedUp = client.lookup(SUBJECT, SCHEMA);
        Schema fetched = client.getById(id);

        // Then
        assertThat(List.of(again, lookedUp)).containsExactly(1, 1);
        assertThat(fetched).isEqualTo(SCHEMA);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void shouldRetryServerErrorsWithExponentialBackoffThenSucceed() {
        // Given
        registry.answerError(503, 50003, "Error while forwarding the request to the leader", 2);

        // When
        int id = client(config()).register(SUBJECT, SCHEMA);

        // Then
        assertThat(id).isEqualTo(1);
        assertThat(registry.requests()).hasSize(3);
        assertThat(sleeps).containsExactly(2L, 4L);
    }

    @Test
    void shouldRetryWhenRateLimited() {
        // Given
        registry.answer(429, "", 1);

        // When
        int id = client(config()).register(SUBJECT, SCHEMA);

        // Then
        assertThat(id).isEqualTo(1);
        assertThat(sleeps).containsExactly(2L);
    }

    @Test
    void shouldCapTheBackoff() {
        // Given
        registry.answerError(500, 50001, "Error in the backend data store", 3);
        Map<String, Object> config = config();
        config.put(SerdeConfig.RETRY_BACKOFF_MS, 6000L);

        // When
        client(config).register(SUBJECT, SCHEMA);

        // Then
        assertThat(sleeps).containsExactly(6000L, 10_000L, 10_000L);
    }

    @Test
    void shouldGiveUpAfterMaxRetriesNamingSubjectUrlStatusAndRegistryError() {
        // Given
        registry.answerError(500, 50001, "Error in the backend data store", 5);
        Map<String, Object> config = config();
        config.put(SerdeConfig.MAX_RETRIES, "2");

        // When
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
            () -> client(config).register(SUBJECT, SCHEMA));

        // Then
        assertThat(e).hasMessage("Cannot register schema under subject 'fleetguard.telemetry-value' at " + registry.url()
            + "/subjects/fleetguard.telemetry-value/versions: HTTP 500, registry server error"
            + " (error_code 50001: Error in the backend data store) after 3 attempts");
        assertThat(List.of(e.status(), e.errorCode())).containsExactly(500, 50001);
        assertThat(registry.requests()).hasSize(3);
        assertThat(sleeps).containsExactly(2L, 4L);
    }

    static Stream<Arguments> clientErrors() {
        return Stream.of(
            Arguments.of(401, 401, "Unauthorized", "authentication failed (check schema.registry.basic.auth.user.info)"),
            Arguments.of(403, 40301, "User is denied operation Write on Subject: fleetguard.telemetry-value",
                "not authorized for this subject or operation"),
            Arguments.of(404, 40401, "Subject 'fleetguard.telemetry-value' not found.", "subject not found"),
            Arguments.of(409, 409, "Schema being registered is incompatible with an earlier schema",
                "schema is incompatible with an earlier version under this subject"),
            Arguments.of(422, 42201, "Invalid schema", "invalid schema (rejected as unprocessable)"));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("clientErrors")
    void shouldReportClientErrorsOnceWithoutRetrying(int status, int errorCode, String registryMessage, String meaning) {
        // Given
        registry.answerError(status, errorCode, registryMessage, 1);

        // When
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
            () -> client(config()).register(SUBJECT, SCHEMA));

        // Then
        assertThat(e).hasMessage("Cannot register schema under subject 'fleetguard.telemetry-value' at " + registry.url()
            + "/subjects/fleetguard.telemetry-value/versions: HTTP " + status + ", " + meaning
            + " (error_code " + errorCode + ": " + registryMessage + ")");
        assertThat(List.of(e.status(), e.errorCode())).containsExactly(status, errorCode);
        assertThat(registry.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldReportSchemaNotRegisteredUnderUnknownSubject() {
        // When
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
            () -> client(config()).lookup(SUBJECT, SCHEMA));

        // Then
        assertThat(e).hasMessage("Cannot look up schema under subject 'fleetguard.telemetry-value' at " + registry.url()
            + "/subjects/fleetguard.telemetry-value: HTTP 404, schema is not registered under this subject"
            + " (error_code 40401: Subject 'fleetguard.telemetry-value' not found.)");
        assertThat(e.isNotFound()).isTrue();
    }

    @Test
    void shouldReportSchemaNotRegisteredUnderKnownSubject() {
        // Given
        registry.preRegister(SUBJECT, "\"string\"");

        // When
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
            () -> client(config()).lookup(SUBJECT, SCHEMA));

        // Then
        assertThat(e).hasMessage("Cannot look up schema under subject 'fleetguard.telemetry-value' at " + registry.url()
            + "/subjects/fleetguard.telemetry-value: HTTP 404, schema is not registered under this subject"
            + " (error_code 40403: Schema not found)");
    }

    @Test
    void shouldReportUnknownSchemaId() {
        // When
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client(config()).getById(42));

        // Then
        assertThat(e).hasMessage("Cannot fetch schema id 42 at " + registry.url()
            + "/schemas/ids/42: HTTP 404, schema not found (error_code 40403: Schema 42 not found)");
        assertThat(List.of(e.status(), e.errorCode())).containsExactly(404, 40403);
    }

    @Test
    void shouldRefuseNonAvroSchemas() {
        // Given
        registry.answer(200, "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}", 1);

        // When
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client(config()).getById(7));

        // Then
        assertThat(e).hasMessage("Cannot fetch schema id 7 from " + registry.url() + ": it is a PROTOBUF schema, not AVRO");
    }

    @Test
    void shouldFailOverToNextUrlWhenFirstRefusesConnections() throws IOException {
        // Given
        Map<String, Object> config = config();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + closedPort() + "," + registry.url());

        // When
        int id = client(config).register(SUBJECT, SCHEMA);

        // Then
        assertThat(id).isEqualTo(1);
        assertThat(registry.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldNameEveryUrlTriedWhenRegistryIsUnreachable() throws IOException {
        // Given
        String first = "http://127.0.0.1:" + closedPort();
        String second = "http://127.0.0.1:" + closedPort();
        Map<String, Object> config = config();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, List.of(first, second));
        config.put(SerdeConfig.MAX_RETRIES, 1);

        // When
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
            () -> client(config).register(SUBJECT, SCHEMA));

        // Then
        assertThat(e.getMessage())
            .startsWith("Cannot register schema under subject 'fleetguard.telemetry-value': Schema Registry unreachable at "
                + first + "/subjects/fleetguard.telemetry-value/versions, " + second
                + "/subjects/fleetguard.telemetry-value/versions (ConnectException")
            .endsWith(") after 2 attempts");
        assertThat(e.status()).isZero();
        assertThat(e.isRetriable()).isTrue();
        assertThat(sleeps).containsExactly(2L);
    }

    @Test
    void shouldKeepTheBasePathOfTheUrlForApicurioCcompat() {
        // Given
        Map<String, Object> config = config();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url() + "/apis/ccompat/v7/");

        // When
        client(config).register(SUBJECT, SCHEMA);

        // Then
        assertThat(registry.requests().get(0).rawPath()).isEqualTo("/apis/ccompat/v7/subjects/fleetguard.telemetry-value/versions");
    }

    @Test
    void shouldEncodeTheSubjectAsOnePathSegment() {
        // When
        client(config()).register("odd subject/with+slash", SCHEMA);

        // Then
        assertThat(registry.requests().get(0).rawPath()).isEqualTo("/subjects/odd%20subject%2Fwith%2Bslash/versions");
        assertThat(registry.versions("odd subject/with+slash")).containsExactly(1);
    }

    @Test
    void shouldNeverRevealThePasswordInErrors() throws IOException {
        // Given
        String secret = "hunter2-" + "Zq9";
        registry.requireBasicAuth("fleetguard", "another-password");
        Map<String, Object> rejected = config();
        rejected.put(SerdeConfig.BASIC_AUTH_USER_INFO, "fleetguard:" + secret);
        String deadUrl = "http://127.0.0.1:" + closedPort();
        Map<String, Object> unreachable = config();
        unreachable.put(SerdeConfig.SCHEMA_REGISTRY_URL, deadUrl);
        unreachable.put(SerdeConfig.BASIC_AUTH_USER_INFO, new Password("fleetguard:" + secret));
        unreachable.put(SerdeConfig.MAX_RETRIES, 0);
        Map<String, Object> noColon = config();
        noColon.put(SerdeConfig.BASIC_AUTH_USER_INFO, secret);
        Map<String, Object> inUrl = config();
        inUrl.put(SerdeConfig.SCHEMA_REGISTRY_URL, "http://fleetguard:" + secret + "@127.0.0.1:8081");

        // When
        List<Throwable> errors = List.of(
            catchThrowable(() -> client(rejected).register(SUBJECT, SCHEMA)),
            catchThrowable(() -> client(unreachable).getById(1)),
            catchThrowable(() -> client(noColon)),
            catchThrowable(() -> client(inUrl)));

        // Then
        assertThat(errors.get(0)).hasMessage("Cannot register schema under subject 'fleetguard.telemetry-value' at "
            + registry.url() + "/subjects/fleetguard.telemetry-value/versions: HTTP 401, authentication failed"
            + " (check schema.registry.basic.auth.user.info) (error_code 401: Unauthorized)");
        assertThat(errors.get(1)).hasMessageStartingWith("Cannot fetch schema id 1: Schema Registry unreachable at "
            + deadUrl + "/schemas/ids/1 (ConnectException");
        assertThat(errors.get(2)).hasMessage("schema.registry.basic.auth.user.info must have the form user:password");
        assertThat(errors.get(3))
            .hasMessage("schema.registry.url must not contain credentials; use schema.registry.basic.auth.user.info");
        assertThat(errors).allSatisfy(e -> assertThat(causeChain(e))
            .doesNotContain(secret)
            .doesNotContain(Base64.getEncoder().encodeToString(("fleetguard:" + secret).getBytes(StandardCharsets.UTF_8))));
    }

    private static String causeChain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        config.put(SerdeConfig.RETRY_BACKOFF_MS, "2");
        config.put(SerdeConfig.REQUEST_TIMEOUT_MS, 5000);
        return config;
    }

    private RestSchemaRegistryClient client(Map<String, Object> config) {
        return new RestSchemaRegistryClient(new SerdeConfig(config), sleeps::add);
    }

    /** A loopback port nothing listens on: connecting is refused at once. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
