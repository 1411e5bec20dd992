package io.fleetguard.ingest;

import io.fleetguard.schema.AuthMethod;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static io.fleetguard.ingest.MosquittoFeed.BROKER;
import static io.fleetguard.ingest.MosquittoFeed.eventId;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

class MosquittoLogParserTest {

    private static final Instant T = Instant.ofEpochSecond(1_700_000_000L);
    private static final String ACCEPT = "1700000000: New connection from 10.1.2.3:50000 on port 1883.";
    private static final String ACCEPT_TLS = "1700000000: New connection from 10.1.2.4:50001 on port 8883.";

    private final MosquittoFeed feed = new MosquittoFeed(MosquittoSettings.defaults()
            .withIdentityListenerPorts(Set.of(8883)));

    @Test
    void shouldTurnAPasswordLoginIntoASuccessWithTheUsernameAsPrincipal() {
        // Given
        String connected = "1700000000: New client connected from 10.1.2.3:50000 as sensor-0001 "
                + "(p2, c1, k60, u'sensor-0001').";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(ACCEPT, connected);

        // Then
        assertThat(events).containsExactly(mosquittoAuth(connected, 0, "sensor-0001")
                .withMethod(AuthMethod.PASSWORD).withPrincipal("sensor-0001").withSourceIp("10.1.2.3").build());
        assertThat(feed.state().pendingConnections()).isZero();
        assertThat(feed.state().sessions()).isEqualTo(1);
    }

    @Test
    void shouldTreatAUsernameOnAnIdentityListenerAsACertificateCnAndMtls() {
        // Given
        String connected = "1700000000: New client connected from 10.1.2.4:50001 as sensor-0003 "
                + "(p5, c1, k60, u'sensor-0003').";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(ACCEPT_TLS, connected);

        // Then
        assertThat(events).containsExactly(mosquittoAuth(connected, 0, "sensor-0003")
                .withMethod(AuthMethod.MTLS).withPrincipal("sensor-0003").withSourceIp("10.1.2.4").build());
    }

    @Test
    void shouldReportALoginWithoutUsernameAsMethodNone() {
        // Given
        String connected = "1700000000: New client connected from 10.1.2.3:50000 as probe-1 (p2, c1, k60).";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(ACCEPT, connected);

        // Then
        assertThat(events).containsExactly(mosquittoAuth(connected, 0, "probe-1")
                .withMethod(AuthMethod.NONE).withSourceIp("10.1.2.3").build());
    }

    @Test
    void shouldAttributeAnUnknownClientsRefusalToTheConnectionItsConnackNamed() {
        // Given two accepted connections, and a refusal addressed to the first one's IP
        String refused = "1700000000: Client <unknown> disconnected, not authorised.";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(ACCEPT,
                "1700000000: New connection from 10.9.9.9:40000 on port 1883.",
                "1700000000: Sending CONNACK to 10.1.2.3 (0, 5)", refused);

        // Then
        assertThat(events).containsExactly(mosquittoAuth(refused, 0, "<unknown>").withClientId(null)
                .withMethod(AuthMethod.NONE).failure("not-authorised (CONNACK 5)").withSourceIp("10.1.2.3").build());
        assertThat(feed.state().pendingConnections()).isEqualTo(1);
        assertThat(feed.state().refusal()).isEmpty();
    }

    @Test
    void shouldReportBadCredentialsAsAPasswordFailure() {
        // Given
        String refused = "1700000000: Client <unknown> disconnected, not authorised.";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(ACCEPT, "1700000000: Sending CONNACK to 10.1.2.3 (0, 134)",
                refused);

        // Then
        assertThat(events).containsExactly(mosquittoAuth(refused, 0, "<unknown>").withClientId(null)
                .withMethod(AuthMethod.PASSWORD).failure("bad-username-or-password (CONNACK 134)")
                .withSourceIp("10.1.2.3").build());
    }

    @Test
    void shouldCorrelateARefusalWithTheLatestConnectionWhenNoDebugLineNamesIt() {
        // Given
        String refused = "1700000000: Client <unknown> disconnected, not authorised.";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(
                "1700000000: New connection from 10.9.9.9:40000 on port 1883.", ACCEPT, refused);

        // Then
        assertThat(events).containsExactly(mosquittoAuth(refused, 0, "<unknown>").withClientId(null)
                .withMethod(AuthMethod.NONE).failure("not-authorised").withSourceIp("10.1.2.3").build());
    }

