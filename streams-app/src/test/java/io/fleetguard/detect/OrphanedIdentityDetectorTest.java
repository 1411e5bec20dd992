package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OrphanedIdentityDetectorTest {

    private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
    private final Detector detector = new OrphanedIdentityDetector();
    private final DeviceIdentity orphan = aDevice("cam-1").withOwner(null).build();

    @Test
    void shouldRaiseMediumWhenADeviceWithoutOwnerSendsTelemetry() {
        // Given
        Activity telemetry = aTelemetry("t1", "cam-1", T).withPrincipal("cam-1").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, orphan, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.ORPHANED_IDENTITY, Severity.MEDIUM, "cam-1",
                "Device cam-1 has no owner but sent telemetry to devices/cam-1/telemetry",
                Map.of("activity", "TELEMETRY", "eventId", "t1", "deviceClass", "camera", "status", "ACTIVE",
                        "principal", "cam-1", "clientId", "cam-1", "sourceIp", "10.0.0.10")));
    }

    @Test
    void shouldTreatABlankOwnerAsNone() {
        // Given
        DeviceIdentity blankOwner = aDevice("cam-1").withOwner("  ").build();

        // When
        List<Finding> findings = detector.detect(anAuthEvent("e1", "cam-1", T).toActivity(), blankOwner, Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::subject, Finding::summary)
                .containsExactly(tuple("cam-1",
                        "Device cam-1 has no owner but authenticated successfully"));
    }

    @Test
    void shouldNotFireForAnOwnedDeviceOrAnythingButAUse() {
        // When / Then
        assertThat(detector.detect(anAuthEvent("e1", "cam-1", T).toActivity(), aDevice("cam-1").build(),
                Policy.defaults())).isEmpty();
        assertThat(detector.detect(anAuthEvent("e2", "cam-1", T).failure("bad password").toActivity(), orphan,
                Policy.defaults())).isEmpty();
        assertThat(detector.detect(aConfigChange("c1", "cam-1", T).toActivity(), orphan, Policy.defaults())).isEmpty();
        assertThat(detector.detect(anAuthEvent("e3", "cam-1", T).toActivity(), null, Policy.defaults())).isEmpty();
    }
}
