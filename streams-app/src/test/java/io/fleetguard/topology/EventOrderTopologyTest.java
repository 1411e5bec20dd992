package io.fleetguard.topology;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.IdentityAlert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code event.order.grace.ms}: activities that arrive out of event-time order, across inputs and
 * against the registry, are judged in event-time order, as an offline replay judges them.
 */
class EventOrderTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Map<String, String> TEN_MINUTES = Map.of("event.order.grace.ms", "600000");

    @TempDir
    Path stateDir;

    private static void register(TopologyHarness h, String device, String fingerprint) {
        h.register(aDevice(device).updatedAt(T0.minus(Duration.ofDays(1))).withApprovedSupportVendors("acme")
                .withCredential(aCredential(fingerprint).issuedAt(T0.minus(Duration.ofDays(5)))).build());
    }

    /** A change by acme at T0+5min citing session s1, which started at T0 but arrives after the change. */
    private static void changeBeforeItsSession(TopologyHarness h) {
        h.send(aConfigChange("c1", "plc-1", T0.plus(Duration.ofMinutes(5))).byActor("acme-tech-1", ActorType.VENDOR)
                .withChangeType(ChangeType.OTHER).withSupportSession("s1").build());
        h.send(aSupportSession("s1", "plc-1", T0).withVendor("acme").withOperator("acme-tech-1").withTicket("T-1").build());
    }

    @Test
    void shouldJudgeAChangeAfterTheSessionItCitesWhenTheSessionArrivesSecond() {
        try (TopologyHarness h = new TopologyHarness(stateDir.resolve("grace"), TEN_MINUTES)) {
            register(h, "plc-1", "fp-plc-1");
            changeBeforeItsSession(h);
            assertThat(h.alerts()).as("both held for the grace").isEmpty();

            // When stream time passes the change by more than the grace
            h.send(aTelemetry("t1", "plc-1", T0.plus(Duration.ofMinutes(16))).withFingerprint("fp-plc-1").build());

            // Then the session came first, as it happened: the change is covered
            assertThat(h.alerts()).isEmpty();
        }
    }

    @Test
    void shouldWithoutGraceJudgeTheChangeBeforeTheSessionItCites() {
        try (TopologyHarness h = new TopologyHarness(stateDir.resolve("none"), Map.of())) {
            register(h, "plc-1", "fp-plc-1");
            changeBeforeItsSession(h);

            assertThat(h.alerts()).extracting(a -> TopologyHarness.line(a) + " " + a.getEvidence().get("reason"))
                    .containsExactly("UNAUTHORIZED_CONFIG_CHANGE HIGH plc-1 change:c1 unknown-session");
        }
    }

    @Test
    void shouldApplyARotationThatArrivesAfterAUseOfTheRotatedOutCredential() {
        try (TopologyHarness h = new TopologyHarness(stateDir, TEN_MINUTES)) {
            register(h, "cam-1", "fp-old");
            // Given a use of fp-old at T0+1min that arrives before the rotation that retired fp-old at T0
            h.send(anAuthEvent("late-use", "cam-1", T0.plusSeconds(60)).success().withFingerprint("fp-old").build());
            h.register(aDevice("cam-1").updatedAt(T0)
                    .withCredential(aCredential("fp-old").issuedAt(T0.minus(Duration.ofDays(5))).supersededBy("fp-new"))
                    .withCredential(aCredential("fp-new").issuedAt(T0)).build());
            // When stream time passes the grace
            h.send(anAuthEvent("tick", "cam-1", T0.plus(Duration.ofMinutes(12))).success().withFingerprint("fp-new").build());

            // Then the use is judged by the registry of its time: a rotated-out credential
            assertThat(h.alerts()).extracting(a -> TopologyHarness.line(a) + " " + a.getTriggeringEventIds())
                    .containsExactly("REVOKED_CREDENTIAL_IN_USE HIGH cam-1 fp-old [late-use]");
        }
    }

    @Test
    void shouldOpenASuppressionWindowWithTheEarliestEventWhateverItsArrival() {
        // Given two uses of an expired credential, one by telemetry at T0+10min, one by auth at T0+1min
        List<String> inOrder;
        try (TopologyHarness h = new TopologyHarness(stateDir.resolve("in-order"), Map.of())) {
            expiredCredential(h);
            h.send(anAuthEvent("a1", "cam-1", T0.plusSeconds(60)).success().withFingerprint("fp-x").build());
            h.send(aTelemetry("t1", "cam-1", T0.plus(Duration.ofMinutes(10))).withFingerprint("fp-x").build());
            inOrder = ids(h.alerts());
        }
        // When they arrive in the other order, with a grace
        List<String> reversed;
        try (TopologyHarness h = new TopologyHarness(stateDir.resolve("reversed"), TEN_MINUTES)) {
            expiredCredential(h);
            h.send(aTelemetry("t1", "cam-1", T0.plus(Duration.ofMinutes(10))).withFingerprint("fp-x").build());
            h.send(anAuthEvent("a1", "cam-1", T0.plusSeconds(60)).success().withFingerprint("fp-x").build());
            h.send(aTelemetry("tick", "cam-2", T0.plus(Duration.ofMinutes(25))).withFingerprint("fp-y").build());
            reversed = ids(h.alerts().stream().filter(a -> a.getDeviceId().equals("cam-1")).toList());
        }
        // Then the same alert, opened by the auth event, with the same id
        assertThat(inOrder).hasSize(2).allSatisfy(line -> assertThat(line).endsWith(" [a1]"))
                .anySatisfy(line -> assertThat(line).endsWith(" EXPIRED_CREDENTIAL [a1]"))
                .anySatisfy(line -> assertThat(line).endsWith(" STALE_CREDENTIAL [a1]"));
        assertThat(reversed).isEqualTo(inOrder);
    }

    @Test
    void shouldJudgeAnEventLaterThanTheGraceAtOnceAndCountIt() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of("event.order.grace.ms", "60000"))) {
            // Given an event at T0+10min, released when stream time reaches T0+20min
            h.send(anAuthEvent("e1", "cam-1", T0.plus(Duration.ofMinutes(10))).success().withFingerprint("fp-1").build());
            h.send(anAuthEvent("e2", "cam-2", T0.plus(Duration.ofMinutes(20))).success().withFingerprint("fp-2").build());
            assertThat(h.alertLines()).containsExactly("UNKNOWN_DEVICE HIGH cam-1 cam-1");

            // When an event at T0 arrives, 20 minutes behind stream time and behind a released event
            h.send(anAuthEvent("e0", "cam-0", T0).success().withFingerprint("fp-0").build());

            // Then it is judged at once, out of order, and counted as such
            assertThat(h.alertLines()).containsExactly("UNKNOWN_DEVICE HIGH cam-0 cam-0");
            assertThat(h.metrics.eventsOutOfOrder("auth")).isEqualTo(1.0);
            assertThat(h.metrics.eventsOutOfOrder("telemetry")).isZero();
        }
    }

    @Test
    void shouldReleaseHeldActivitiesWhenOnlyTheRegistryMovesStreamTime() {
        try (TopologyHarness h = new TopologyHarness(stateDir, TEN_MINUTES)) {
            // Given the last activity of a history, held for the grace
            h.send(anAuthEvent("last", "cam-9", T0).success().withFingerprint("fp-9").build());
            assertThat(h.alerts()).isEmpty();

            // When only a registry re-export, 11 minutes later, moves stream time on
            register(h, "plc-1", "fp-plc-1");
            assertThat(h.alerts()).as("a registry entry at T0-1d moves nothing").isEmpty();
            h.register(aDevice("plc-2").updatedAt(T0.plus(Duration.ofMinutes(11)))
                    .withCredential(aCredential("fp-plc-2").issuedAt(T0)).build());

            // Then the held activity is judged
            assertThat(h.alertLines()).containsExactly("UNKNOWN_DEVICE HIGH cam-9 cam-9");
        }
    }

    @Test
    void shouldCountARegistryVersionThatArrivesBehindTheReleasedActivities() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of("event.order.grace.ms", "60000"))) {
            // Given stream time at T0+10min, so activities up to T0+9min have been released
            h.send(anAuthEvent("e1", "cam-1", T0.plus(Duration.ofMinutes(10))).success().withFingerprint("fp-1").build());

            // When a version valid from T0+9min30s arrives, then one valid from T0+5min
            h.register(aDevice("cam-2").updatedAt(T0.plus(Duration.ofSeconds(570))).withCredential(aCredential("fp-2").issuedAt(T0)).build());
            assertThat(h.metrics.registryUpdatesLate()).as("within the grace").isZero();
            h.register(aDevice("cam-3").updatedAt(T0.plus(Duration.ofMinutes(5))).withCredential(aCredential("fp-3").issuedAt(T0)).build());

            // Then only the second is late: activities of cam-3 after T0+5min may have been judged without it
            assertThat(h.metrics.registryUpdatesLate()).isEqualTo(1.0);
        }
    }

    private static void expiredCredential(TopologyHarness h) {
        h.register(aDevice("cam-1").updatedAt(T0.minus(Duration.ofDays(1)))
                .withCredential(aCredential("fp-x").issuedAt(T0.minus(Duration.ofDays(400))).expiresAt(T0.minus(Duration.ofDays(1))))
                .build());
        register(h, "cam-2", "fp-y");
    }

    private static List<String> ids(List<IdentityAlert> alerts) {
        return alerts.stream().map(a -> a.getAlertId() + " " + a.getType() + " " + a.getTriggeringEventIds()).toList();
    }
}