    @Test
    void shouldReportTheDisplacedSessionOfAClientIdTakeoverNamingTheNewPrincipal() {
        // Given sensor-0002 is connected as itself from 10.1.2.3
        feed.feed(ACCEPT);
        feed.feed("1700000000: New client connected from 10.1.2.3:50000 as sensor-0002 (p2, c1, k60, u'sensor-0002').");
        feed.feed("1700000001: New connection from 10.6.6.6:41000 on port 1883.");
        ParsedLine announced = feed.feed("1700000001: Client sensor-0002 already connected, closing old connection.");
        String takeover = "1700000001: New client connected from 10.6.6.6:41000 as sensor-0002 "
                + "(p2, c1, k60, u'sensor-0001').";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(takeover);

        // Then
        assertThat(announced).isEqualTo(new ParsedLine.Skip("client-id-takeover-announced"));
        Instant t1 = T.plusSeconds(1);
        assertThat(events).containsExactly(
                anAuthEvent(eventId(takeover, feed.lastRecordTimestamp(), 0), "sensor-0002", t1)
                        .withBrokerId(BROKER).withOrigin("mosquitto").withMethod(AuthMethod.PASSWORD)
                        .withPrincipal("sensor-0002").withSourceIp("10.1.2.3")
                        .failure("client-id-takeover: by sensor-0001 from 10.6.6.6 via PASSWORD").build(),
                anAuthEvent(eventId(takeover, feed.lastRecordTimestamp(), 1), "sensor-0002", t1)
                        .withBrokerId(BROKER).withOrigin("mosquitto").withMethod(AuthMethod.PASSWORD)
                        .withPrincipal("sensor-0001").withSourceIp("10.6.6.6").build());
    }

    @Test
    void shouldTurnAReceivedPublishIntoTelemetryOfTheSessionsPrincipal() {
        // Given
        feed.feed(ACCEPT);
        feed.feed("1700000000: New client connected from 10.1.2.3:50000 as sensor-0001 (p2, c1, k60, u'sensor-0001').");
        MosquittoState before = feed.state();
        String publish = "1700000002: Received PUBLISH from sensor-0001 (d0, q1, r0, m7, "
                + "'devices/sensor-0001/telemetry', ... (42 bytes))";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(publish);

        // Then
        assertThat(events).containsExactly(
                aTelemetry(eventId(publish, feed.lastRecordTimestamp(), 0), "sensor-0001", T.plusSeconds(2))
                        .withBrokerId(BROKER).withPrincipal("sensor-0001").withSourceIp("10.1.2.3").withBytes(42)
                        .build());
        assertThat(feed.state()).isSameAs(before);
    }

    @Test
    void shouldTurnADeniedPublishIntoTelemetryToTheForbiddenDestination() {
        // Given
        feed.feed(ACCEPT_TLS);
        feed.feed("1700000000: New client connected from 10.1.2.4:50001 as sensor-0003 (p2, c1, k60, u'sensor-0003').");
        String denied = "1700000003: Denied PUBLISH from sensor-0003 (d0, q0, r0, m0, 'factory/firmware/update', "
                + "... (10 bytes))";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(denied);

        // Then
        assertThat(events).containsExactly(
                aTelemetry(eventId(denied, feed.lastRecordTimestamp(), 0), "sensor-0003", T.plusSeconds(3))
                        .withBrokerId(BROKER).withPrincipal("sensor-0003").withSourceIp("10.1.2.4")
                        .withDestination("factory/firmware/update").withBytes(10).build());
    }

    @Test
    void shouldSendTelemetryOfAnUnknownSessionWithoutPrincipalOrAddress() {
        // Given
        String publish = "1700000000: Received PUBLISH from ghost (d0, q0, r0, m0, 'a/b', ... (1 bytes))";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(publish);

        // Then
        assertThat(events).containsExactly(aTelemetry(eventId(publish, feed.lastRecordTimestamp(), 0), "ghost", T)
                .withBrokerId(BROKER).withSourceIp(null).withDestination("a/b").withBytes(1).build());
    }

    @Test
    void shouldCountEveryKindOfDisconnectAndForgetTheSession() {
        String[][] cases = {
                {"Client c disconnected.", "disconnect:clean"},
                {"Client c closed its connection.", "disconnect:closed"},
                {"Client c has exceeded timeout, disconnecting.", "disconnect:timeout"},
                {"Client c disconnected due to protocol error.", "disconnect:protocol-error"},
                {"Client c disconnected due to malformed packet.", "disconnect:protocol-error"},
                {"Client c disconnected due to oversize payload.", "disconnect:oversize"},
                {"Client c disconnected due to out of memory.", "disconnect:other"},
                {"Client c been disconnected by administrative action.", "disconnect:administrative"},
                {"Client c disconnected: Connection reset by peer.", "disconnect:socket-error"},
                {"Bad socket read/write on client c: Unknown error", "disconnect:socket-error"}};
        for (String[] c : cases) {
            // Given
            feed.feed(ACCEPT);
            feed.feed("1700000000: New client connected from 10.1.2.3:50000 as c (p2, c1, k60).");

            // When
            ParsedLine result = feed.feed("1700000001: " + c[0]);

            // Then
            assertThat(result).as(c[0]).isEqualTo(new ParsedLine.Skip(c[1]));
            assertThat(feed.state().sessions()).as(c[0]).isZero();
        }
    }

