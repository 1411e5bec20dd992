package io.fleetguard.ingest;

import io.fleetguard.schema.AuthMethod;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

class AwsIotLogParserTest {

    private static final String BROKER = "aws-iot-eu-west-1";
    private static final long RECORD_TS = 1_714_641_000_000L;
    private static final String CERT_1 = "6b1d5c2a9e0f47b38d2c41a7e95f03b6c8d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5";
    private static final String CERT_2 = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final String CERT_3 = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

    private final AwsIotLogParser parser = new AwsIotLogParser(IdentityMapping.byClientId());

    @Test
    void shouldParseTheDocumentedEntriesIntoTheScenariosEvents() throws IOException {
        // Given
        List<String> lines = Described.fixture("aws-iot/aws-iot-v2.jsonl");

        // When
        List<String> results = new ArrayList<>();
        for (String line : lines) {
            ParsedLine result = parser.parse(BROKER, line, RECORD_TS);
            if (result instanceof ParsedLine.Events e) {
                e.authEventsAndTelemetry().forEach(event -> results.add(Described.event(event)));
            } else {
                results.add(result.toString());
            }
        }

        // Then
        assertThat(results).containsExactly(
                "AUTH sensor-0001 SUCCESS MTLS principal=" + CERT_1 + " ip=203.0.113.10",
                "TELEMETRY sensor-0001 principal=" + CERT_1 + " ip=203.0.113.10 -> devices/sensor-0001/telemetry (0 bytes)",
                "Skip[kind=subscribe]",
                "TELEMETRY sensor-0001 principal=" + CERT_1 + " ip=203.0.113.10 -> factory/firmware/update (0 bytes)",
                "AUTH sensor-0002 FAILURE TOKEN principal=AROAEXAMPLEROLEID12345:CognitoIdentityCredentials "
                        + "ip=198.51.100.23 not-authorised: AUTHORIZATION_FAILURE",
                "AUTH sensor-0001 SUCCESS MTLS principal=" + CERT_2 + " ip=198.51.100.99",
                "AUTH sensor-0001 FAILURE MTLS principal=" + CERT_1 + " ip=203.0.113.10 "
                        + "client-id-takeover: DUPLICATE_CLIENTID",
                "AUTH sensor-0003 FAILURE MTLS principal=" + CERT_3 + " ip=203.0.113.30 not-authorised: AUTH_ERROR",
                "Skip[kind=disconnect]",
                "Skip[kind=not-an-identity-event]");
    }

    @Test
    void shouldTurnAConnectIntoAWholeAuthEvent() {
        // Given
        String line = "{\"timestamp\": \"2024-05-02 09:15:01.120\", \"status\": \"Success\", \"eventType\": \"Connect\", "
                + "\"clientId\": \"sensor-0001\", \"principalId\": \"" + CERT_1 + "\", \"sourceIp\": \"203.0.113.10\", "
                + "\"sourcePort\": 13490}";

        // When
        ParsedLine result = parser.parse(BROKER, line, RECORD_TS);

        // Then
        assertThat(result).isEqualTo(new ParsedLine.Events(List.of(
                anAuthEvent(EventIds.of(LogFormat.AWS_IOT, BROKER, RECORD_TS, line, 0), "sensor-0001",
                        Instant.parse("2024-05-02T09:15:01.120Z"))
                        .withBrokerId(BROKER).withOrigin("aws-iot").withMethod(AuthMethod.MTLS)
                        .withPrincipal(CERT_1).withSourceIp("203.0.113.10").build())));
    }

    @Test
    void shouldTurnAPublishInIntoWholeTelemetryMappedByPrincipal() {
        // Given
        AwsIotLogParser byPrincipal = new AwsIotLogParser(IdentityMapping.of("principal", null));
        String line = "{\"timestamp\": \"2024-05-02 09:16:10.551\", \"status\": \"Failure\", \"eventType\": \"Publish-In\", "
                + "\"topicName\": \"factory/firmware/update\", \"clientId\": \"sensor-0001\", \"principalId\": \"" + CERT_1
                + "\", \"sourceIp\": \"203.0.113.10\", \"reason\": \"AUTHORIZATION_FAILURE\"}";

        // When
        ParsedLine result = byPrincipal.parse(BROKER, line, RECORD_TS);

        // Then
        assertThat(result).isEqualTo(new ParsedLine.Events(List.of(
                aTelemetry(EventIds.of(LogFormat.AWS_IOT, BROKER, RECORD_TS, line, 0), CERT_1,
                        Instant.parse("2024-05-02T09:16:10.551Z"))
                        .withBrokerId(BROKER).withClientId("sensor-0001").withPrincipal(CERT_1)
                        .withSourceIp("203.0.113.10").withDestination("factory/firmware/update").withBytes(0).build())));
    }

    @Test
    void shouldRejectEntriesWithWrongTypesOrMissingParts() {
        assertThat(parser.parse(BROKER, "{\"eventType\": \"Connect\", \"clientId\": 7}", 1))
                .isEqualTo(new ParsedLine.Reject("wrong-field-type"));
        assertThat(parser.parse(BROKER, "{\"eventType\": [\"Connect\"]}", 1))
                .isEqualTo(new ParsedLine.Reject("wrong-field-type"));
        assertThat(parser.parse(BROKER, "{\"status\": \"Success\"}", 1)).isEqualTo(new ParsedLine.Reject("missing-field"));
        assertThat(parser.parse(BROKER, "{\"eventType\": \"Connect\", \"timestamp\": \"10/08/2017\"}", 1))
                .isEqualTo(new ParsedLine.Reject("bad-timestamp"));
        assertThat(parser.parse(BROKER, "{\"eventType\": \"Publish-In\", \"topicName\": \" \"}", 1))
                .isEqualTo(new ParsedLine.Reject("missing-field"));
        assertThat(parser.parse(BROKER, "{\"eventType\": \"Connect\", \"principalId\": \"a\", \"principalId\": \"b\"}", 1))
                .isEqualTo(new ParsedLine.Reject("invalid-json"));
        assertThat(parser.parse(BROKER, "{\"eventType\": \"Connect\"} {}", 1)).isEqualTo(new ParsedLine.Reject("invalid-json"));
        assertThat(parser.parse(BROKER, "\"Connect\"", 1)).isEqualTo(new ParsedLine.Reject("not-a-json-object"));
    }

    @Test
    void shouldUseTheRecordTimeWhenTheEntryHasNone() {
        // Given
        String line = "{\"eventType\": \"Connect\", \"status\": \"Failure\", \"clientId\": \"c\", \"reason\": \"THROTTLED\"}";

        // When
        ParsedLine result = parser.parse(BROKER, line, RECORD_TS);

        // Then
        assertThat(result).isEqualTo(new ParsedLine.Events(List.of(
                anAuthEvent(EventIds.of(LogFormat.AWS_IOT, BROKER, RECORD_TS, line, 0), "c",
                        Instant.ofEpochMilli(RECORD_TS))
                        .withBrokerId(BROKER).withOrigin("aws-iot").withMethod(AuthMethod.NONE).withSourceIp(null)
                        .failure("connect-failed: THROTTLED").build())));
    }
}
