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
import static org.assertj.core.api.Assertions.tuple;

class ExpiredCredentialDetectorTest {

    private static final Instant ISSUED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2024-06-01T00:00:00Z");
    private final Detector detector = new ExpiredCredentialDetector();

    private final DeviceIdentity device = aDevice("cam-1")
            .withCredential(aCredential("ce47").withType(CredentialType.X509_CERT).withPrincipal("cam-1.example.com")
                    .issuedAt(ISSUED).expiresAt(EXPIRES))
            .build();

    @Test
    void shouldFireOneMillisecondAfterExpiry() {
        // Given
        Activity auth = anAuthEvent("e1", "cam-1", EXPIRES.plusMillis(1)).withFingerprint("ce47").toActivity();

        // When
        List<Finding> findings = detector.detect(auth, device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.EXPIRED_CREDENTIAL, Severity.HIGH, "ce47",
                "Device cam-1 used X509_CERT credential ce47 that expired at 2024-06-01T00:00:00Z",
                Map.of("activity", "AUTH", "eventId", "e1", "credentialFingerprint", "ce47",
                        "credentialType", "X509_CERT", "principal", "cam-1.example.com",
                        "issuedAt", "2024-01-01T00:00:00Z", "expiresAt", "2024-06-01T00:00:00Z",
                        "clientId", "cam-1", "sourceIp", "10.0.0.10")));
    }

    @Test
    void shouldNotFireAtTheInstantOfExpiry() {
        // Given a use exactly at expiresAt: still valid (it is "expiring", not expired)
        Activity auth = anAuthEvent("e1", "cam-1", EXPIRES).withFingerprint("ce47").toActivity();

        // When / Then
        assertThat(detector.detect(auth, device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldFireForTelemetryMatchedByPrincipal() {
        // Given
        Activity telemetry = aTelemetry("t1", "cam-1", EXPIRES.plusSeconds(5)).withPrincipal("cam-1.example.com").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, device, Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::type, Finding::subject)
                .containsExactly(tuple(AlertType.EXPIRED_CREDENTIAL, "ce47"));
    }

    @Test
    void shouldNotFireForACredentialWithoutExpiry() {
        // Given
        DeviceIdentity noExpiry = aDevice("cam-1").withCredential(aCredential("ce47").issuedAt(ISSUED)).build();
        Activity auth = anAuthEvent("e1", "cam-1", Instant.parse("2030-01-01T00:00:00Z")).withFingerprint("ce47").toActivity();

        // When / Then
        assertThat(detector.detect(auth, noExpiry, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldNotFireForAFailedAttemptOrAnUnknownDevice() {
        // Given
        Activity failed = anAuthEvent("e1", "cam-1", EXPIRES.plusSeconds(1)).withFingerprint("ce47").failure("certificate expired").toActivity();
        Activity success = anAuthEvent("e2", "cam-1", EXPIRES.plusSeconds(1)).withFingerprint("ce47").toActivity();

        // When / Then
        assertThat(detector.detect(failed, device, Policy.defaults())).isEmpty();
        assertThat(detector.detect(success, null, Policy.defaults())).isEmpty();
    }
}