    @Test
    void shouldReportAFailedTlsHandshakeOnTheCertificateListener() {
        // Given
        String tls = "1700000000: OpenSSL Error[0]: error:0A0000C7:SSL routines::peer did not return a certificate";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(ACCEPT_TLS, ACCEPT, tls);

        // Then
        assertThat(events).containsExactly(mosquittoAuth(tls, 0, "<unknown>").withClientId(null)
                .withMethod(AuthMethod.MTLS).failure("tls-handshake-failed: peer did not return a certificate")
                .withSourceIp("10.1.2.4").build());
        ParsedLine detail = feed.feed("1700000000: OpenSSL Error[1]: error:0A000086:SSL routines::certificate verify failed");
        ParsedLine closed = feed.feed("1700000000: Client <unknown> disconnected: Protocol error.");
        assertThat(detail).isEqualTo(new ParsedLine.Skip("tls-error-detail"));
        assertThat(closed).isEqualTo(new ParsedLine.Skip("disconnect:socket-error"));
    }

    @Test
    void shouldNotInventAnAttemptForATlsErrorWithoutAConnection() {
        // When
        ParsedLine result = feed.feed("1700000000: OpenSSL Error[0]: error:80000002:system library::No such file");

        // Then
        assertThat(result).isEqualTo(new ParsedLine.Skip("tls-error-unattributed"));
    }

    @Test
    void shouldReadAnIsoTimestampInTheConfiguredZoneAndACustomPattern() {
        // Given
        MosquittoFeed iso = new MosquittoFeed(MosquittoSettings.defaults().withZone(ZoneId.of("Europe/Paris"), null));
        MosquittoFeed custom = new MosquittoFeed(MosquittoSettings.defaults()
                .withZone(ZoneId.of("UTC"), "dd/MM/yyyy HH:mm:ss"));
        String isoLine = "2023-11-14T23:13:20: Received PUBLISH from c (d0, q0, r0, m0, 't', ... (1 bytes))";
        String customLine = "14/11/2023 22:13:20: Received PUBLISH from c (d0, q0, r0, m0, 't', ... (1 bytes))";

        // When
        SpecificRecord fromIso = iso.eventsOfLast(isoLine).get(0);
        SpecificRecord fromCustom = custom.eventsOfLast(customLine).get(0);

        // Then
        assertThat(field(fromIso, "timestamp")).isEqualTo(T);
        assertThat(field(fromCustom, "timestamp")).isEqualTo(T);
    }

    @Test
    void shouldSkipHarmlessLinesByKind() {
        assertThat(feed.feed("1700000000: mosquitto version 2.0.11 starting")).isEqualTo(new ParsedLine.Skip("lifecycle"));
        assertThat(feed.feed("1700000000: Opening ipv4 listen socket on port 1883.")).isEqualTo(new ParsedLine.Skip("lifecycle"));
        assertThat(feed.feed("1700000000: No will message specified.")).isEqualTo(new ParsedLine.Skip("will"));
        assertThat(feed.feed("1700000000: Sending CONNACK to c (0, 0)")).isEqualTo(new ParsedLine.Skip("mqtt-packet"));
        assertThat(feed.feed("1700000000: Received SUBSCRIBE from c")).isEqualTo(new ParsedLine.Skip("mqtt-packet"));
        assertThat(feed.feed("1700000000: \ta/b (QoS 0)")).isEqualTo(new ParsedLine.Skip("subscription-detail"));
        assertThat(feed.feed("1700000000: something new")).isEqualTo(new ParsedLine.Skip("unrecognised"));
        assertThat(feed.feed(ACCEPT)).isEqualTo(new ParsedLine.Skip("connection-accepted"));
    }

    @Test
    void shouldRejectMalformedSecurityLinesAndLinesWithoutATimestamp() {
        assertThat(feed.feed("1700000000: New client connected from 10.1.2.3:50000 as c"))
                .isEqualTo(new ParsedLine.Reject("malformed-connection-line"));
        assertThat(feed.feed("1700000000: New connection from nowhere on port x."))
                .isEqualTo(new ParsedLine.Reject("malformed-connection-line"));
        assertThat(feed.feed("1700000000: Denied PUBLISH from c (garbage"))
                .isEqualTo(new ParsedLine.Reject("malformed-publish-line"));
        assertThat(feed.feed("New connection from 10.1.2.3:50000 on port 1883."))
                .isEqualTo(new ParsedLine.Reject("bad-timestamp"));
        assertThat(feed.feed("Time error: New connection from 10.1.2.3:50000 on port 1883."))
                .isEqualTo(new ParsedLine.Reject("bad-timestamp"));
    }

