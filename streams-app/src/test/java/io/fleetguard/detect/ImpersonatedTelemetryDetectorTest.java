package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

class ImpersonatedTelemetryDetectorTest {

    private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
    private final Detector detector = new ImpersonatedTelemetryDetector();

    private final DeviceIdentity device = aDevice("cam-1")
            .withCredential(aCredential("AAAA").withPrincipal("cam-1"))
            .withCredential(aCredential("dead").withPrincipal("cam-1-old").revoked())
            .withAllowedGateways("gw-1")
            .build();

    @Test
    void shouldFireForTelemetryOverACredentialTheDeviceDoesNotHold() {
        // Given telemetry claiming cam-1 sent over cam-2's certificate
        Activity telemetry = aTelemetry("t1", "cam-1", T).withFingerprint("bbbb").withPrincipal("cam-2")
                .withClientId("cam-2").withSourceIp("10.0.0.22").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.IMPERSONATED_TELEMETRY, Severity.CRITICAL, "bbbb",
                "Telemetry to devices/cam-1/telemetry claims device cam-1 but arrived over credential bbbb, "
                        + "which is not one of its credentials",
                Map.of("activity", "TELEMETRY", "eventId", "t1", "claimedDeviceId", "cam-1",
                        "credentialFingerprint", "bbbb", "principal", "cam-2", "clientId", "cam-2",
                        "sourceIp", "10.0.0.22", "brokerId", "broker-1", "destination", "devices/cam-1/telemetry")));
    }

    @Test
    void shouldJudgeByFingerprintEvenWhenThePrincipalIsTheDevices() {
        // Given the right username over a foreign secret
        Activity telemetry = aTelemetry("t1", "cam-1", T).withFingerprint("bbbb").withPrincipal("cam-1").toActivity();

        // When / Then
        assertThat(detector.detect(telemetry, device, Policy.defaults())).extracting(Finding::subject).containsExactly("bbbb");
    }

    @Test
    void shouldFireForAForeignPrincipalWhenNoFingerprintIsKnown() {
        // Given
        Activity telemetry = aTelemetry("t1", "cam-1", T).withPrincipal("mallory").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.IMPERSONATED_TELEMETRY, Severity.CRITICAL, "principal:mallory",
                "Telemetry to devices/cam-1/telemetry claims device cam-1 but arrived over principal mallory, "
                        + "which is not one of its credentials",
                Map.of("activity", "TELEMETRY", "eventId", "t1", "claimedDeviceId", "cam-1", "principal", "mallory",
                        "clientId", "cam-1", "sourceIp", "10.0.0.10", "brokerId", "broker-1",
                        "destination", "devices/cam-1/telemetry")));
    }

    @Test
    void shouldNotFireForTheDevicesOwnCredentials() {
        // Given its own fingerprint in another case, its own revoked one, and its own principal
        Activity ownFingerprint = aTelemetry("t1", "cam-1", T).withFingerprint("aaaa").toActivity();
        Activity ownRevoked = aTelemetry("t2", "cam-1", T).withFingerprint("DEAD").toActivity();
        Activity ownPrincipal = aTelemetry("t3", "cam-1", T).withPrincipal("cam-1-old").toActivity();

        // When / Then revoked use is REVOKED_CREDENTIAL_IN_USE, not impersonation
        assertThat(detector.detect(ownFingerprint, device, Policy.defaults())).isEmpty();
        assertThat(detector.detect(ownRevoked, device, Policy.defaults())).isEmpty();
        assertThat(detector.detect(ownPrincipal, device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldNotFireWithoutFingerprintOrPrincipal() {
        assertThat(detector.detect(aTelemetry("t1", "cam-1", T).toActivity(), device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldNotFireForTelemetryRelayedByAnAllowedGateway() {
        // Given the gateway's own credential on a connection that publishes for cam-1
        Activity telemetry = aTelemetry("t1", "cam-1", T).withGatewayId("gw-1").withFingerprint("9a7e").withPrincipal("gw-1").toActivity();

        // When / Then
        assertThat(detector.detect(telemetry, device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldFireForTelemetryRelayedByAnUnlistedGatewayOverAForeignCredential() {
        // Given
        Activity telemetry = aTelemetry("t1", "cam-1", T).withGatewayId("gw-9").withFingerprint("9a7e").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, device, Policy.defaults());

        // Then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("9a7e");
            assertThat(f.evidence()).containsEntry("gatewayId", "gw-9");
        });
    }

    @Test
    void shouldIgnoreAuthenticationsAndUnknownDevices() {
        // Given
        Activity auth = anAuthEvent("e1", "cam-1", T).withFingerprint("bbbb").toActivity();
        Activity telemetry = aTelemetry("t1", "cam-1", T).withFingerprint("bbbb").toActivity();

        // When / Then
        assertThat(detector.detect(auth, device, Policy.defaults())).isEmpty();
        assertThat(detector.detect(telemetry, null, Policy.defaults())).isEmpty();
    }
}
