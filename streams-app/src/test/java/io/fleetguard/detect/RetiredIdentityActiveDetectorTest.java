package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.DeviceStatus;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

class RetiredIdentityActiveDetectorTest {

    private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
    private final Detector detector = new RetiredIdentityActiveDetector();

    @Test
    void shouldRaiseHighWhenARetiredDeviceAuthenticates() {
        // Given
        DeviceIdentity retired = aDevice("cam-1").withStatus(DeviceStatus.RETIRED).build();
        Activity auth = anAuthEvent("e1", "cam-1", T).withPrincipal("cam-1").toActivity();

        // When
        List<Finding> findings = detector.detect(auth, retired, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.RETIRED_IDENTITY_ACTIVE, Severity.HIGH, "cam-1",
                "RETIRED device cam-1 authenticated successfully",
                Map.of("activity", "AUTH", "eventId", "e1", "status", "RETIRED", "principal", "cam-1",
                        "clientId", "cam-1", "sourceIp", "10.0.0.10")));
    }

    @Test
    void shouldRaiseMediumWhenASuspendedDeviceSendsTelemetry() {
        // Given
        DeviceIdentity suspended = aDevice("cam-1").withStatus(DeviceStatus.SUSPENDED).build();
        Activity telemetry = aTelemetry("t1", "cam-1", T).withFingerprint("aaaa").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, suspended, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.RETIRED_IDENTITY_ACTIVE, Severity.MEDIUM, "cam-1",
                "SUSPENDED device cam-1 sent telemetry to devices/cam-1/telemetry",
                Map.of("activity", "TELEMETRY", "eventId", "t1", "status", "SUSPENDED", "credentialFingerprint", "aaaa",
                        "clientId", "cam-1", "sourceIp", "10.0.0.10", "destination", "devices/cam-1/telemetry")));
    }

    @ParameterizedTest
    @CsvSource({"RETIRED, HIGH", "DECOMMISSIONED, HIGH", "SUSPENDED, MEDIUM"})
    void shouldGradeSeverityByStatus(DeviceStatus status, Severity severity) {
        // Given
        DeviceIdentity device = aDevice("cam-1").withStatus(status).build();

        // When
        List<Finding> findings = detector.detect(anAuthEvent("e1", "cam-1", T).toActivity(), device, Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::severity).containsExactly(severity);
    }

    @ParameterizedTest
    @EnumSource(value = DeviceStatus.class, names = {"PROVISIONED", "ACTIVE"})
    void shouldNotFireForADeviceInService(DeviceStatus status) {
        // Given
        DeviceIdentity device = aDevice("cam-1").withStatus(status).build();

        // When / Then
        assertThat(detector.detect(anAuthEvent("e1", "cam-1", T).toActivity(), device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldNotFireForAnythingButAUse() {
        // Given
        DeviceIdentity retired = aDevice("cam-1").withStatus(DeviceStatus.RETIRED).build();

        // When / Then failed attempts, changes and sessions are not uses; an unknown device has no status
        assertThat(detector.detect(anAuthEvent("e1", "cam-1", T).failure("revoked").toActivity(), retired,
                Policy.defaults())).isEmpty();
        assertThat(detector.detect(aConfigChange("c1", "cam-1", T).toActivity(), retired, Policy.defaults())).isEmpty();
        assertThat(detector.detect(aSupportSession("s1", "cam-1", T).toActivity(), retired, Policy.defaults())).isEmpty();
        assertThat(detector.detect(anAuthEvent("e2", "cam-1", T).toActivity(), null, Policy.defaults())).isEmpty();
    }
}
