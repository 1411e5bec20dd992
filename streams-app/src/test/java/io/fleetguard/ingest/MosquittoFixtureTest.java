package io.fleetguard.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logs scripts/mosquitto/capture-fixtures.sh captured from a real Mosquitto 2.0 broker parse
 * into exactly the events its scenarios imply (see the fixture README for the scenario list).
 */
class MosquittoFixtureTest {

    /** The capture script's TLS listener: require_certificate + use_identity_as_username. */
    private static final int TLS_IDENTITY_PORT = 18832;

    private static final List<String> EXPECTED = List.of(
            // 1-2 good password logins and their telemetry
            "AUTH sensor-0001 SUCCESS PASSWORD principal=sensor-0001 ip=127.0.0.1",
            "TELEMETRY sensor-0001 principal=sensor-0001 ip=127.0.0.1 -> devices/sensor-0001/telemetry (10 bytes)",
            "AUTH sensor-0002 SUCCESS PASSWORD principal=sensor-0002 ip=127.0.0.1",
            "TELEMETRY sensor-0002 principal=sensor-0002 ip=127.0.0.1 -> devices/sensor-0002/telemetry (10 bytes)",
            // 3-5 wrong password (3.1.1 and 5) and unknown user: Mosquitto names nobody
            "AUTH <unknown> FAILURE NONE principal=null ip=127.0.0.1 not-authorised (CONNACK 5)",
            "AUTH <unknown> FAILURE NONE principal=null ip=127.0.0.1 not-authorised (CONNACK 135)",
            "AUTH <unknown> FAILURE NONE principal=null ip=127.0.0.1 not-authorised (CONNACK 5)",
            // 6 factory-default admin
            "AUTH cam-setup SUCCESS PASSWORD principal=admin ip=127.0.0.1",
            "TELEMETRY cam-setup principal=admin ip=127.0.0.1 -> devices/sensor-0001/cmd/reboot (10 bytes)",
            // 7 client-id takeover by another user
            "AUTH sensor-0002 SUCCESS PASSWORD principal=sensor-0002 ip=127.0.0.1",
            "AUTH sensor-0002 FAILURE PASSWORD principal=sensor-0002 ip=127.0.0.1 "
                    + "client-id-takeover: by sensor-0001 from 127.0.0.1 via PASSWORD",
            "AUTH sensor-0002 SUCCESS PASSWORD principal=sensor-0001 ip=127.0.0.1",
            "TELEMETRY sensor-0002 principal=sensor-0001 ip=127.0.0.1 -> devices/sensor-0001/telemetry (10 bytes)",
            // 8 publishes outside the ACL
            "AUTH sensor-0001 SUCCESS PASSWORD principal=sensor-0001 ip=127.0.0.1",
            "TELEMETRY sensor-0001 principal=sensor-0001 ip=127.0.0.1 -> devices/sensor-0002/telemetry (10 bytes)",
            "AUTH sensor-0001 SUCCESS PASSWORD principal=sensor-0001 ip=127.0.0.1",
            "TELEMETRY sensor-0001 principal=sensor-0001 ip=127.0.0.1 -> factory/firmware/update (10 bytes)",
            // 9 TLS client certificate CN=sensor-0003, in and outside its ACL
            "AUTH sensor-0003 SUCCESS MTLS principal=sensor-0003 ip=127.0.0.1",
            "TELEMETRY sensor-0003 principal=sensor-0003 ip=127.0.0.1 -> devices/sensor-0003/telemetry (10 bytes)",
            "AUTH sensor-0003 SUCCESS MTLS principal=sensor-0003 ip=127.0.0.1",
            "TELEMETRY sensor-0003 principal=sensor-0003 ip=127.0.0.1 -> devices/sensor-0001/telemetry (10 bytes)",
            // 10-11 TLS without a certificate, and with one from an untrusted CA
            "AUTH <unknown> FAILURE MTLS principal=null ip=127.0.0.1 "
                    + "tls-handshake-failed: peer did not return a certificate",
            "AUTH <unknown> FAILURE MTLS principal=null ip=127.0.0.1 tls-handshake-failed: certificate verify failed");

    private static final Map<String, Integer> EXPECTED_SKIPS = new TreeMap<>(Map.ofEntries(
            Map.entry("lifecycle", 6),
            Map.entry("connection-accepted", 14),
            Map.entry("will", 9),
            Map.entry("mqtt-packet", 20),
            Map.entry("connack-refused", 3),
            Map.entry("client-id-takeover-announced", 1),
            Map.entry("subscription-detail", 1),
            Map.entry("unrecognised", 1),
            Map.entry("disconnect:clean", 8),
            Map.entry("disconnect:socket-error", 2)));

    @ParameterizedTest
    @ValueSource(strings = {"mosquitto-2.0-epoch.log", "mosquitto-2.0-iso8601.log"})
    void shouldParseTheCapturedLogIntoTheScenariosEvents(String fixture) throws IOException {
        // Given
        List<String> lines = Described.fixture("mosquitto/" + fixture);
        MosquittoFeed feed = new MosquittoFeed(MosquittoSettings.defaults()
                .withIdentityListenerPorts(Set.of(TLS_IDENTITY_PORT)));
        Map<String, Integer> skips = new TreeMap<>();
        List<String> events = new ArrayList<>();

        // When
        for (String line : lines) {
            ParsedLine result = feed.feed(line);
            if (result instanceof ParsedLine.Events e) {
                e.authEventsAndTelemetry().forEach(event -> events.add(Described.event(event)));
            } else if (result instanceof ParsedLine.Skip s) {
                skips.merge(s.kind(), 1, Integer::sum);
            } else {
                throw new AssertionError(fixture + ": " + result + " for " + line);
            }
        }

        // Then
        assertThat(events).containsExactlyElementsOf(EXPECTED);
        assertThat(skips).isEqualTo(EXPECTED_SKIPS);
        assertThat(feed.state().pendingConnections()).isZero();
    }
}
