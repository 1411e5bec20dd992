package io.fleetguard.detect;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules that need memory, pure: state in, state and findings out. */
class WindowedRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static Activity failure(String id, String device, Instant at, String ip) {
        return Activity.of(anAuthEvent(id, device, at).failure("bad password").withSourceIp(ip).build());
    }

    @Test
    void shouldFireABurstOnTheFifthFailureWithinFiveMinutesAndOnlyOncePerWindow() {
        FailureBurstRule rule = FailureBurstRule.perDevice(5, Duration.ofMinutes(5));
        RecentEvents state = RecentEvents.empty();
        List<String> fired = new java.util.ArrayList<>();
        // failures at 0, 1, 2, 3 min, then 4:59.999 (5th within the window), then 6th
        long[] offsets = {0, 60_000, 120_000, 180_000, 299_999, 300_500};
        for (int i = 0; i < offsets.length; i++) {
            Step step = rule.onFailure(state, failure("f" + i, "cam-1", T0.plusMillis(offsets[i]), "10.0.0.9"));
            state = step.state();
            step.findings().forEach(f -> fired.add(f.severity() + " " + f.subject() + " " + f.evidence().get("failures")));
        }
        assertThat(fired).containsExactly("MEDIUM device:cam-1 5");
    }

    @Test
    void shouldFireABurstCompletedByALateFailure() {
        FailureBurstRule rule = FailureBurstRule.perDevice(5, Duration.ofMinutes(5));
        RecentEvents state = RecentEvents.empty();
        List<Finding> found = new java.util.ArrayList<>();
        // processed in the order 1, 2, 3, 4 min, then the failure at 0 min arrives late
        for (long minute : new long[] {1, 2, 3, 4, 0}) {
            Step step = rule.onFailure(state, failure("f" + minute, "cam-1", T0.plus(Duration.ofMinutes(minute)), "10.0.0.9"));
            state = step.state();
            found.addAll(step.findings());
        }
        assertThat(found).singleElement().satisfies(f -> assertThat(f.evidence())
                .containsEntry("failures", "5").containsEntry("firstFailure", T0.toString())
                .containsEntry("lastFailure", T0.plus(Duration.ofMinutes(4)).toString()));
    }

    @Test
    void shouldNotFireWhenFiveFailuresSpanMoreThanTheWindow() {
        FailureBurstRule rule = FailureBurstRule.perDevice(5, Duration.ofMinutes(5));
        RecentEvents state = RecentEvents.empty();
        long fired = 0;
        for (int i = 0; i < 5; i++) { // 0, 76, 152, 228, 304 s: the 5th is 304 s after the 1st
            Step step = rule.onFailure(state, failure("f" + i, "cam-1", T0.plusSeconds(76L * i), "10.0.0.9"));
            state = step.state();
            fired += step.findings().size();
        }
        assertThat(fired).isZero();
    }

    @Test
    void shouldFlagPasswordSprayingFromOneSourceAcrossDevicesButNotOneDeviceAlone() {
        FailureBurstRule rule = FailureBurstRule.perSource(5, Duration.ofMinutes(5));
        RecentEvents spray = RecentEvents.empty();
        RecentEvents single = RecentEvents.empty();
        Finding found = null;
        long singleFindings = 0;
        for (int i = 0; i < 5; i++) {
            Step s = rule.onFailure(spray, failure("s" + i, "cam-" + i, T0.plusSeconds(i), "198.51.100.4"));
            spray = s.state();
            if (!s.findings().isEmpty()) {
                found = s.findings().get(0);
            }
            Step t = rule.onFailure(single, failure("t" + i, "cam-9", T0.plusSeconds(i), "198.51.100.5"));
            single = t.state();
            singleFindings += t.findings().size();
        }
        assertThat(found).isNotNull();
        assertThat(found.severity()).isEqualTo(Severity.HIGH);
        assertThat(found.subject()).isEqualTo("source:198.51.100.4");
        assertThat(found.evidence()).containsEntry("devices", "cam-0,cam-1,cam-2,cam-3,cam-4");
        assertThat(singleFindings).isZero();
    }

    @Test
    void shouldFlagACredentialUsedByASecondDeviceWithinTheWindowOnly() {
        SharedCredentialRule rule = new SharedCredentialRule(Duration.ofHours(24));
        RecentEvents state = RecentEvents.empty();
        Step a = rule.onUse(state, Activity.of(anAuthEvent("a", "cam-1", T0).success().withFingerprint("fp").build()));
        Step again = rule.onUse(a.state(), Activity.of(anAuthEvent("b", "cam-1", T0.plusSeconds(5)).success().withFingerprint("fp").build()));
        Step other = rule.onUse(again.state(), Activity.of(anAuthEvent("c", "cam-2", T0.plus(Duration.ofHours(23))).success().withFingerprint("fp").build()));
        Step late = rule.onUse(RecentEvents.empty().with(T0.toEpochMilli(), "cam-1", 8),
                Activity.of(anAuthEvent("d", "cam-3", T0.plus(Duration.ofHours(24)).plusMillis(1)).success().withFingerprint("fp").build()));

        assertThat(a.findings()).isEmpty();
        assertThat(again.findings()).isEmpty();
        assertThat(other.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.SHARED_CREDENTIAL);
            assertThat(f.subject()).isEqualTo("fp");
            assertThat(f.evidence()).containsEntry("otherDevices", "cam-1");
        });
        assertThat(late.findings()).isEmpty();
    }

    @Test
    void shouldFlagSharingWhenTheOtherDevicesUseIsProcessedFirstButHappenedLater() {
        SharedCredentialRule rule = new SharedCredentialRule(Duration.ofHours(24));
        Step later = rule.onUse(RecentEvents.empty(), Activity.of(anAuthEvent("b", "cam-2", T0.plus(Duration.ofHours(2)))
                .success().withFingerprint("fp").build()));
        Step earlier = rule.onUse(later.state(), Activity.of(anAuthEvent("a", "cam-1", T0).success().withFingerprint("fp").build()));

        assertThat(earlier.findings()).extracting(Finding::subject).containsExactly("fp");
        assertThat(earlier.findings().get(0).evidence()).containsEntry("otherDevices", "cam-2");
    }

    @Test
    void shouldFlagADeviceSilentForTheDormancyPeriodAndNotOneDayLess() {
        DeviceActivityRule rule = new DeviceActivityRule(Duration.ofDays(90), Duration.ofMinutes(10));
        Step first = rule.onUse(RecentEvents.empty(), aTelemetry("t1", "cam-1", T0).toActivity());
        Step early = rule.onUse(first.state(), aTelemetry("t2", "cam-1", T0.plus(Duration.ofDays(90)).minusMillis(1)).toActivity());
        Step dormant = rule.onUse(first.state(), aTelemetry("t3", "cam-1", T0.plus(Duration.ofDays(90))).toActivity());

        assertThat(first.findings()).as("no history: never dormant").isEmpty();
        assertThat(early.findings()).isEmpty();
        assertThat(dormant.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.DORMANT_IDENTITY_REACTIVATED);
            assertThat(f.evidence()).containsEntry("silentDays", "90").containsEntry("lastSeen", T0.toString());
        });
    }

    @Test
    void shouldFlagOneDeviceAuthenticatingFromTwoNetworksWithinTheCloneWindow() {
        DeviceActivityRule rule = new DeviceActivityRule(Duration.ofDays(90), Duration.ofMinutes(10));
        Step home = rule.onUse(RecentEvents.empty(), Activity.of(anAuthEvent("a", "cam-1", T0).success().withSourceIp("10.1.2.3").build()));
        Step sameNet = rule.onUse(home.state(), Activity.of(anAuthEvent("b", "cam-1", T0.plusSeconds(60)).success().withSourceIp("10.1.2.99").build()));
        Step other = rule.onUse(sameNet.state(), Activity.of(anAuthEvent("c", "cam-1", T0.plusSeconds(120)).success().withSourceIp("203.0.113.7").build()));
        Step muchLater = rule.onUse(home.state(), Activity.of(anAuthEvent("d", "cam-1", T0.plus(Duration.ofMinutes(11))).success().withSourceIp("203.0.113.7").build()));

        assertThat(sameNet.findings()).isEmpty();
        assertThat(other.findings()).extracting(Finding::type, Finding::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertType.CLONED_IDENTITY, "networks:10.1.2.0/24|203.0.113.0/24"));
        assertThat(muchLater.findings()).isEmpty();
    }

    @Test
    void shouldJudgeAConfigChangeByTheSupportSessionItCites() {
        SupportSessionRule rule = new SupportSessionRule(Policy.defaults());
        var device = aDevice("plc-1").withApprovedSupportVendors("acme").build();
        SupportSessions approved = rule.onSession(SupportSessions.empty(),
                aSupportSession("s-ok", "plc-1", T0).withVendor("ACME").withTicket("T-1").toActivity(), device).state();
        SupportSessions unapproved = rule.onSession(approved,
                aSupportSession("s-bad", "plc-1", T0).withVendor("shady").withTicket("T-2").toActivity(), device).state();

        Finding covered = rule.onConfigChange(unapproved, aConfigChange("c1", "plc-1", T0.plusSeconds(60))
                .byActor("bob@acme", ActorType.VENDOR).withSupportSession("s-ok").toActivity());
        Finding viaUnapproved = rule.onConfigChange(unapproved, aConfigChange("c2", "plc-1", T0.plusSeconds(60))
                .byActor("eve", ActorType.VENDOR).withSupportSession("s-bad").toActivity());
        Finding unknown = rule.onConfigChange(unapproved, aConfigChange("c3", "plc-1", T0.plusSeconds(60))
                .byActor("eve", ActorType.UNKNOWN).withSupportSession("s-none").toActivity());
        Finding before = rule.onConfigChange(unapproved, aConfigChange("c4", "plc-1", T0.minusSeconds(1))
                .byActor("bob@acme", ActorType.VENDOR).withSupportSession("s-ok").toActivity());

        assertThat(covered).isNull();
        assertThat(viaUnapproved.evidence()).containsEntry("reason", "unapproved-session");
        assertThat(unknown.evidence()).containsEntry("reason", "unknown-session");
        assertThat(before.evidence()).containsEntry("reason", "outside-session");
        assertThat(viaUnapproved.subject()).isEqualTo("change:c2");
    }

    @Test
    void shouldJudgeAnOpenSessionByItsDeviceClassLimit() {
        Policy policy = Policy.defaults().withClassOverrides(java.util.Map.of("plc",
                DeviceClassOverride.none().withSupportMaxDuration(Duration.ofHours(8))));
        SupportSessionRule rule = new SupportSessionRule(policy);
        var plc = aDevice("plc-1").withDeviceClass("plc").build();
        SupportSessions open = rule.onSession(SupportSessions.empty(),
                aSupportSession("s1", "plc-1", T0).withVendor("acme").withTicket("T").toActivity(), plc).state();

        assertThat(rule.onStreamTime(open, T0.plus(Duration.ofHours(5)).toEpochMilli()).sessions()).isEmpty();
        assertThat(rule.onStreamTime(open, T0.plus(Duration.ofHours(8)).toEpochMilli() + 1).sessions()).hasSize(1);
    }

    @Test
    void shouldReportASessionStillOpenAfterTheMaximumOnceOnStreamTime() {
        SupportSessionRule rule = new SupportSessionRule(Policy.defaults());
        SupportSessions open = rule.onSession(SupportSessions.empty(),
                aSupportSession("s1", "plc-1", T0).withVendor("acme").withTicket("T").toActivity(), null).state();

        SupportSessionRule.Overdue atLimit = rule.onStreamTime(open, T0.plus(Duration.ofHours(4)).toEpochMilli());
        SupportSessionRule.Overdue past = rule.onStreamTime(open, T0.plus(Duration.ofHours(4)).toEpochMilli() + 1);
        SupportSessionRule.Overdue again = rule.onStreamTime(past.state(), T0.plus(Duration.ofHours(9)).toEpochMilli());

        assertThat(atLimit.sessions()).isEmpty();
        assertThat(past.sessions()).extracting(SupportSessions.Session::sessionId).containsExactly("s1");
        assertThat(again.sessions()).isEmpty();
        assertThat(SupportSessions.fromBytes(past.state().toBytes())).isEqualTo(past.state());
    }

    @Test
    void shouldJudgeEachSupportRuleOncePerSessionWhicheverRecordComesFirst() {
        SupportSessionRule rule = new SupportSessionRule(Policy.defaults());
        var device = aDevice("plc-1").withApprovedSupportVendors("acme").build();
        var session = aSupportSession("s1", "plc-1", T0).withVendor("shady");
        var end = aSupportSession("s1", "plc-1", T0).withVendor("shady").endedAt(T0.plus(Duration.ofHours(5)));

        SupportSessionRule.Judged start = rule.onSession(SupportSessions.empty(), session.toActivity(), device);
        SupportSessionRule.Judged ended = rule.onSession(start.state(), end.toActivity(), device);
        SupportSessionRule.Judged endAgain = rule.onSession(ended.state(), end.toActivity(), device);
        SupportSessionRule.Judged oneShot = rule.onSession(SupportSessions.empty(), end.toActivity(), device);
        SupportSessionRule.Judged lateStart = rule.onSession(oneShot.state(), session.toActivity(), device);

        assertThat(start.findings()).extracting(Finding::subject)
                .containsExactly("session:s1:no-ticket", "session:s1:unapproved-vendor");
        assertThat(ended.findings()).extracting(Finding::subject).containsExactly("session:s1:over-max-duration");
        assertThat(endAgain.findings()).isEmpty();
        assertThat(oneShot.findings()).extracting(Finding::subject)
                .containsExactly("session:s1:no-ticket", "session:s1:unapproved-vendor", "session:s1:over-max-duration");
        assertThat(lateStart.findings()).isEmpty();
        // The late start does not reopen the session, so it is never reported as still open
        assertThat(lateStart.state().find("s1").endedAt()).isEqualTo(T0.plus(Duration.ofHours(5)).toEpochMilli());
        assertThat(rule.onStreamTime(lateStart.state(), T0.plus(Duration.ofHours(6)).toEpochMilli()).sessions()).isEmpty();
    }
}
