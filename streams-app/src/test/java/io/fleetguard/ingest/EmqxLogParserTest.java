package io.fleetguard.ingest;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthMethod;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

class EmqxLogParserTest {

    private static final String BROKER = "emqx-eu-1";
    private static final long RECORD_TS = 1_710_929_999_000L;

    private final EmqxLogParser parser = new EmqxLogParser(IdentityMapping.byClientId());

    @ParameterizedTest
    @ValueSource(strings = {"emqx-5-text.log", "emqx-5-json.log"})
    void shouldParseBothFormattersDocumentedLinesIntoTheSameResults(String fixture) throws IOException {
        // Given
        List<String> lines = Described.fixture("emqx/" + fixture);

        // When
        List<String> results = new ArrayList<>();
        for (String line : lines) {
            ParsedLine result = parser.parse(BROKER, line, RECORD_TS);
            if (result instanceof ParsedLine.Events e) {
                e.authEventsAndTelemetry().forEach(event -> results.add(Described.event(event)));
            } else if (result instanceof ParsedLine.Throttled t) {
                results.add("THROTTLED " + new TreeMap<>(t.droppedByMessage()));
            } else {
                results.add(result.toString());
            }
        }

        // Then
        assertThat(results).containsExactly(
                "Skip[kind=mqtt-packet]",
                "AUTH sensor-0001 SUCCESS PASSWORD principal=sensor-0001 ip=10.20.0.11",
                "TELEMETRY sensor-0001 principal=sensor-0001 ip=10.20.0.11 -> factory/firmware/update (0 bytes)",
                "Skip[kind=publish-denied-detail]",
                "AUTH cam-setup FAILURE PASSWORD principal=admin ip=198.51.100.7 bad-username-or-password",
                "Skip[kind=subscribe-denied]",
                "THROTTLED {authentication_failure=14, authorization_permission_denied=4}",
                "AUTH sensor-0002 FAILURE PASSWORD principal=sensor-0002 ip=10.20.0.12 "
                        + "client-id-takeover: {shutdown,takenover}",
                "Skip[kind=disconnect]");
    }

    @Test
    void shouldTurnAnAuthenticationFailureIntoAWholeFailedAuthEvent() {
        // Given
        String line = "2024-03-20T11:09:02.004100+01:00 [warning] tag: AUTHN, clientid: cam-setup, "
                + "msg: authentication_failure, peername: 198.51.100.7:51522, username: admin, reason: not_authorized";

        // When
        ParsedLine result = parser.parse(BROKER, line, RECORD_TS);

        // Then
        assertThat(result).isEqualTo(new ParsedLine.Events(List.of(
                anAuthEvent(EventIds.of(LogFormat.EMQX, BROKER, RECORD_TS, line, 0), "cam-setup",
                        Instant.parse("2024-03-20T10:09:02.004Z"))
                        .withBrokerId(BROKER).withOrigin("emqx").withMethod(AuthMethod.PASSWORD)
                        .withPrincipal("admin").withSourceIp("198.51.100.7").failure("not-authorised").build())));
    }

    @Test
    void shouldTurnADeniedPublishIntoWholeTelemetryAndReadIpv6Peers() {
        // Given
        String line = "{\"time\":1710929319568980,\"level\":\"warning\",\"msg\":\"cannot_publish_to_topic_due_to_not_authorized\","
                + "\"clientid\":\"sensor-0001\",\"peername\":\"2001:db8::11:47860\",\"topic\":\"a/b\",\"reason\":\"not_authorized\"}";

        // When
        ParsedLine result = parser.parse(BROKER, line, RECORD_TS);

        // Then
        SpecificRecord expected = aTelemetry(EventIds.of(LogFormat.EMQX, BROKER, RECORD_TS, line, 0), "sensor-0001",
                Instant.parse("2024-03-20T10:08:39.568Z"))
                .withBrokerId(BROKER).withSourceIp("2001:db8::11").withDestination("a/b").withBytes(0).build();
        assertThat(result).isEqualTo(new ParsedLine.Events(List.of(expected)));
    }

