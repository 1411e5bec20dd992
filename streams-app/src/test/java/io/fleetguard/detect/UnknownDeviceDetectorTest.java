package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

class UnknownDeviceDetectorTest {

    private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
    private final Detector detector = new UnknownDeviceDetector();

    @Test
    void shouldRaiseMediumForAFailedAuthenticationAsAnUnregisteredDevice() {
        // Given
        Activity auth = anAuthEvent("e1", "cam-9", T).failure("bad password").withPrincipal("admin").toActivity();

        // When
        List<Finding> findings = detector.detect(auth, null, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNKNOWN_DEVICE, Severity.MEDIUM, "cam-9",
                "Failed authentication as unregistered device cam-9",
                Map.of("activity", "AUTH", "eventId", "e1", "principal", "admin", "clientId", "cam-9",
                        "sourceIp", "10.0.0.10", "brokerId", "broker-1")));
    }

    @Test
    void shouldRaiseHighForASuccessfulAuthenticationAsAnUnregisteredDevice() {
        // Given
        Activity auth = anAuthEvent("e1", "cam-9", T).withFingerprint("abcd").withGatewayId("gw-1").toActivity();

        // When
        List<Finding> findings = detector.detect(auth, null, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNKNOWN_DEVICE, Severity.HIGH, "cam-9",
                "Successful authentication as unregistered device cam-9",
                Map.of("activity", "AUTH", "eventId", "e1", "credentialFingerprint", "abcd", "clientId", "cam-9",
                        "sourceIp", "10.0.0.10", "brokerId", "broker-1", "gatewayId", "gw-1")));
    }

    @Test
    void shouldRaiseHighForTelemetryFromAnUnregisteredDevice() {
        // Given
        Activity telemetry = aTelemetry("t1", "cam-9", T).withPrincipal("cam-9").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, null, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNKNOWN_DEVICE, Severity.HIGH, "cam-9",
                "Telemetry to devices/cam-9/telemetry from unregistered device cam-9",
                Map.of("activity", "TELEMETRY", "eventId", "t1", "principal", "cam-9", "clientId", "cam-9",
                        "sourceIp", "10.0.0.10", "brokerId", "broker-1", "destination", "devices/cam-9/telemetry")));
    }

    @Test
    void shouldRaiseHighForAConfigChangeOnAnUnregisteredDevice() {
        // When
        List<Finding> findings = detector.detect(aConfigChange("c1", "cam-9", T).toActivity(), null, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNKNOWN_DEVICE, Severity.HIGH, "cam-9",
                "Configuration change on unregistered device cam-9",
                Map.of("activity", "CONFIG_CHANGE", "eventId", "c1", "principal", "ops-team")));
    }

    @Test
    void shouldRaiseHighForASupportSessionOnAnUnregisteredDevice() {
        // When
        List<Finding> findings = detector.detect(aSupportSession("s1", "cam-9", T).toActivity(), null, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNKNOWN_DEVICE, Severity.HIGH, "cam-9",
                "Remote support session on unregistered device cam-9",
                Map.of("activity", "SUPPORT_SESSION", "eventId", "s1:start", "principal", "op-1",
                        "sourceIp", "198.51.100.7")));
    }

    @Test
    void shouldRaiseNothingForARegisteredDevice() {
        // Given
        Activity auth = anAuthEvent("e1", "cam-1", T).failure("bad password").toActivity();

        // When / Then
        assertThat(detector.detect(auth, aDevice("cam-1").build(), Policy.defaults())).isEmpty();
    }
}
