package io.fleetguard.replay;

import io.fleetguard.feed.JsonLines;
import io.fleetguard.ingest.LogFormat;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.CredentialType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.TrustTier;
import io.fleetguard.topology.BrokerLogExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw broker logs replayed offline through the app's broker-log normalizer: the captured Mosquitto
 * scenarios raise the alerts the topology raises for them live (BrokerLogTopologyTest, BrokerLogIT).
 */
class OfflineReplayBrokerLogTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-01T00:00:00Z");
    /** The capture script's TLS listener: require_certificate + use_identity_as_username. */
    private static final Map<String, String> SETTINGS = Map.of("ingest.mosquitto.identity.ports", "18832");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @ParameterizedTest
    @ValueSource(strings = {"mosquitto-2.0-epoch.log", "mosquitto-2.0-iso8601.log"})
    void shouldRaiseTheAlertsTheTopologyRaisesForTheCapturedMosquittoLog(String fixture) throws Exception {
        // Given the registry of BrokerLogTopologyTest and the captured log of broker mqtt-1, named after it
        ReplayFile registry = registry(REGISTERED);
        Path log = copy("mosquitto/" + fixture, "mqtt-1.log");

        // When it is replayed offline, the broker id taken from the file name
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        OfflineReport report = replay(List.of(registry), List.of(BrokerLog.of(log, LogFormat.MOSQUITTO, null)), stdout);

        // Then exactly the fixture's alerts, from events of broker mqtt-1, and nothing rejected
        List<IdentityAlert> alerts = decode(stdout);
        assertThat(alerts).extracting(OfflineReplayBrokerLogTest::line).containsExactlyElementsOf(BrokerLogExpectations.ALERTS);
        assertThat(alerts).filteredOn(a -> line(a).equals("UNKNOWN_DEVICE HIGH cam-setup cam-setup")).singleElement()
                .satisfies(a -> assertThat(a.getEvidence()).containsEntry("brokerId", "mqtt-1"));
        assertThat(report.brokerLogLines()).isEqualTo(87);
        assertThat(report.malformed() + report.deadLetters()).isZero();
        assertThat(dir.resolve("rejects.jsonl")).isEmptyFile();
    }

    @Test
    void shouldParseEachLogInTheFormatGivenWithItWhateverTheIngestSettingsSay() throws Exception {
        // Given settings that would read every broker below in another format
        Map<String, String> settings = Map.of("ingest.mosquitto.identity.ports", "18832",
                "ingest.formats", "mqtt-1:aws-iot, edge-7:mosquitto", "ingest.default.format", "emqx");
        Path mosquitto = copy("mosquitto/mosquitto-2.0-epoch.log", "mqtt-1.log");
        Path emqx = copy("emqx/emqx-5-json.log", "edge-7.log");
        Path aws = copy("aws-iot/aws-iot-v2.jsonl", "aws-eu.jsonl");

        // When the three logs are replayed with their own formats
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        OfflineReport report = replay(List.of(registry(REGISTERED)), List.of(BrokerLog.of(mosquitto, LogFormat.MOSQUITTO, null),
                BrokerLog.of(emqx, LogFormat.EMQX, null), BrokerLog.of(aws, LogFormat.AWS_IOT, null)), settings, stdout);

        // Then every line is understood, and the devices (registered only in 2026) are unknown in the 2024 logs
        assertThat(report.malformed() + report.deadLetters()).isZero();
        assertThat(report.brokerLogLines()).isEqualTo(87 + 9 + 10);
        List<IdentityAlert> alerts = decode(stdout);
        List<String> expected = new ArrayList<>(List.of(
                // EMQX, March 2024: a login, the default admin tried, a takeover; the denied publish updates the first
                "UNKNOWN_DEVICE HIGH sensor-0001 sensor-0001",
                "UNKNOWN_DEVICE MEDIUM cam-setup cam-setup",
                "DEFAULT_CREDENTIAL MEDIUM cam-setup principal:admin",
                "UNKNOWN_DEVICE MEDIUM sensor-0002 sensor-0002",
                "UNKNOWN_DEVICE HIGH sensor-0001 sensor-0001",
                // AWS IoT, May 2024: a login, a refused one, an AUTH_ERROR disconnect, the second certificate's login
                "UNKNOWN_DEVICE HIGH sensor-0001 sensor-0001",
                "UNKNOWN_DEVICE MEDIUM sensor-0002 sensor-0002",
                "UNKNOWN_DEVICE MEDIUM sensor-0003 sensor-0003",
                "UNKNOWN_DEVICE HIGH sensor-0001 sensor-0001"));
        expected.addAll(BrokerLogExpectations.ALERTS);
        assertThat(alerts).extracting(OfflineReplayBrokerLogTest::line).containsExactlyElementsOf(expected);
        assertThat(alerts).filteredOn(a -> a.getType() == AlertType.UNKNOWN_DEVICE)
                .extracting(a -> a.getEvidence().get("brokerId")).containsOnly("edge-7", "aws-eu", "mqtt-1");
    }

    @Test
    void shouldInterleaveLogLinesWithTheRegistryByEventTime() throws Exception {
        // Given sensor-0003 deregistered between its two TLS sessions (lines at 1795317742 and 1795317743 s)
        Path tombstone = dir.resolve("deregistered.jsonl");
        Files.writeString(tombstone, "{\"deviceId\":\"sensor-0003\",\"deleted\":true,\"updatedAt\":1795317742500}\n");
        Path log = copy("mosquitto/mosquitto-2.0-epoch.log", "mqtt-1.log");

        // When the registry, the log and the later tombstone are replayed together
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        replay(List.of(new ReplayFile(ReplayInput.REGISTRY, tombstone), registry(REGISTERED)),
                List.of(BrokerLog.of(log, LogFormat.MOSQUITTO, null)), stdout);

        // Then its first session is judged as registered, its second as an unknown device's
        List<String> expected = new ArrayList<>(BrokerLogExpectations.ALERTS);
        expected.set(expected.indexOf("UNEXPECTED_DATA_PATH MEDIUM sensor-0003 destination:devices/sensor-0001/telemetry"),
                "UNKNOWN_DEVICE HIGH sensor-0003 sensor-0003");
        assertThat(decode(stdout)).extracting(OfflineReplayBrokerLogTest::line).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldRejectLinesWithoutAReadableTimeWithTheirFileAndLineAndReplayTheRest() throws Exception {
        // Given a log whose line 3 has no time, and whose line 5 has one but a NUL the normalizer refuses
        List<String> lines = new ArrayList<>(fixture("mosquitto/mosquitto-2.0-epoch.log"));
        lines.add(2, "Client sensor-0001 disconnected.");
        lines.add(4, "1795317738: Client \0 disconnected.");
        Path log = dir.resolve("edge.log");
        Files.write(log, lines, StandardCharsets.UTF_8);

        // When it is replayed
        OfflineReport report = replay(List.of(registry(REGISTERED)),
                List.of(BrokerLog.of(log, LogFormat.MOSQUITTO, "mqtt-1")), new ByteArrayOutputStream());

        // Then the first is rejected before replay, the second dead-lettered as live, and the rest replayed
        List<String> rejects = Files.readAllLines(dir.resolve("rejects.jsonl"), StandardCharsets.UTF_8);
        assertThat(rejects).hasSize(2);
        assertThat(rejects.get(0)).startsWith("{\"file\":\"" + log + "\",\"line\":3,\"reason\":\"no readable event time "
                + "for a mosquitto log line: expected epoch seconds, an ISO-8601 time or the "
                + "ingest.mosquitto.timestamp.pattern time, then ': '\"");
        assertThat(rejects.get(1)).startsWith("{\"file\":\"" + log + "\",\"line\":5,\"reason\":\"dead-letter nul-character");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains(log + ":3: no readable event time",
                log + ":5: dead-letter nul-character");
        assertThat(report.malformed()).isEqualTo(1);
        assertThat(report.deadLetters()).isEqualTo(1);
        assertThat(report.brokerLogLines()).isEqualTo(88);
        assertThat(report.alertCount()).isEqualTo(BrokerLogExpectations.ALERTS.size());
    }

    private OfflineReport replay(List<ReplayFile> files, List<BrokerLog> logs, ByteArrayOutputStream stdout)
            throws IOException, InterruptedException {
        return replay(files, logs, SETTINGS, stdout);
    }

    private OfflineReport replay(List<ReplayFile> files, List<BrokerLog> logs, Map<String, String> settings,
                                 ByteArrayOutputStream stdout) throws IOException, InterruptedException {
        return new OfflineReplay(new OfflineReplay.Options(files, logs, null, dir.resolve("rejects.jsonl"), settings,
                Clock.systemUTC(), 1, AlertFormat.IDENTITY_ALERT), new PrintStream(console, true, StandardCharsets.UTF_8),
                stdout).run();
    }

    /** The devices of BrokerLogTopologyTest: two password sensors and a TLS one. */
    private ReplayFile registry(Instant at) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String id : List.of("sensor-0001", "sensor-0002")) {
            lines.add(JsonLines.encode(aDevice(id).withTrustTier(TrustTier.PASSWORD).withAllowedDataPaths("devices/" + id + "/#")
                    .withCredential(aCredential("fp-" + id).withType(CredentialType.PASSWORD).withPrincipal(id).issuedAt(at))
                    .updatedAt(at).build()));
        }
        lines.add(JsonLines.encode(aDevice("sensor-0003").withAllowedDataPaths("devices/sensor-0003/#")
                .withCredential(aCredential("fp-sensor-0003").withPrincipal("sensor-0003").issuedAt(at))
                .updatedAt(at).build()));
        Path p = dir.resolve("registry.jsonl");
        Files.write(p, lines, StandardCharsets.UTF_8);
        return new ReplayFile(ReplayInput.REGISTRY, p);
    }

    private Path copy(String fixture, String name) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, fixture(fixture), StandardCharsets.UTF_8);
        return p;
    }

    private static List<String> fixture(String name) throws IOException {
        try (InputStream in = OfflineReplayBrokerLogTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static String line(IdentityAlert a) {
        return a.getType() + " " + a.getSeverity() + " " + a.getDeviceId() + " " + a.getSubject();
    }

    private static List<IdentityAlert> decode(ByteArrayOutputStream stdout) {
        JsonLinesDecoder<IdentityAlert> decoder = JsonLinesDecoder.of(IdentityAlert.class);
        return stdout.toString(StandardCharsets.UTF_8).lines().map(l -> {
            try {
                return decoder.decode(l);
            } catch (MalformedRecordException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
