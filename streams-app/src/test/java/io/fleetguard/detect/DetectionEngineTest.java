package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.CredentialType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;

class DetectionEngineTest {

    private static final Instant ISSUED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
    private final DetectionEngine engine = new DetectionEngine(Detectors.core(), Policy.defaults());

    @Test
    void shouldListTheCoreDetectorsInAFixedOrder() {
        // When
        List<Detector> core = Detectors.core();

        // Then
        assertThat(core).extracting(Detector::type).containsExactly(
                AlertType.UNKNOWN_DEVICE, AlertType.STALE_CREDENTIAL, AlertType.EXPIRED_CREDENTIAL,
                AlertType.REVOKED_CREDENTIAL_IN_USE, AlertType.CREDENTIAL_EXPIRING,
                AlertType.IMPERSONATED_TELEMETRY, AlertType.UNEXPECTED_DATA_PATH);
    }

    @Test
    void shouldReturnAnEmptyListForCleanActivity() {
        // Given
        DeviceIdentity device = aDevice("cam-1").withCredential(aCredential("aaaa").issuedAt(ISSUED)).build();

        // When
        List<Finding> findings = engine.detect(aTelemetry("t1", "cam-1", T).withFingerprint("aaaa").toActivity(), device);

        // Then
        assertThat(findings).isEmpty();
    }

    @Test
    void shouldRaiseOnlyUnknownDeviceForAnUnregisteredDevice() {
        // When
        List<Finding> findings = engine.detect(aTelemetry("t1", "cam-9", T).withFingerprint("aaaa").withGatewayId("gw-9").toActivity(), null);

        // Then
        assertThat(findings).extracting(Finding::type, Finding::severity)
                .containsExactly(tuple(AlertType.UNKNOWN_DEVICE, Severity.HIGH));
    }

    @Test
    void shouldConcatenateFindingsInDetectorOrder() {
        // Given a revoked, expired, stale token used from an unlisted gateway
        DeviceIdentity device = aDevice("cam-1")
                .withCredential(aCredential("70ce").withType(CredentialType.API_TOKEN).issuedAt(ISSUED)
                        .expiresAt(ISSUED.plus(Duration.ofDays(60))).revoked())
                .build();
        Activity telemetry = aTelemetry("t1", "cam-1", T).withFingerprint("70ce").withGatewayId("gw-9").toActivity();

        // When
        List<Finding> findings = engine.detect(telemetry, device);

        // Then
        assertThat(findings).extracting(Finding::type, Finding::subject).containsExactly(
                tuple(AlertType.STALE_CREDENTIAL, "70ce"),
                tuple(AlertType.EXPIRED_CREDENTIAL, "70ce"),
                tuple(AlertType.REVOKED_CREDENTIAL_IN_USE, "70ce"),
                tuple(AlertType.UNEXPECTED_DATA_PATH, "gateway:gw-9"));
    }

    @Test
    void shouldPassItsPolicyToEveryDetector() {
        // Given two stub detectors that echo the policy's expiring window
        Policy week = new Policy(Policy.defaults().rotationLimits(), Duration.ofDays(7));
        Detector first = stub(AlertType.FIRMWARE_DRIFT, "first");
        Detector second = stub(AlertType.ORPHANED_IDENTITY, "second");
        DetectionEngine custom = new DetectionEngine(List.of(first, second), week);

        // When
        List<Finding> findings = custom.detect(anAuthEvent("e1", "cam-1", T).toActivity(), aDevice("cam-1").build());

        // Then
        assertThat(findings).containsExactly(
                new Finding(AlertType.FIRMWARE_DRIFT, Severity.LOW, "first", "PT168H", Map.of()),
                new Finding(AlertType.ORPHANED_IDENTITY, Severity.LOW, "second", "PT168H", Map.of()));
        assertThat(custom.detectors()).containsExactly(first, second);
    }

    @Test
    void shouldRejectMissingPolicyOrDetector() {
        assertThatNullPointerException().isThrownBy(() -> new DetectionEngine(Detectors.core(), null));
        assertThatNullPointerException().isThrownBy(() -> new DetectionEngine(Arrays.asList((Detector) null), Policy.defaults()));
    }

    private static Detector stub(AlertType type, String subject) {
        return new Detector() {
            @Override
            public AlertType type() {
                return type;
            }

            @Override
            public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
                return List.of(new Finding(type, Severity.LOW, subject, policy.expiringWindow().toString(), Map.of()));
            }
        };
    }
}
