package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

class UnexpectedDataPathDetectorTest {

    private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
    private final Detector detector = new UnexpectedDataPathDetector();

    private final DeviceIdentity fenced = aDevice("cam-1")
            .withAllowedDataPaths("devices/cam-1/#", "https://ingest.example.com/v1")
            .withAllowedGateways("gw-1")
            .withAllowedSourceCidrs("10.0.0.0/24", "2001:db8::/32")
            .build();

    @Test
    void shouldNotFireForTelemetryInsideEveryAllowList() {
        // Given
        Activity direct = aTelemetry("t1", "cam-1", T).withDestination("devices/cam-1/frames").toActivity();
        Activity viaGateway = aTelemetry("t2", "cam-1", T).withDestination("https://ingest.example.com/v1/frames")
                .withGatewayId("gw-1").withSourceIp("2001:db8::7").toActivity();

        // When / Then
        assertThat(detector.detect(direct, fenced, Policy.defaults())).isEmpty();
        assertThat(detector.detect(viaGateway, fenced, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldFireForADestinationOutsideTheAllowedDataPaths() {
        // Given
        Activity telemetry = aTelemetry("t1", "cam-1", T).withDestination("https://ingest.example.com/v1evil").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, fenced, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNEXPECTED_DATA_PATH, Severity.MEDIUM,
                "destination:https://ingest.example.com/v1evil",
                "Device cam-1 sent telemetry to https://ingest.example.com/v1evil outside its allowed data paths",
                Map.of("activity", "TELEMETRY", "eventId", "t1", "violation", "destination",
                        "destination", "https://ingest.example.com/v1evil", "sourceIp", "10.0.0.10", "clientId", "cam-1",
                        "allowedDataPaths", "devices/cam-1/#,https://ingest.example.com/v1")));
    }

    @Test
    void shouldFireForAnUnlistedGateway() {
        // Given
        Activity telemetry = aTelemetry("t1", "cam-1", T).withGatewayId("gw-9").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, fenced, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNEXPECTED_DATA_PATH, Severity.MEDIUM, "gateway:gw-9",
                "Device cam-1 sent telemetry via unlisted gateway gw-9",
                Map.of("activity", "TELEMETRY", "eventId", "t1", "violation", "gateway",
                        "destination", "devices/cam-1/telemetry", "gatewayId", "gw-9", "sourceIp", "10.0.0.10",
                        "clientId", "cam-1", "allowedGateways", "gw-1")));
    }

    @Test
    void shouldFireForASourceOutsideTheAllowedCidrs() {
        // Given the first address past 10.0.0.0/24
        Activity telemetry = aTelemetry("t1", "cam-1", T).withSourceIp("10.0.1.0").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, fenced, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNEXPECTED_DATA_PATH, Severity.MEDIUM, "source:10.0.1.0",
                "Device cam-1 sent telemetry from 10.0.1.0 outside its allowed source networks",
                Map.of("activity", "TELEMETRY", "eventId", "t1", "violation", "source",
                        "destination", "devices/cam-1/telemetry", "sourceIp", "10.0.1.0", "clientId", "cam-1",
                        "allowedSourceCidrs", "10.0.0.0/24,2001:db8::/32")));
    }

    @Test
    void shouldRaiseOneFindingPerViolatedDimension() {
        // Given
        Activity telemetry = aTelemetry("t1", "cam-1", T).withDestination("devices/cam-2/frames")
                .withGatewayId("gw-9").withSourceIp("198.51.100.1").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, fenced, Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::subject)
                .containsExactly("destination:devices/cam-2/frames", "gateway:gw-9", "source:198.51.100.1");
    }

    @Test
    void shouldNotEnforceEmptyAllowListsExceptForGateways() {
        // Given a device with no allow-lists at all
        DeviceIdentity open = aDevice("cam-1").build();
        Activity direct = aTelemetry("t1", "cam-1", T).withDestination("anything/goes").withSourceIp("198.51.100.1").toActivity();
        Activity viaGateway = aTelemetry("t2", "cam-1", T).withGatewayId("gw-1").toActivity();

        // When / Then any gateway is unlisted when none is allowed
        assertThat(detector.detect(direct, open, Policy.defaults())).isEmpty();
        assertThat(detector.detect(viaGateway, open, Policy.defaults())).extracting(Finding::subject).containsExactly("gateway:gw-1");
    }

    @Test
    void shouldTreatAnUnparseableSourceIpAsOutside() {
        // Given
        Activity telemetry = aTelemetry("t1", "cam-1", T).withSourceIp("localhost").toActivity();

        // When / Then
        assertThat(detector.detect(telemetry, fenced, Policy.defaults())).extracting(Finding::subject).containsExactly("source:localhost");
    }

    @Test
    void shouldNotJudgeAMissingSourceIp() {
        assertThat(detector.detect(aTelemetry("t1", "cam-1", T).withSourceIp(null).toActivity(), fenced, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldIgnoreAuthenticationsAndUnknownDevices() {
        // Given
        Activity auth = anAuthEvent("e1", "cam-1", T).withGatewayId("gw-9").withSourceIp("198.51.100.1").toActivity();
        Activity telemetry = aTelemetry("t1", "cam-1", T).withGatewayId("gw-9").toActivity();

        // When / Then
        assertThat(detector.detect(auth, fenced, Policy.defaults())).isEmpty();
        assertThat(detector.detect(telemetry, null, Policy.defaults())).isEmpty();
    }
}