    @Test
    void shouldStillReportALoginWhoseLineTheBrokerCutOff() {
        // Given a client id long enough to push the username out of Mosquitto's 999-byte line
        String prefix = "1700000000: New client connected from 10.1.2.3:50000 as ";
        String truncated = prefix + "x".repeat(MosquittoLine.BROKER_LINE_LIMIT_BYTES - prefix.length());

        // When
        List<SpecificRecord> events = feed.eventsOfLast(ACCEPT, truncated);

        // Then
        String clientId = "x".repeat(SafeFields.MAX_LENGTH) + "…";
        assertThat(events).containsExactly(mosquittoAuth(truncated, 0, clientId).withClientId(clientId)
                .withMethod(AuthMethod.NONE).withSourceIp("10.1.2.3").build());
    }

    @Test
    void shouldReadAClientIdThatImitatesTheLinesTailAsClientIdNotAsUsername() {
        // Given an anonymous client whose id pretends to carry the admin username
        String connected = "1700000000: New client connected from 10.1.2.3:50000 as dev (p2, c1, k60, u'admin') "
                + "(p2, c1, k60).";

        // When
        List<SpecificRecord> events = feed.eventsOfLast(ACCEPT, connected);

        // Then
        String clientId = "dev (p2, c1, k60, u'admin')";
        assertThat(events).containsExactly(mosquittoAuth(connected, 0, clientId).withClientId(clientId)
                .withMethod(AuthMethod.NONE).withSourceIp("10.1.2.3").build());
    }

    @Test
    void shouldNotAttributeAPublishToAVictimWhoseIdPrefixesTheClaimedOne() {
        // Given sensor-0001 is connected; a client publishes with an id that starts like a whole line tail
        feed.feed(ACCEPT);
        feed.feed("1700000000: New client connected from 10.1.2.3:50000 as sensor-0001 (p2, c1, k60, u'sensor-0001').");
        String forged = "1700000000: Received PUBLISH from sensor-0001 (d0, q0, r0, m0, 'x', ... (1 bytes)) y "
                + "(d0, q0, r0, m0, 'devices/sensor-0001/telemetry', ... (5 bytes))";

        // When
        SpecificRecord event = feed.eventsOfLast(forged).get(0);

        // Then
        assertThat(field(event, "clientId")).isEqualTo("sensor-0001 (d0, q0, r0, m0, 'x', ... (1 bytes)) y");
        assertThat(field(event, "principal")).isNull();
    }

    @Test
    void shouldGiveTheSameEventIdsOnReplayAndDifferentOnesForADifferentRecord() {
        // Given
        String connected = "1700000000: New client connected from 10.1.2.3:50000 as c (p2, c1, k60).";
        MosquittoLogParser parser = new MosquittoLogParser(MosquittoSettings.defaults());

        // When
        Object first = field(events(parser.parse(BROKER, connected, 1L, MosquittoState.EMPTY)).get(0), "eventId");
        Object replay = field(events(parser.parse(BROKER, connected, 1L, MosquittoState.EMPTY)).get(0), "eventId");
        Object other = field(events(parser.parse(BROKER, connected, 2L, MosquittoState.EMPTY)).get(0), "eventId");

        // Then
        assertThat(replay).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void shouldMapDeviceIdsByTheConfiguredRule() {
        // Given
        MosquittoFeed byUsername = new MosquittoFeed(MosquittoSettings.defaults()
                .withMapping(IdentityMapping.of("username", "(sensor-\\d+)@fleet")));
        String connected = "1700000000: New client connected from 10.1.2.3:50000 as c-77 "
                + "(p2, c1, k60, u'sensor-0001@fleet').";

        // When
        SpecificRecord event = byUsername.eventsOfLast(ACCEPT, connected).get(0);

        // Then
        assertThat(field(event, "deviceId")).isEqualTo("sensor-0001");
        assertThat(field(event, "principal")).isEqualTo("sensor-0001@fleet");
    }

    private static Object field(SpecificRecord record, String name) {
        return ((GenericRecord) record).get(name);
    }

    private static List<SpecificRecord> events(ParseOutcome<MosquittoState> outcome) {
        return ((ParsedLine.Events) outcome.result()).authEventsAndTelemetry();
    }

    private io.fleetguard.testdata.AuthEventBuilder mosquittoAuth(String line, int ordinal, String deviceId) {
        return anAuthEvent(eventId(line, feed.lastRecordTimestamp(), ordinal), deviceId, T)
                .withBrokerId(BROKER).withOrigin("mosquitto");
    }
}
