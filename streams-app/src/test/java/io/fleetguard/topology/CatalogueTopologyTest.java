package io.fleetguard.topology;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.DeviceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** The rest of the catalogue through the whole topology, each with a case that must not fire. */
class CatalogueTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z"); // a Monday

    @TempDir
    Path stateDir;

    @Test
    void shouldRaiseLifecycleHygieneAndChangeControlAlerts() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            Instant reg = T0.minus(Duration.ofDays(1));
            h.register(aDevice("cam-ok").withExpectedFirmware("2.1.0").updatedAt(reg)
                    .withCredential(aCredential("fp-ok").withPrincipal("cam-ok").issuedAt(reg)).build());
            h.register(aDevice("cam-old").withStatus(DeviceStatus.DECOMMISSIONED).updatedAt(reg)
                    .withCredential(aCredential("fp-old").issuedAt(reg)).build());
            h.register(aDevice("cam-susp").withStatus(DeviceStatus.SUSPENDED).updatedAt(reg)
                    .withCredential(aCredential("fp-susp").issuedAt(reg)).build());
            h.register(aDevice("cam-orphan").withOwner(null).updatedAt(reg)
                    .withCredential(aCredential("fp-orphan").issuedAt(reg)).build());
            h.register(aDevice("cam-fd").updatedAt(reg)
                    .withCredential(aCredential("fp-fd").withPrincipal("admin").factoryDefault().issuedAt(reg)).build());

            h.send(aTelemetry("t-ok", "cam-ok", T0).withFingerprint("fp-ok").withReportedFirmware("v2.1.0").build());
            h.send(aTelemetry("t-drift", "cam-ok", T0.plusSeconds(1)).withFingerprint("fp-ok").withReportedFirmware("2.0.9").build());
            h.send(anAuthEvent("a-old", "cam-old", T0.plusSeconds(2)).success().withFingerprint("fp-old").build());
            h.send(anAuthEvent("a-susp", "cam-susp", T0.plusSeconds(3)).success().withFingerprint("fp-susp").build());
            h.send(anAuthEvent("a-susp-fail", "cam-susp", T0.plusSeconds(4)).failure("bad password").withFingerprint("fp-susp").build());
            h.send(anAuthEvent("a-orphan", "cam-orphan", T0.plusSeconds(5)).success().withFingerprint("fp-orphan").build());
            h.send(anAuthEvent("a-fd", "cam-fd", T0.plusSeconds(6)).success().withFingerprint("fp-fd").build());
            h.send(anAuthEvent("a-admin-try", "cam-ok", T0.plusSeconds(7)).failure("bad password").withPrincipal("Admin").build());
            h.send(aConfigChange("c-owner", "cam-ok", T0.plusSeconds(8)).byActor("ops-team", ActorType.OWNER).build());
            h.send(aConfigChange("c-vendor", "cam-ok", T0.plusSeconds(9)).byActor("eve", ActorType.VENDOR).build());
            h.send(aConfigChange("c-down", "cam-ok", T0.plusSeconds(10)).byActor("fw-bot", ActorType.AUTOMATION)
                    .withChangeType(ChangeType.FIRMWARE).from("2.1.0").to("2.0.9").build());
            h.send(aConfigChange("c-up", "cam-ok", T0.plusSeconds(11)).byActor("fw-bot", ActorType.AUTOMATION)
                    .withChangeType(ChangeType.FIRMWARE).from("2.0.9").to("2.10.0").build());

            assertThat(h.alertLines()).containsExactly(
                    "FIRMWARE_DRIFT LOW cam-ok firmware:2.0.9",
                    "RETIRED_IDENTITY_ACTIVE HIGH cam-old cam-old",
                    "RETIRED_IDENTITY_ACTIVE MEDIUM cam-susp cam-susp",
                    "ORPHANED_IDENTITY MEDIUM cam-orphan cam-orphan",
                    "DEFAULT_CREDENTIAL CRITICAL cam-fd fp-fd",
                    "DEFAULT_CREDENTIAL MEDIUM cam-ok principal:admin",
                    "UNAUTHORIZED_CONFIG_CHANGE HIGH cam-ok change:c-vendor",
                    "UNAUTHORIZED_CONFIG_CHANGE HIGH cam-ok firmware:2.1.0->2.0.9",
                    "FIRMWARE_DRIFT LOW cam-ok firmware:2.10.0");
        }
    }

    @Test
    void shouldRaiseDormancyAndCloningFromDeviceHistory() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            h.register(aDevice("cam-1").updatedAt(T0.minus(Duration.ofDays(1)))
                    .withCredential(aCredential("fp-1").issuedAt(T0.minus(Duration.ofDays(1)))).build());
            h.send(anAuthEvent("a1", "cam-1", T0).success().withFingerprint("fp-1").withSourceIp("10.1.1.5").build());
            h.send(anAuthEvent("a2", "cam-1", T0.plus(Duration.ofMinutes(5))).success().withFingerprint("fp-1").withSourceIp("10.1.1.6").build());
            h.send(anAuthEvent("a3", "cam-1", T0.plus(Duration.ofMinutes(9))).success().withFingerprint("fp-1").withSourceIp("192.0.2.44").build());
            // 90 days of silence, then back (the credential is a 397-day certificate: not stale)
            h.send(anAuthEvent("a4", "cam-1", T0.plus(Duration.ofDays(90)).plus(Duration.ofMinutes(9)))
                    .success().withFingerprint("fp-1").withSourceIp("10.1.1.5").build());

            assertThat(h.alerts()).extracting(a -> TopologyHarness.line(a) + " " + a.getTriggeringEventIds()).containsExactly(
                    "CLONED_IDENTITY HIGH cam-1 networks:10.1.1.0/24|192.0.2.0/24 [a3]",
                    "DORMANT_IDENTITY_REACTIVATED MEDIUM cam-1 cam-1 [a4]");
        }
    }

    @Test
    void shouldRaiseUnapprovedRemoteSupportPerBrokenRule() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            h.register(aDevice("plc-1").withApprovedSupportVendors("acme")
                    .withMaintenanceWindow(io.fleetguard.schema.DayOfWeek.MONDAY, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(11, 0))
                    .updatedAt(T0.minus(Duration.ofDays(1))).build());
            h.send(aSupportSession("s-ok", "plc-1", T0).withVendor("acme").withTicket("T-1").build());
            h.send(aSupportSession("s-ok", "plc-1", T0).withVendor("acme").withTicket("T-1").endedAt(T0.plus(Duration.ofHours(4))).build());
            h.send(aSupportSession("s-noticket", "plc-1", T0.plus(Duration.ofHours(5))).withVendor("acme").build());

            assertThat(h.alertLines()).containsExactly(
                    "UNAPPROVED_REMOTE_SUPPORT HIGH plc-1 session:s-noticket:no-ticket",
                    "UNAPPROVED_REMOTE_SUPPORT MEDIUM plc-1 session:s-noticket:outside-maintenance-window");
        }
    }
}