    @Test
    void shouldRejectATextLineThatNamesAFieldTwice() {
        // Given a client id carrying its own ", username: admin" (the text formatter does not escape)
        String line = "2024-03-20T11:09:02.004100+01:00 [warning] clientid: x, username: admin, "
                + "msg: authentication_failure, peername: 198.51.100.7:51522, username: bob, reason: not_authorized";

        // Then
        assertThat(parser.parse(BROKER, line, RECORD_TS)).isEqualTo(new ParsedLine.Reject("duplicate-field"));
    }

    @Test
    void shouldRejectJsonWithDuplicateMembersOrWrongTypes() {
        assertThat(parser.parse(BROKER, "{\"msg\":\"authentication_failure\",\"username\":\"a\",\"username\":\"b\"}", 1))
                .isEqualTo(new ParsedLine.Reject("invalid-json"));
        assertThat(parser.parse(BROKER, "{\"msg\":\"authentication_failure\",\"clientid\":42}", 1))
                .isEqualTo(new ParsedLine.Reject("wrong-field-type"));
        assertThat(parser.parse(BROKER, "{\"msg\":\"authentication_failure\",\"time\":{\"s\":1}}", 1))
                .isEqualTo(new ParsedLine.Reject("wrong-field-type"));
        assertThat(parser.parse(BROKER, "{\"msg\":\"log_events_throttled_during_last_period\",\"dropped\":[1]}", 1))
                .isEqualTo(new ParsedLine.Reject("wrong-field-type"));
        assertThat(parser.parse(BROKER, "[\"msg\"]", 1)).isEqualTo(new ParsedLine.Reject("not-this-log-format"));
        assertThat(parser.parse(BROKER, "{\"level\":\"warning\"}", 1)).isEqualTo(new ParsedLine.Reject("missing-field"));
    }

    @Test
    void shouldRejectLinesOfAnotherShapeOrWithABadTimestamp() {
        assertThat(parser.parse(BROKER, "1700000000: New connection from 1.2.3.4:5 on port 1883.", 1))
                .isEqualTo(new ParsedLine.Reject("not-this-log-format"));
        assertThat(parser.parse(BROKER, "yesterday [warning] msg: authentication_failure", 1))
                .isEqualTo(new ParsedLine.Reject("bad-timestamp"));
    }

    @Test
    void shouldReadEpochMicrosecondTextTimestampsAndFallBackToTheRecordTime() {
        // Given
        String epochText = "1710929342004100 [warning] clientid: c, msg: authentication_failure, reason: x";
        String noTime = "{\"msg\":\"authentication_failure\",\"clientid\":\"c\"}";

        // When
        AuthEvent fromEpoch = onlyAuth(parser.parse(BROKER, epochText, 1));
        AuthEvent fromRecord = onlyAuth(parser.parse(BROKER, noTime, RECORD_TS));

        // Then
        assertThat(fromEpoch.getTimestamp()).isEqualTo(Instant.parse("2024-03-20T10:09:02.004Z"));
        assertThat(fromEpoch.getFailureReason()).isEqualTo("authentication-failure: x");
        assertThat(fromRecord.getTimestamp()).isEqualTo(Instant.ofEpochMilli(RECORD_TS));
        assertThat(fromRecord.getMethod()).isEqualTo(AuthMethod.NONE);
    }

    @Test
    void shouldNotCountARefusedConnackTwice() {
        String refused = "2024-03-20T11:08:30.102800+01:00 [debug] clientid: c, msg: mqtt_packet_sent, "
                + "peername: 10.0.0.1:1, packet: CONNACK(Q0, R0, D0, AckFlags=0, ReasonCode=134)";
        assertThat(parser.parse(BROKER, refused, 1)).isEqualTo(new ParsedLine.Skip("connack-refused"));
    }

    private static AuthEvent onlyAuth(ParsedLine result) {
        List<SpecificRecord> events = ((ParsedLine.Events) result).authEventsAndTelemetry();
        assertThat(events).hasSize(1);
        return (AuthEvent) events.get(0);
    }
}
