package io.fleetguard.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetguard.ocsf.OcsfRequiredFields;
import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules with memory, through the whole topology, and the OCSF twin of every alert. */
class StatefulTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path stateDir;

    private static void register(TopologyHarness h, String... devices) {
        for (String d : devices) {
            h.register(aDevice(d).updatedAt(T0.minus(Duration.ofDays(1))).withApprovedSupportVendors("acme")
                    .withCredential(aCredential("fp-" + d).issuedAt(T0.minus(Duration.ofDays(5)))).build());
        }
    }

    @Test
    void shouldRaiseABurstForFiveFailuresOnOneDeviceWithinFiveMinutes() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            register(h, "cam-1");
            for (int i = 0; i < 5; i++) {
                h.send(anAuthEvent("f" + i, "cam-1", T0.plusSeconds(50L * i)).failure("bad password").withSourceIp("10.0.0.5").build());
            }
            assertThat(h.alertLines()).containsExactly("AUTH_FAILURE_BURST MEDIUM cam-1 device:cam-1");
        }
    }

    @Test
    void shouldRaisePasswordSprayingFromOneSourceAcrossDevicesThroughTheSourceRepartition() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            register(h, "cam-1", "cam-2", "cam-3", "cam-4", "cam-5");
            for (int i = 1; i <= 5; i++) {
                h.send(anAuthEvent("s" + i, "cam-" + i, T0.plusSeconds(i)).failure("bad password").withSourceIp("198.51.100.9").build());
            }
            List<KeyValue<String, IdentityAlert>> alerts = h.alerts.readKeyValuesToList();
            assertThat(alerts).extracting(kv -> kv.key + " " + TopologyHarness.line(kv.value))
                    .containsExactly("cam-5 AUTH_FAILURE_BURST HIGH cam-5 source:198.51.100.9");
        }
    }

    @Test
    void shouldRaiseSharedCredentialWhenASecondDeviceAuthenticatesWithTheSameFingerprint() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            register(h, "cam-1", "cam-2");
            h.send(anAuthEvent("a1", "cam-1", T0).success().withFingerprint("fp-cam-1").withSourceIp("10.0.0.1").build());
            h.send(anAuthEvent("a2", "cam-2", T0.plus(Duration.ofHours(3))).success().withFingerprint("fp-cam-1").withSourceIp("10.0.0.2").build());

            // cam-1's credential is not cam-2's: the use is also a clone of cam-2's identity, naming the owner
            List<KeyValue<String, IdentityAlert>> alerts = h.alerts.readKeyValuesToList();
            assertThat(alerts).extracting(kv -> kv.key + " " + TopologyHarness.line(kv.value)).containsExactlyInAnyOrder(
                    "cam-2 SHARED_CREDENTIAL HIGH cam-2 fp-cam-1", "cam-2 CLONED_IDENTITY HIGH cam-2 fp-cam-1");
            assertThat(alerts).filteredOn(kv -> kv.value.getType() == io.fleetguard.schema.AlertType.CLONED_IDENTITY)
                    .extracting(kv -> kv.value.getEvidence().get("credentialOwner")).containsExactly("cam-1");
        }
    }

    @Test
    void shouldReportASupportSessionThatNeverEndsOnStreamTime() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            register(h, "plc-1", "cam-1");
            h.send(aSupportSession("s1", "plc-1", T0).withVendor("acme").withTicket("T-1").build());
            h.send(aTelemetry("t1", "cam-1", T0.plus(Duration.ofHours(4))).withFingerprint("fp-cam-1").build());
            assertThat(h.alerts()).as("exactly 4 h is not over the limit").isEmpty();

            h.send(aTelemetry("t2", "cam-1", T0.plus(Duration.ofHours(4)).plusSeconds(61)).withFingerprint("fp-cam-1").build());

            List<IdentityAlert> alerts = h.alerts();
            assertThat(alerts).extracting(TopologyHarness::line)
                    .containsExactly("UNAPPROVED_REMOTE_SUPPORT MEDIUM plc-1 session:s1:still-open");
            assertThat(alerts.get(0).getEventTime()).isEqualTo(T0.plus(Duration.ofHours(4)).plusMillis(1));
        }
    }

    @Test
    void shouldJudgeASupportSessionExportedOnceAtItsEndOnEveryRuleOnce() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            register(h, "plc-1");
            // Given a session recorder's export: one record, already ended, no ticket, unapproved vendor, 5 h long
            h.send(aSupportSession("s1", "plc-1", T0).withVendor("shady-remote").endedAt(T0.plus(Duration.ofHours(5))).build());
            // and the same export delivered again, then a late start update of it
            h.send(aSupportSession("s1", "plc-1", T0).withVendor("shady-remote").endedAt(T0.plus(Duration.ofHours(5))).build());
            h.send(aSupportSession("s1", "plc-1", T0).withVendor("shady-remote").build());
            // and stream time far past the support maximum
            h.send(aTelemetry("t1", "plc-1", T0.plus(Duration.ofHours(9))).withFingerprint("fp-plc-1").build());

            // Then each rule fires once, on the one-shot record, and the session is never reported still open
            List<IdentityAlert> alerts = h.alerts();
            assertThat(alerts).extracting(TopologyHarness::line).containsExactly(
                    "UNAPPROVED_REMOTE_SUPPORT HIGH plc-1 session:s1:no-ticket",
                    "UNAPPROVED_REMOTE_SUPPORT HIGH plc-1 session:s1:unapproved-vendor",
                    "UNAPPROVED_REMOTE_SUPPORT MEDIUM plc-1 session:s1:over-max-duration");
            assertThat(alerts).extracting(IdentityAlert::getTriggeringEventIds)
                    .containsOnly(List.of("s1:end"));
        }
    }

    @Test
    void shouldJudgeTheStartRulesOnTheStartAndNotAgainOnTheEnd() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            register(h, "plc-1");
            h.send(aSupportSession("s1", "plc-1", T0).withVendor("acme").build());
            h.send(aSupportSession("s1", "plc-1", T0).withVendor("acme").endedAt(T0.plus(Duration.ofHours(2))).build());

            assertThat(h.alerts()).extracting(a -> TopologyHarness.line(a) + " " + a.getTriggeringEventIds())
                    .containsExactly("UNAPPROVED_REMOTE_SUPPORT HIGH plc-1 session:s1:no-ticket [s1:start]");
        }
    }

    @Test
    void shouldFoldTheTelemetryThatReportsAnUnexpectedFirmwareIntoTheChangesDriftAlert() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            h.register(aDevice("cam-1").updatedAt(T0.minus(Duration.ofDays(1))).withExpectedFirmware("4.3.0")
                    .withCredential(aCredential("fp-cam-1").issuedAt(T0.minus(Duration.ofDays(5)))).build());
            // Given the owner installs 4.4.0-beta, which the registry does not expect, and telemetry reports it
            h.send(io.fleetguard.testdata.Builders.aConfigChange("c1", "cam-1", T0).from("4.3.0").to("4.4.0-beta").build());
            h.send(aTelemetry("t1", "cam-1", T0.plus(Duration.ofMinutes(5))).withFingerprint("fp-cam-1")
                    .withReportedFirmware("4.4.0-beta").build());
            // When the suppression window closes
            h.send(aTelemetry("t2", "cam-1", T0.plus(Duration.ofMinutes(62))).withFingerprint("fp-cam-1").build());

            // Then one drift alert, raised by the change, updated with the telemetry
            assertThat(h.alerts()).extracting(a -> a.getActivity() + " " + TopologyHarness.line(a) + " "
                    + a.getCount() + " " + a.getTriggeringEventIds()).containsExactly(
                    "NEW FIRMWARE_DRIFT LOW cam-1 firmware:4.4.0-beta 1 [c1]",
                    "UPDATE FIRMWARE_DRIFT LOW cam-1 firmware:4.4.0-beta 2 [c1, t1]");
        }
    }

    @Test
    void shouldKeepWindowedStateBoundedOverALongSimulatedPeriod() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            register(h, "cam-1");
            // 30 days, one failed login per minute, each from a new source address and a new device id
            int minutes = 30 * 24 * 60;
            for (int m = 0; m < minutes; m++) {
                String ip = "10." + (m >> 16 & 255) + "." + (m >> 8 & 255) + "." + (m & 255);
                h.send(anAuthEvent("f" + m, "dev-" + m, T0.plus(Duration.ofMinutes(m))).failure("bad password")
                        .withSourceIp(ip).build());
            }
            // idle keys are deleted on stream time: only the last 2 x 5 min of keys can remain (+1 punctuation period)
            assertThat(count(h.driver.getKeyValueStore(StatefulDetection.FAILURES_BY_SOURCE_STORE))).isLessThanOrEqualTo(20);
            assertThat(count(h.driver.getKeyValueStore(StatefulDetection.FAILURES_BY_DEVICE_STORE))).isLessThanOrEqualTo(20);
        }
    }

    private static long count(org.apache.kafka.streams.state.KeyValueStore<String, ?> store) {
        long n = 0;
        try (var it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldNameTheDeviceWhoseCredentialImpersonatedTelemetryUsed() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            register(h, "cam-1", "cam-2");
            h.send(aTelemetry("t1", "cam-1", T0).withFingerprint("FP-CAM-2").build());
            h.send(aTelemetry("t2", "cam-1", T0.plusSeconds(1)).withFingerprint("fp-nobody").build());

            List<IdentityAlert> alerts = h.alerts();
            assertThat(alerts).extracting(TopologyHarness::line).containsExactly(
                    "IMPERSONATED_TELEMETRY CRITICAL cam-1 FP-CAM-2", "IMPERSONATED_TELEMETRY CRITICAL cam-1 fp-nobody");
            assertThat(alerts.get(0).getEvidence()).containsEntry("credentialOwner", "cam-2");
            assertThat(alerts.get(0).getSummary()).endsWith("that credential is registered to cam-2");
            assertThat(alerts.get(1).getEvidence()).doesNotContainKey("credentialOwner");
        }
    }

    @Test
    void shouldWriteAValidOcsfDetectionFindingForEveryAlert() throws Exception {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            h.send(anAuthEvent("e1", "ghost\"}, \"x\": \"\n", T0).success().withSourceIp("10.9.9.9").build());

            List<IdentityAlert> alerts = h.alerts();
            List<String> findings = h.ocsf.readValuesToList();
            assertThat(findings).hasSize(alerts.size()).hasSize(1);
            JsonNode finding = new ObjectMapper().readTree(findings.get(0));
            assertThat(OcsfRequiredFields.check(finding)).isEmpty();
            assertThat(finding.get("class_uid").asInt()).isEqualTo(2004);
            assertThat(finding.at("/finding_info/uid").asText()).isEqualTo(alerts.get(0).getAlertId());
            assertThat(findings.get(0)).doesNotContain("\n");
        }
    }
}
