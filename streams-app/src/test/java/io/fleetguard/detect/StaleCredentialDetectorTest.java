package io.fleetguard.detect;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.CredentialType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StaleCredentialDetectorTest {

    private static final Instant ISSUED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant AT_LIMIT = ISSUED.plus(Duration.ofDays(90));
    private final Detector detector = new StaleCredentialDetector();

    private final DeviceIdentity device = aDevice("cam-1")
            .withCredential(aCredential("aaaa").withType(CredentialType.PASSWORD).withPrincipal("cam-1").issuedAt(ISSUED))
            .build();

    @Test
    void shouldNotFireWhenAgeEqualsTheRotationLimit() {
        // Given a password exactly 90 days old
        Activity auth = anAuthEvent("e1", "cam-1", AT_LIMIT).withPrincipal("cam-1").toActivity();

        // When / Then
        assertThat(detector.detect(auth, device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldFireOneMillisecondPastTheRotationLimit() {
        // Given a password 90 days and 1 ms old
        Activity auth = anAuthEvent("e1", "cam-1", AT_LIMIT.plusMillis(1)).withPrincipal("cam-1").toActivity();

        // When
        List<Finding> findings = detector.detect(auth, device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.STALE_CREDENTIAL, Severity.MEDIUM, "aaaa",
                "Device cam-1 used PASSWORD credential aaaa issued 90 days ago (rotation limit 90 days)",
                Map.of("activity", "AUTH", "eventId", "e1", "credentialFingerprint", "aaaa",
                        "credentialType", "PASSWORD", "principal", "cam-1", "issuedAt", "2024-01-01T00:00:00Z",
                        "clientId", "cam-1", "sourceIp", "10.0.0.10", "ageDays", "90", "rotationLimitDays", "90")));
    }

    @Test
    void shouldApplyTheRotationLimitOfTheCredentialsType() {
        // Given a 31-day-old token (limit 30 d) and a 31-day-old certificate (limit 397 d)
        DeviceIdentity twoCredentials = aDevice("cam-1")
                .withCredential(aCredential("70ce").withType(CredentialType.API_TOKEN).issuedAt(ISSUED)
                        .expiresAt(ISSUED.plus(Duration.ofDays(365))))
                .withCredential(aCredential("ce47").withType(CredentialType.X509_CERT).issuedAt(ISSUED))
                .build();
        Instant at = ISSUED.plus(Duration.ofDays(31));

        // When
        List<Finding> token = detector.detect(aTelemetry("t1", "cam-1", at).withFingerprint("70CE").toActivity(),
                twoCredentials, Policy.defaults());
        List<Finding> cert = detector.detect(aTelemetry("t2", "cam-1", at).withFingerprint("ce47").toActivity(),
                twoCredentials, Policy.defaults());

        // Then
        assertThat(token).containsExactly(new Finding(AlertType.STALE_CREDENTIAL, Severity.MEDIUM, "70ce",
                "Device cam-1 used API_TOKEN credential 70ce issued 31 days ago (rotation limit 30 days)",
                Map.ofEntries(entry("activity", "TELEMETRY"), entry("eventId", "t1"),
                        entry("credentialFingerprint", "70ce"), entry("credentialType", "API_TOKEN"),
                        entry("principal", "cn-70ce"), entry("issuedAt", "2024-01-01T00:00:00Z"),
                        entry("expiresAt", "2024-12-31T00:00:00Z"), entry("clientId", "cam-1"),
                        entry("sourceIp", "10.0.0.10"), entry("ageDays", "31"), entry("rotationLimitDays", "30"))));
        assertThat(cert).isEmpty();
    }

    @Test
    void shouldUseTheConfiguredPolicy() {
        // Given a policy with a 10-day password limit
        Policy strict = new Policy(Map.of(CredentialType.PASSWORD, Duration.ofDays(10), CredentialType.PSK, Duration.ofDays(10),
                CredentialType.API_TOKEN, Duration.ofDays(10), CredentialType.X509_CERT, Duration.ofDays(10)), Duration.ofDays(30));
        Activity auth = anAuthEvent("e1", "cam-1", ISSUED.plus(Duration.ofDays(11))).withPrincipal("cam-1").toActivity();

        // When
        List<Finding> findings = detector.detect(auth, device, strict);

        // Then
        assertThat(findings).extracting(Finding::subject, f -> f.evidence().get("rotationLimitDays"))
                .containsExactly(tuple("aaaa", "10"));
    }

    @Test
    void shouldNotFireForAFailedAttemptOrANonUse() {
        // Given
        Instant late = ISSUED.plus(Duration.ofDays(400));
        Activity failed = anAuthEvent("e1", "cam-1", late).withPrincipal("cam-1").failure("bad password").toActivity();
        Activity change = aConfigChange("c1", "cam-1", late).byActor("cam-1", ActorType.AUTOMATION).toActivity();

        // When / Then
        assertThat(detector.detect(failed, device, Policy.defaults())).isEmpty();
        assertThat(detector.detect(change, device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldNotFireForAnUnknownCredentialOrDevice() {
        // Given
        Instant late = ISSUED.plus(Duration.ofDays(400));

        // When / Then
        assertThat(detector.detect(anAuthEvent("e1", "cam-1", late).withFingerprint("ffff").toActivity(), device, Policy.defaults()))
                .isEmpty();
        assertThat(detector.detect(anAuthEvent("e2", "cam-1", late).withPrincipal("cam-1").toActivity(), null, Policy.defaults()))
                .isEmpty();
    }
}
