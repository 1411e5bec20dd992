package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DayOfWeek;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class UnapprovedRemoteSupportDetectorTest {

    // 2024-06-01 is a Saturday; the device's window is Saturday 22:00 to Sunday 02:00 UTC.
    private static final Instant SATURDAY_NOON = Instant.parse("2024-06-01T12:00:00Z");
    private static final Instant WINDOW_START = Instant.parse("2024-06-01T22:00:00Z");
    private static final Duration FOUR_HOURS = Duration.ofHours(4);
    private final UnapprovedRemoteSupportDetector detector = new UnapprovedRemoteSupportDetector();

    private final DeviceIdentity device = aDevice("cam-1")
            .withApprovedSupportVendors("Acme-Support")
            .withMaintenanceWindow(DayOfWeek.SATURDAY, LocalTime.of(22, 0), LocalTime.of(2, 0))
            .build();

    @Test
    void shouldRaiseOneFindingPerViolatedStartRule() {
        // Given an unticketed session by an unapproved vendor at Saturday noon
        Activity start = aSupportSession("s1", "cam-1", SATURDAY_NOON).withVendor("shady-remote").toActivity();

        // When
        List<Finding> findings = firstSeen(start, device, Policy.defaults());

        // Then
        String what = "Support session s1 on device cam-1 by vendor shady-remote";
        assertThat(findings).containsExactly(
                new Finding(AlertType.UNAPPROVED_REMOTE_SUPPORT, Severity.HIGH, "session:s1:no-ticket",
                        what + " has no ticket", startEvidence("no-ticket")),
                new Finding(AlertType.UNAPPROVED_REMOTE_SUPPORT, Severity.HIGH, "session:s1:unapproved-vendor",
                        what + " is not by an approved vendor",
                        with(startEvidence("unapproved-vendor"), "approvedSupportVendors", "Acme-Support")),
                new Finding(AlertType.UNAPPROVED_REMOTE_SUPPORT, Severity.MEDIUM, "session:s1:outside-maintenance-window",
                        what + " started at 2024-06-01T12:00:00Z, outside every maintenance window",
                        with(startEvidence("outside-maintenance-window"), "maintenanceWindows", "SATURDAY 22:00-02:00")));
    }

    @Test
    void shouldNotFireForATicketedSessionOfAnApprovedVendorInsideTheWindow() {
        // Given the vendor spelled in another case
        Activity start = aSupportSession("s1", "cam-1", WINDOW_START).withVendor("ACME-support").withTicket("CHG-1")
                .toActivity();

        // When / Then
        assertThat(firstSeen(start, device, Policy.defaults())).isEmpty();
    }

    @ParameterizedTest(name = "start {0}: outside = {1}")
    @CsvSource({
            "2024-06-01T21:59:59.999Z, true",
            "2024-06-01T22:00:00Z, false",
            "2024-06-02T01:59:59.999Z, false",
            "2024-06-02T02:00:00Z, true"})
    void shouldIncludeTheWindowStartAndExcludeItsEnd(String startedAt, boolean outside) {
        // Given
        Activity start = aSupportSession("s1", "cam-1", Instant.parse(startedAt)).withTicket("CHG-1").toActivity();

        // When
        List<Finding> findings = firstSeen(start, approving(device), Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::subject)
                .containsExactlyElementsOf(outside ? List.of("session:s1:outside-maintenance-window") : List.of());
    }

    @Test
    void shouldNotEnforceWindowsOnADeviceWithoutAny() {
        // Given
        DeviceIdentity anyTime = aDevice("cam-1").withApprovedSupportVendors("acme-support").build();
        Activity start = aSupportSession("s1", "cam-1", SATURDAY_NOON).withTicket("CHG-1").toActivity();

        // When / Then
        assertThat(firstSeen(start, anyTime, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldApproveNoVendorWhenTheDeviceListsNone() {
        // Given
        DeviceIdentity noVendors = aDevice("cam-1").build();
        Activity start = aSupportSession("s1", "cam-1", SATURDAY_NOON).withTicket("CHG-1").toActivity();

        // When
        List<Finding> findings = firstSeen(start, noVendors, Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::subject).containsExactly("session:s1:unapproved-vendor");
    }

    @Test
    void shouldTreatABlankTicketAsNone() {
        // Given
        Activity start = aSupportSession("s1", "cam-1", WINDOW_START).withTicket(" ").toActivity();

        // When / Then
        assertThat(firstSeen(start, approving(device), Policy.defaults())).extracting(Finding::subject)
                .containsExactly("session:s1:no-ticket");
    }

    @Test
    void shouldNotFireWhenTheSessionLastsExactlyTheLimit() {
        // Given
        Activity end = aSupportSession("s1", "cam-1", WINDOW_START).withTicket("CHG-1")
                .endedAt(WINDOW_START.plus(FOUR_HOURS)).toActivity();

        // When / Then
        assertThat(firstSeen(end, device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldRaiseMediumOneMillisecondPastTheLimit() {
        // Given
        Activity end = aSupportSession("s1", "cam-1", WINDOW_START).withTicket("CHG-1")
                .endedAt(WINDOW_START.plus(FOUR_HOURS).plusMillis(1)).toActivity();

        // When
        List<Finding> findings = firstSeen(end, device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.UNAPPROVED_REMOTE_SUPPORT, Severity.MEDIUM,
                "session:s1:over-max-duration",
                "Support session s1 on device cam-1 by vendor acme-support lasted PT4H0.001S, longer than the PT4H allowed",
                Map.ofEntries(entry("activity", "SUPPORT_SESSION"), entry("eventId", "s1:end"),
                        entry("violation", "over-max-duration"), entry("sessionId", "s1"), entry("vendor", "acme-support"),
                        entry("operator", "op-1"), entry("method", "ssh"), entry("ticketId", "CHG-1"),
                        entry("startedAt", "2024-06-01T22:00:00Z"), entry("endedAt", "2024-06-02T02:00:00.001Z"),
                        entry("sourceIp", "198.51.100.7"), entry("duration", "PT4H0.001S"), entry("maxDuration", "PT4H"))));
    }

    @Test
    void shouldJudgeASessionExportedOnceAtItsEndOnEveryRule() {
        // Given one record with start and end: no ticket, unapproved vendor, outside the window, 5 h long
        Activity oneShot = aSupportSession("s1", "cam-1", SATURDAY_NOON).withVendor("shady-remote")
                .endedAt(SATURDAY_NOON.plus(Duration.ofHours(5))).toActivity();

        // When
        List<Finding> findings = firstSeen(oneShot, device, Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::subject, Finding::severity, f -> f.evidence().get("eventId")).containsExactly(
                tuple("session:s1:no-ticket", Severity.HIGH, "s1:end"),
                tuple("session:s1:unapproved-vendor", Severity.HIGH, "s1:end"),
                tuple("session:s1:outside-maintenance-window", Severity.MEDIUM, "s1:end"),
                tuple("session:s1:over-max-duration", Severity.MEDIUM, "s1:end"));
    }

    @Test
    void shouldSkipTheRulesAnEarlierRecordOfTheSessionWasJudgedOn() {
        // Given a session violating every rule
        Activity end = aSupportSession("s1", "cam-1", SATURDAY_NOON).withVendor("shady-remote")
                .endedAt(SATURDAY_NOON.plus(Duration.ofHours(5))).toActivity();

        // When / Then: after its start only the duration is left; after an earlier end, nothing
        assertThat(detector.detect(end, device, Policy.defaults(), true, false)).extracting(Finding::subject)
                .containsExactly("session:s1:over-max-duration");
        assertThat(detector.detect(end, device, Policy.defaults(), true, true)).isEmpty();
        assertThat(detector.detect(end, device, Policy.defaults(), false, true)).extracting(Finding::subject)
                .containsExactly("session:s1:no-ticket", "session:s1:unapproved-vendor",
                        "session:s1:outside-maintenance-window");
    }

    @Test
    void shouldJudgeAStartOnTheStartRulesOnly() {
        // Given a cleanly started session that is still open
        Activity longStart = aSupportSession("s2", "cam-1", WINDOW_START).withTicket("CHG-1").toActivity();

        // When / Then
        assertThat(firstSeen(longStart, device, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldApplyTheDeviceClassLimit() {
        // Given cameras may have 1 h sessions; a plc keeps the fleet-wide 4 h
        Policy policy = Policy.defaults().withClassOverrides(Map.of("camera",
                DeviceClassOverride.none().withSupportMaxDuration(Duration.ofHours(1))));
        DeviceIdentity plc = aDevice("plc-1").withDeviceClass("plc").withApprovedSupportVendors("acme-support").build();
        Instant end = WINDOW_START.plus(Duration.ofHours(1)).plusMillis(1);

        // When
        List<Finding> camera = firstSeen(aSupportSession("s1", "cam-1", WINDOW_START).withTicket("CHG-1")
                .endedAt(end).toActivity(), device, policy);
        List<Finding> other = firstSeen(aSupportSession("s2", "plc-1", WINDOW_START).withTicket("CHG-2")
                .endedAt(end).toActivity(), plc, policy);

        // Then
        assertThat(camera).extracting(Finding::subject, f -> f.evidence().get("maxDuration"))
                .containsExactly(tuple("session:s1:over-max-duration", "PT1H"));
        assertThat(other).isEmpty();
    }

    @Test
    void shouldNotFireForAnUnknownDeviceOrAnythingButASession() {
        // When / Then
        assertThat(firstSeen(aSupportSession("s1", "cam-9", SATURDAY_NOON).toActivity(), null,
                Policy.defaults())).isEmpty();
        assertThat(firstSeen(aConfigChange("c1", "cam-1", SATURDAY_NOON).toActivity(), device,
                Policy.defaults())).isEmpty();
    }

    /** Judged as the first record seen of its session. */
    private List<Finding> firstSeen(Activity activity, DeviceIdentity identity, Policy policy) {
        return detector.detect(activity, identity, policy, false, false);
    }

    private static DeviceIdentity approving(DeviceIdentity device) {
        return DeviceIdentity.newBuilder(device).setApprovedSupportVendors(List.of("acme-support")).build();
    }

    private static Map<String, String> startEvidence(String violation) {
        return Map.of("activity", "SUPPORT_SESSION", "eventId", "s1:start", "violation", violation, "sessionId", "s1",
                "vendor", "shady-remote", "operator", "op-1", "method", "ssh", "startedAt", "2024-06-01T12:00:00Z",
                "sourceIp", "198.51.100.7");
    }

    private static Map<String, String> with(Map<String, String> evidence, String key, String value) {
        Map<String, String> out = new HashMap<>(evidence);
        out.put(key, value);
        return out;
    }
}
