package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.CredentialType;
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

class RevokedCredentialDetectorTest {

    private static final Instant ISSUED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T = Instant.parse("2024-03-01T00:00:00Z");
    private final Detector detector = new RevokedCredentialDetector();

    @Test
    void shouldFireForARevokedCredential() {
        // Given
        DeviceIdentity device = aDevice("cam-1")
                .withCredential(aCredential("dead").withType(CredentialType.PSK).withPrincipal("cam-1").issuedAt(ISSUED).revoked())
                .build();
        Activity auth = anAuthEvent("e1", "cam-1", T).withFingerprint("DEAD").withSourceIp("203.0.113.9").toActivity();

        // When
        List<Finding> findings = detector.detect(auth, device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.REVOKED_CREDENTIAL_IN_USE, Severity.HIGH, "dead",
                "Device cam-1 used revoked PSK credential dead",
                Map.of("activity", "AUTH", "eventId", "e1", "credentialFingerprint", "dead", "credentialType", "PSK",
                        "principal", "cam-1", "issuedAt", "2024-01-01T00:00:00Z", "clientId", "cam-1",
                        "sourceIp", "203.0.113.9", "reason", "revoked")));
    }

    @Test
    void shouldFireForARotatedOutCredential() {
        // Given
        DeviceIdentity device = aDevice("cam-1")
                .withCredential(aCredential("0001").withPrincipal("cam-1").issuedAt(ISSUED).supersededBy("0002"))
                .withCredential(aCredential("0002").withPrincipal("cam-1").issuedAt(T.minusSeconds(60)))
                .build();
        Activity telemetry = aTelemetry("t1", "cam-1", T).withFingerprint("0001").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.REVOKED_CREDENTIAL_IN_USE, Severity.HIGH, "0001",
                "Device cam-1 used rotated-out X509_CERT credential 0001 (superseded by 0002)",
                Map.of("activity", "TELEMETRY", "eventId", "t1", "credentialFingerprint", "0001",
                        "credentialType", "X509_CERT", "principal", "cam-1", "issuedAt", "2024-01-01T00:00:00Z",
                        "clientId", "cam-1", "sourceIp", "10.0.0.10", "reason", "rotated-out", "supersededBy", "0002")));
    }

    @Test
    void shouldNameRevocationAsTheReasonWhenAlsoRotatedOut() {
        // Given
        DeviceIdentity device = aDevice("cam-1")
                .withCredential(aCredential("0001").issuedAt(ISSUED).supersededBy("0002").revoked())
                .build();

        // When
        List<Finding> findings = detector.detect(anAuthEvent("e1", "cam-1", T).withFingerprint("0001").toActivity(),
                device, Policy.defaults());

        // Then
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.summary()).isEqualTo("Device cam-1 used revoked X509_CERT credential 0001 (superseded by 0002)");
            assertThat(f.evidence()).containsEntry("reason", "revoked").containsEntry("supersededBy", "0002");
        });
    }

    @Test
    void shouldNotFireWhenAPrincipalAlsoNamesItsLiveSuccessor() {
        // Given rotation kept the old password under the same principal
        DeviceIdentity device = aDevice("cam-1")
                .withCredential(aCredential("0001").withType(CredentialType.PASSWORD).withPrincipal("cam-1").issuedAt(ISSUED).supersededBy("0002"))
                .withCredential(aCredential("0002").withType(CredentialType.PASSWORD).withPrincipal("cam-1").issuedAt(T.minusSeconds(60)))
                .build();

        // When
        List<Finding> findings = detector.detect(anAuthEvent("e1", "cam-1", T).withPrincipal("cam-1").toActivity(),
                device, Policy.defaults());

        // Then
        assertThat(findings).isEmpty();
    }

    @Test
    void shouldNotFireForALiveCredentialOrAFailedAttempt() {
        // Given
        DeviceIdentity device = aDevice("cam-1")
                .withCredential(aCredential("live").issuedAt(ISSUED))
                .withCredential(aCredential("dead").issuedAt(ISSUED).revoked())
                .build();

        // When / Then
        assertThat(detector.detect(anAuthEvent("e1", "cam-1", T).withFingerprint("live").toActivity(), device, Policy.defaults()))
                .isEmpty();
        assertThat(detector.detect(anAuthEvent("e2", "cam-1", T).withFingerprint("dead").failure("revoked").toActivity(), device,
                Policy.defaults())).isEmpty();
    }
}
