package io.fleetguard.detect;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.DeviceIdentity;
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
import static io.fleetguard.testdata.Builders.aTelemetry;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class UnauthorizedConfigChangeDetectorTest {

    private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
    private final Detector detector = new UnauthorizedConfigChangeDetector();
    private final DeviceIdentity device = aDevice("cam-1").withOwner("ops-team").build();

    @Test
    void shouldAllowTheOwnerInAnyCaseAndAutomation() {
        // Given
        Activity owner = aConfigChange("c1", "cam-1", T).byActor("OPS-Team", ActorType.OWNER)
                .withChangeType(ChangeType.NETWORK).toActivity();
        Activity automation = aConfigChange("c2", "cam-1", T).byActor("ci-bot", ActorType.AUTOMATION)
                .withChangeType(ChangeType.CREDENTIAL).toActivity();

        // When / Then
        assertThat(detector.detect(owner, device, Policy.defaults())).isEmpty();
        assertThat(detector.detect(automation, device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldShowACredentialChangesValuesOnlyWhenTheyAreFingerprints() {
        // Given a vendor's credential change whose tool logged the new password itself
        String fingerprint = "ab".repeat(32);
        Activity change = aConfigChange("c1", "cam-1", T).byActor("acme-tech", ActorType.VENDOR)
                .withChangeType(ChangeType.CREDENTIAL).from(fingerprint).to("hunter2-new-password").toActivity();

        // When
        Map<String, String> evidence = detector.detect(change, device, Policy.defaults()).get(0).evidence();

        // Then the fingerprint is shown and the secret is not
        assertThat(evidence).containsEntry("fromValue", fingerprint).containsEntry("toValue", "[hidden]");
        assertThat(evidence.values()).noneMatch(v -> v.contains("hunter2"));
    }

    @Test
    void shouldRaiseHighForAVendorChangeOutsideAnySupportSession() {
        // Given a ticket alone is not a support session
        Activity change = aConfigChange("c1", "cam-1", T).byActor("acme-tech", ActorType.VENDOR)
                .withChangeType(ChangeType.NETWORK).from("10.0.0.0/24").to("0.0.0.0/0").withTicket("CHG-9").toActivity();

        // When
        List<Finding> findings = detector.detect(change, device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNAUTHORIZED_CONFIG_CHANGE, Severity.HIGH, "change:c1",
                "NETWORK change on device cam-1 by VENDOR acme-tech outside any support session",
                Map.ofEntries(entry("activity", "CONFIG_CHANGE"), entry("eventId", "c1"),
                        entry("reason", "unauthorized-actor"), entry("actor", "acme-tech"), entry("actorType", "VENDOR"),
                        entry("changeType", "NETWORK"), entry("fromValue", "10.0.0.0/24"), entry("toValue", "0.0.0.0/0"),
                        entry("ticketId", "CHG-9"), entry("owner", "ops-team"))));
    }

    @ParameterizedTest
    @EnumSource(value = ActorType.class, names = {"VENDOR", "UNKNOWN"})
    void shouldTrustASupportSessionNamedOnTheChange(ActorType actorType) {
        // Given (whether the session was approved is judged by the stateful correlation)
        Activity change = aConfigChange("c1", "cam-1", T).byActor("acme-tech", actorType)
                .withChangeType(ChangeType.OTHER).withSupportSession("s1").toActivity();

        // When / Then
        assertThat(detector.detect(change, device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldRaiseForAnUnknownActorOrAClaimedOwnerWhoIsNotTheOwner() {
        // Given
        Activity unknown = aConfigChange("c1", "cam-1", T).byActor("someone", ActorType.UNKNOWN).toActivity();
        Activity impostor = aConfigChange("c2", "cam-1", T).byActor("mallory", ActorType.OWNER).toActivity();
        Activity blankSession = aConfigChange("c3", "cam-1", T).byActor("acme-tech", ActorType.VENDOR)
                .withSupportSession(" ").toActivity();

        // When / Then
        assertThat(detector.detect(unknown, device, Policy.defaults())).extracting(Finding::subject).containsExactly("change:c1");
        assertThat(detector.detect(impostor, device, Policy.defaults())).extracting(Finding::subject).containsExactly("change:c2");
        assertThat(detector.detect(blankSession, device, Policy.defaults())).extracting(Finding::subject)
                .containsExactly("change:c3");
    }

    @Test
    void shouldLetNoOneActAsOwnerOfAnOrphanedDevice() {
        // Given
        DeviceIdentity orphan = aDevice("cam-1").withOwner(null).build();
        Activity change = aConfigChange("c1", "cam-1", T).byActor("ops-team", ActorType.OWNER)
                .withChangeType(ChangeType.ACCESS_POLICY).toActivity();

        // When
        List<Finding> findings = detector.detect(change, orphan, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNAUTHORIZED_CONFIG_CHANGE, Severity.HIGH, "change:c1",
                "ACCESS_POLICY change on device cam-1 by OWNER ops-team outside any support session",
                Map.of("activity", "CONFIG_CHANGE", "eventId", "c1", "reason", "unauthorized-actor", "actor", "ops-team",
                        "actorType", "OWNER", "changeType", "ACCESS_POLICY")));
    }

    @Test
    void shouldRaiseHighForAFirmwareDowngradeEvenByTheOwner() {
        // Given
        Activity change = aConfigChange("c1", "cam-1", T).from("2.0.0").to("v1.9.9").toActivity();

        // When
        List<Finding> findings = detector.detect(change, device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNAUTHORIZED_CONFIG_CHANGE, Severity.HIGH,
                "firmware:2.0.0->v1.9.9", "Firmware of device cam-1 downgraded from 2.0.0 to v1.9.9 by OWNER ops-team",
                Map.of("activity", "CONFIG_CHANGE", "eventId", "c1", "reason", "firmware-downgrade", "actor", "ops-team",
                        "actorType", "OWNER", "changeType", "FIRMWARE", "fromValue", "2.0.0", "toValue", "v1.9.9")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.10.0, 1.9.9", "2.0.0, 2.0.0-rc.1", "v1.2.0, 1.1.9", "1.0.0-beta.11, 1.0.0-beta.2"})
    void shouldRecognizeADowngrade(String from, String to) {
        // When
        List<Finding> findings = detector.detect(aConfigChange("c1", "cam-1", T).from(from).to(to).toActivity(), device,
                Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::subject).containsExactly("firmware:" + from + "->" + to);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1.9.9, 1.10.0",
            "2.0.0-rc.1, 2.0.0",
            "1.2.0, v1.2.0",
            "1.2.3+build.9, 1.2.3+build.1",
            "1.2, 1.1.0",
            "v1.2, 1.1",
            "build-7, build-6",
            ", 1.0.0",
            "1.0.0, "})
    void shouldClaimNoDowngradeForAnUpgradeTheSameVersionOrNonSemanticValues(String from, String to) {
        // When / Then
        assertThat(detector.detect(aConfigChange("c1", "cam-1", T).from(from).to(to).toActivity(), device,
                Policy.defaults())).isEmpty();
    }

    @Test
    void shouldJudgeDowngradesOnlyOnFirmwareChanges() {
        // Given
        Activity other = aConfigChange("c1", "cam-1", T).withChangeType(ChangeType.OTHER).from("2.0.0").to("1.0.0")
                .toActivity();

        // When / Then
        assertThat(detector.detect(other, device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldRaiseBothReasonsInOrder() {
        // Given a vendor downgrading firmware outside any session
        Activity change = aConfigChange("c1", "cam-1", T).byActor("acme-tech", ActorType.VENDOR).from("3.1.0").to("3.0.9")
                .toActivity();

        // When
        List<Finding> findings = detector.detect(change, device, Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::subject, f -> f.evidence().get("reason")).containsExactly(
                tuple("change:c1", "unauthorized-actor"),
                tuple("firmware:3.1.0->3.0.9", "firmware-downgrade"));
    }

    @Test
    void shouldNotFireForAnUnknownDeviceOrAnythingButAChange() {
        // When / Then
        assertThat(detector.detect(aConfigChange("c1", "cam-9", T).byActor("x", ActorType.UNKNOWN).from("2.0.0").to("1.0.0")
                .toActivity(), null, Policy.defaults())).isEmpty();
        assertThat(detector.detect(aTelemetry("t1", "cam-1", T).toActivity(), device, Policy.defaults())).isEmpty();
    }
}
