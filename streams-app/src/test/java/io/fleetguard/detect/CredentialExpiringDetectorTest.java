package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.CredentialType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

class CredentialExpiringDetectorTest {

    private static final Instant ISSUED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2024-06-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private final Detector detector = new CredentialExpiringDetector();

    private final DeviceIdentity device = aDevice("cam-1")
            .withCredential(aCredential("70ce").withType(CredentialType.API_TOKEN).withPrincipal("svc-cam-1")
                    .issuedAt(ISSUED).expiresAt(EXPIRES))
            .build();

    private List<Finding> useAt(Instant at) {
        return detector.detect(anAuthEvent("e1", "cam-1", at).withFingerprint("70ce").toActivity(), device, Policy.defaults());
    }

    @Test
    void shouldFireWhenExpiryIsExactlyAtTheEndOfTheWindow() {
        // Given a use exactly 30 days before expiry
        Instant at = EXPIRES.minus(WINDOW);

        // When
        List<Finding> findings = useAt(at);

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.CREDENTIAL_EXPIRING, Severity.LOW, "70ce",
                "Device cam-1 used API_TOKEN credential 70ce that expires at 2024-06-01T00:00:00Z",
                Map.of("activity", "AUTH", "eventId", "e1", "credentialFingerprint", "70ce",
                        "credentialType", "API_TOKEN", "principal", "svc-cam-1", "issuedAt", "2024-01-01T00:00:00Z",
                        "expiresAt", "2024-06-01T00:00:00Z", "clientId", "cam-1", "sourceIp", "10.0.0.10")));
    }

    @Test
    void shouldNotFireOneMillisecondBeforeTheWindowOpens() {
        // Given expiry at event time + 30 d + 1 ms
        assertThat(useAt(EXPIRES.minus(WINDOW).minusMillis(1))).isEmpty();
    }

    @Test
    void shouldFireWhenExpiryEqualsEventTime() {
        // Given a use at the very instant of expiry: not yet expired, so expiring
        assertThat(useAt(EXPIRES)).extracting(Finding::type).containsExactly(AlertType.CREDENTIAL_EXPIRING);
    }

    @Test
    void shouldNotFireOnceExpired() {
        assertThat(useAt(EXPIRES.plusMillis(1))).isEmpty();
    }

    @Test
    void shouldUseTheConfiguredWindow() {
        // Given a 7-day window
        Policy week = new Policy(Policy.defaults().rotationLimits(), Duration.ofDays(7));
        Activity tenDaysBefore = anAuthEvent("e1", "cam-1", EXPIRES.minus(Duration.ofDays(10))).withFingerprint("70ce").toActivity();
        Activity sevenDaysBefore = anAuthEvent("e2", "cam-1", EXPIRES.minus(Duration.ofDays(7))).withFingerprint("70ce").toActivity();

        // When / Then
        assertThat(detector.detect(tenDaysBefore, device, week)).isEmpty();
        assertThat(detector.detect(sevenDaysBefore, device, week)).hasSize(1);
    }

    @Test
    void shouldNotFireWithoutExpiryOrForAFailedAttempt() {
        // Given
        DeviceIdentity noExpiry = aDevice("cam-1").withCredential(aCredential("70ce").issuedAt(ISSUED)).build();
        Activity failed = anAuthEvent("e1", "cam-1", EXPIRES).withFingerprint("70ce").failure("bad token").toActivity();

        // When / Then
        assertThat(detector.detect(anAuthEvent("e2", "cam-1", EXPIRES).withFingerprint("70ce").toActivity(), noExpiry,
                Policy.defaults())).isEmpty();
        assertThat(detector.detect(failed, device, Policy.defaults())).isEmpty();
    }
}
