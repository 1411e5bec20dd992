package io.fleetguard.detect;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

class FirmwareDriftDetectorTest {

    private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
    private final Detector detector = new FirmwareDriftDetector();
    private final DeviceIdentity device = aDevice("cam-1").withExpectedFirmware("1.4.2").build();

    @Test
    void shouldRaiseLowWhenReportedFirmwareDiffersFromExpected() {
        // Given
        Activity telemetry = aTelemetry("t1", "cam-1", T).withReportedFirmware("1.5.0").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.FIRMWARE_DRIFT, Severity.LOW, "firmware:1.5.0",
                "Device cam-1 reports firmware 1.5.0 but the registry expects 1.4.2",
                Map.of("activity", "TELEMETRY", "eventId", "t1", "reportedFirmware", "1.5.0", "expectedFirmware", "1.4.2",
                        "clientId", "cam-1", "sourceIp", "10.0.0.10")));
    }

    @ParameterizedTest(name = "reported ''{0}'' vs expected ''{1}''")
    @CsvSource({"'1.4.2', '1.4.2'", "' v1.4.2 ', '1.4.2'", "'V1.4.2', 'v1.4.2'", "'1.4.2', 'v1.4.2'"})
    void shouldNotFireWhenOnlyBlanksOrOneLeadingVDiffer(String reported, String expected) {
        // Given
        DeviceIdentity expecting = aDevice("cam-1").withExpectedFirmware(expected).build();

        // When / Then
        assertThat(detector.detect(aTelemetry("t1", "cam-1", T).withReportedFirmware(reported).toActivity(), expecting,
                Policy.defaults())).isEmpty();
    }

    @ParameterizedTest(name = "reported ''{0}'' is drift, subject {1}")
    @CsvSource({"'1.4', 'firmware:1.4'", "'1.4.2.0', 'firmware:1.4.2.0'", "'vv1.4.2', 'firmware:v1.4.2'",
            "' v1.4.3', 'firmware:1.4.3'"})
    void shouldCompareExactlyWithoutVersionSemantics(String reported, String subject) {
        // When
        List<Finding> findings = detector.detect(aTelemetry("t1", "cam-1", T).withReportedFirmware(reported).toActivity(),
                device, Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::subject).containsExactly(subject);
    }

    @Test
    void shouldNotFireWhenEitherSideIsSilent() {
        // Given
        DeviceIdentity noExpectation = aDevice("cam-1").build();
        DeviceIdentity blankExpectation = aDevice("cam-1").withExpectedFirmware(" ").build();

        // When / Then
        assertThat(detector.detect(aTelemetry("t1", "cam-1", T).toActivity(), device, Policy.defaults())).isEmpty();
        assertThat(detector.detect(aTelemetry("t2", "cam-1", T).withReportedFirmware("").toActivity(), device,
                Policy.defaults())).isEmpty();
        assertThat(detector.detect(aTelemetry("t3", "cam-1", T).withReportedFirmware("2.0.0").toActivity(), noExpectation,
                Policy.defaults())).isEmpty();
        assertThat(detector.detect(aTelemetry("t4", "cam-1", T).withReportedFirmware("2.0.0").toActivity(), blankExpectation,
                Policy.defaults())).isEmpty();
    }

    @Test
    void shouldNotFireForAnUnknownDeviceOrAnAuthentication() {
        // When / Then
        assertThat(detector.detect(aTelemetry("t1", "cam-9", T).withReportedFirmware("2.0.0").toActivity(), null,
                Policy.defaults())).isEmpty();
        assertThat(detector.detect(aConfigChange("c1", "cam-9", T).to("2.0.0").toActivity(), null,
                Policy.defaults())).isEmpty();
        assertThat(detector.detect(anAuthEvent("e1", "cam-1", T).toActivity(), device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldRaiseLowWhenAFirmwareChangeInstallsAnotherVersionThanExpected() {
        // Given
        Activity change = aConfigChange("c1", "cam-1", T).byActor("acme-support", ActorType.VENDOR)
                .from("1.4.2").to("v1.5.0").withSupportSession("s-7").toActivity();

        // When
        List<Finding> findings = detector.detect(change, device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.FIRMWARE_DRIFT, Severity.LOW, "firmware:1.5.0",
                "Firmware of device cam-1 changed to 1.5.0 by VENDOR acme-support but the registry expects 1.4.2",
                Map.of("activity", "CONFIG_CHANGE", "eventId", "c1", "toValue", "v1.5.0", "fromValue", "1.4.2",
                        "expectedFirmware", "1.4.2", "actor", "acme-support", "actorType", "VENDOR",
                        "supportSessionId", "s-7")));
    }

    @Test
    void shouldNameTheSameSubjectForAChangeAndTheTelemetryThatReportsItsVersion() {
        // Given
        Activity change = aConfigChange("c1", "cam-1", T).from("1.4.2").to("1.5.0").toActivity();
        Activity telemetry = aTelemetry("t1", "cam-1", T.plusSeconds(300)).withReportedFirmware("v1.5.0").toActivity();

        // When / Then: one suppression key, so the telemetry folds into the change's alert
        assertThat(detector.detect(change, device, Policy.defaults())).extracting(Finding::subject)
                .containsExactly("firmware:1.5.0");
        assertThat(detector.detect(telemetry, device, Policy.defaults())).extracting(Finding::subject)
                .containsExactly("firmware:1.5.0");
    }

    @ParameterizedTest(name = "{0} change to ''{1}''")
    @CsvSource({"FIRMWARE, '1.4.2'", "FIRMWARE, ' v1.4.2'", "FIRMWARE, ''", "NETWORK, '2.0.0'", "CREDENTIAL, '2.0.0'"})
    void shouldNotFireForAChangeToTheExpectedVersionWithoutAValueOrOfAnotherType(ChangeType type, String to) {
        // Given
        Activity change = aConfigChange("c1", "cam-1", T).withChangeType(type).to(to).toActivity();

        // When / Then
        assertThat(detector.detect(change, device, Policy.defaults())).isEmpty();
        assertThat(detector.detect(aConfigChange("c2", "cam-1", T).to("2.0.0").toActivity(),
                aDevice("cam-1").build(), Policy.defaults())).isEmpty();
    }
}
