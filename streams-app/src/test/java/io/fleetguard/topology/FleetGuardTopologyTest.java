package io.fleetguard.topology;

import io.fleetguard.alert.AlertIds;
import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.CredentialType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.Severity;
import io.fleetguard.schema.TelemetryRecord;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole topology, judged as of event time, with exact expected alert lists. */
class FleetGuardTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyHarness harness() {
        return new TopologyHarness(stateDir, Map.of());
    }

    private static DeviceIdentity camera(String id, Instant updatedAt, String... fingerprints) {
        var device = aDevice(id).withAllowedDataPaths("fleet/site1/" + id + "/#").updatedAt(updatedAt);
        for (String fp : fingerprints) {
            device.withCredential(aCredential(fp).withType(CredentialType.X509_CERT).issuedAt(T0.minus(Duration.ofDays(10))));
        }
        return device.build();
    }

    @Test
    void shouldReportUnknownDeviceForAnEventBeforeItsRegistration() {
        try (TopologyHarness h = harness()) {
            // Given cam-1 registered at T0
            h.register(camera("cam-1", T0, "fp-a"));
            // When it authenticates an hour before its registration, then an hour after
            h.send(anAuthEvent("e-before", "cam-1", T0.minus(Duration.ofHours(1))).success().withFingerprint("fp-a").build());
            h.send(anAuthEvent("e-after", "cam-1", T0.plus(Duration.ofHours(1))).success().withFingerprint("fp-a").build());
            h.send(anAuthEvent("e-failed", "ghost-9", T0.plus(Duration.ofHours(2))).failure("bad password").build());

            // Then only the event before registration, and the never-registered device, are unknown
            assertThat(h.alertLines()).containsExactly(
                    "UNKNOWN_DEVICE HIGH cam-1 cam-1",
                    "UNKNOWN_DEVICE MEDIUM ghost-9 ghost-9");
        }
    }

    @Test
    void shouldJudgeACredentialRotationAsOfEachEventsTime() {
        try (TopologyHarness h = harness()) {
            // Given cam-1 with fp-old at T0, rotated to fp-new at T0+2h (fp-old superseded)
            h.register(camera("cam-1", T0, "fp-old"));
            h.register(aDevice("cam-1").withAllowedDataPaths("fleet/site1/cam-1/#").updatedAt(T0.plus(Duration.ofHours(2)))
                    .withCredential(aCredential("fp-old").issuedAt(T0.minus(Duration.ofDays(10))).supersededBy("fp-new"))
                    .withCredential(aCredential("fp-new").issuedAt(T0.plus(Duration.ofHours(2))))
                    .build());

            // When the old credential is used before and after the rotation, and the new one before it existed
            h.send(anAuthEvent("old-before", "cam-1", T0.plus(Duration.ofHours(1))).success().withFingerprint("fp-old").build());
            h.send(anAuthEvent("old-after", "cam-1", T0.plus(Duration.ofHours(3))).success().withFingerprint("fp-old").build());
            h.send(aTelemetry("new-before", "cam-1", T0.plus(Duration.ofHours(1))).withFingerprint("fp-new")
                    .withDestination("fleet/site1/cam-1/temp").build());
            h.send(aTelemetry("new-after", "cam-1", T0.plus(Duration.ofHours(3))).withFingerprint("fp-new")
                    .withDestination("fleet/site1/cam-1/temp").build());

            // Then: old after rotation is rotated-out; new before its registration was not cam-1's credential yet
            List<IdentityAlert> alerts = h.alerts();
            assertThat(alerts).map(TopologyHarness::line).containsExactly(
                    "REVOKED_CREDENTIAL_IN_USE HIGH cam-1 fp-old",
                    "IMPERSONATED_TELEMETRY CRITICAL cam-1 fp-new");
            assertThat(alerts.get(0).getEvidence()).containsEntry("reason", "rotated-out").containsEntry("supersededBy", "fp-new");
            assertThat(alerts.get(0).getTriggeringEventIds()).containsExactly("old-after");
            assertThat(alerts.get(1).getTriggeringEventIds()).containsExactly("new-before");
        }
    }

    @Test
    void shouldJudgeACredentialThatLeftTheRegistryAsRotatedOutAndOneNeverListedAsCloned() {
        try (TopologyHarness h = harness()) {
            // Given cam-1 with fp-old, then a registry that replaces the list with fp-new (no supersededBy),
            // then an unrelated update; and cam-2 owning fp-cam-2
            Instant replaced = T0.plus(Duration.ofHours(2));
            h.register(camera("cam-1", T0, "fp-old"));
            h.register(camera("cam-1", replaced, "fp-new"));
            h.register(aDevice("cam-1").withAllowedDataPaths("fleet/site1/cam-1/#").withOwner("ops-2")
                    .updatedAt(T0.plus(Duration.ofHours(4)))
                    .withCredential(aCredential("fp-new").issuedAt(T0.minus(Duration.ofDays(10)))).build());
            h.register(camera("cam-2", T0, "fp-cam-2"));

            // When cam-1 authenticates over fp-old before and after it left, over cam-2's credential,
            // over one nobody holds, and by an unlisted principal without a fingerprint
            h.send(anAuthEvent("old-before", "cam-1", T0.plus(Duration.ofHours(1))).success().withFingerprint("fp-old").build());
            h.send(anAuthEvent("old-after", "cam-1", T0.plus(Duration.ofHours(5))).success().withFingerprint("FP-OLD").build());
            h.send(anAuthEvent("other", "cam-1", T0.plus(Duration.ofHours(5))).success().withFingerprint("fp-cam-2").build());
            h.send(anAuthEvent("nobody", "cam-1", T0.plus(Duration.ofHours(5))).success().withFingerprint("fp-x").build());
            h.send(anAuthEvent("by-name", "cam-1", T0.plus(Duration.ofHours(5))).success().withPrincipal("mallory").build());
            h.send(anAuthEvent("failed", "cam-1", T0.plus(Duration.ofHours(5))).failure("bad password").withFingerprint("fp-y").build());

            // Then the rotated-out one names when it left, the others are clones, cam-2's naming its owner
            List<IdentityAlert> alerts = h.alerts();
            assertThat(alerts).map(TopologyHarness::line).containsExactlyInAnyOrder(
                    "REVOKED_CREDENTIAL_IN_USE HIGH cam-1 fp-old",
                    "CLONED_IDENTITY HIGH cam-1 fp-cam-2",
                    "CLONED_IDENTITY HIGH cam-1 fp-x",
                    "CLONED_IDENTITY HIGH cam-1 principal:mallory");
            IdentityAlert rotated = byLine(alerts, "REVOKED_CREDENTIAL_IN_USE HIGH cam-1 fp-old");
            assertThat(rotated.getTriggeringEventIds()).containsExactly("old-after");
            assertThat(rotated.getEvidence()).containsEntry("reason", "removed-from-registry")
                    .containsEntry("removedFromRegistryAt", replaced.toString())
                    .containsEntry("lastListedSince", T0.toString());
            assertThat(byLine(alerts, "CLONED_IDENTITY HIGH cam-1 fp-cam-2").getEvidence())
                    .containsEntry("reason", "unlisted-credential").containsEntry("credentialOwner", "cam-2")
                    .containsEntry("registryHistoryFrom", T0.toString());
            assertThat(byLine(alerts, "CLONED_IDENTITY HIGH cam-1 fp-x").getEvidence()).doesNotContainKey("credentialOwner");
            assertThat(byLine(alerts, "CLONED_IDENTITY HIGH cam-1 principal:mallory").getSummary())
                    .isEqualTo("Device cam-1 authenticated over principal mallory, which was never registered to it");
        }
    }

    @Test
    void shouldJudgeAnEventOlderThanTheHistoryRetentionByTheDevicesOnlyVersion() {
        try (TopologyHarness h = harness()) {
            // Given cam-1 registered 120 days ago, and stream time moved on to today by cam-2's registration
            Instant longAgo = T0.minus(Duration.ofDays(120));
            h.register(camera("cam-1", longAgo, "fp-1"));
            h.register(camera("cam-2", T0, "fp-2"));
            h.register(camera("cam-3", longAgo.plus(Duration.ofDays(1)), "fp-3"));
            h.register(camera("cam-3", T0, "fp-3b"));

            // When both are used 100 days ago, beyond the 30-day history retention
            h.send(anAuthEvent("old-1", "cam-1", T0.minus(Duration.ofDays(100))).success().withFingerprint("fp-1").build());
            h.send(anAuthEvent("old-3", "cam-3", T0.minus(Duration.ofDays(100))).success().withFingerprint("fp-3").build());

            // Then the latest version still answers for cam-1 (valid since before the event); cam-3's older
            // version is past the retention, so cam-3 is judged unknown at that time
            assertThat(h.alertLines()).containsExactly("UNKNOWN_DEVICE HIGH cam-3 cam-3");
        }
    }

    private static IdentityAlert byLine(List<IdentityAlert> alerts, String line) {
        return alerts.stream().filter(a -> TopologyHarness.line(a).equals(line)).findFirst().orElseThrow();
    }

    @Test
    void shouldJudgeAnEventByTheRegistryOfItsTimeEvenWhenALaterVersionArrivedFirst() {
        try (TopologyHarness h = harness()) {
            // Given cam-1 registered at T0 and retired (deregistered) at T0+1d, both already processed
            h.register(camera("cam-1", T0, "fp-a"));
            h.deregister("cam-1", T0.plus(Duration.ofDays(1)));
            // When an event from before the deregistration arrives late, then one from after
            h.send(anAuthEvent("late", "cam-1", T0.plus(Duration.ofHours(5))).success().withFingerprint("fp-a").build());
            h.send(anAuthEvent("after", "cam-1", T0.plus(Duration.ofDays(2))).success().withFingerprint("fp-a").build());

            // Then the late event is judged against the registration it happened under
            assertThat(h.alertLines()).containsExactly("UNKNOWN_DEVICE HIGH cam-1 cam-1");
            assertThat(h.metrics.recordsIn("fleetguard.registry")).isEqualTo(2.0);
        }
    }

    @Test
    void shouldApplyARegistryUpdateThatArrivesAfterItsEventWithinTheJoinGrace() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of("event.order.grace.ms", "60000"))) {
            // Given an event at T0 that arrives before the registration it happened under (T0-1s)
            h.send(anAuthEvent("early", "cam-1", T0).success().withFingerprint("fp-a").build());
            h.register(camera("cam-1", T0.minusSeconds(1), "fp-a"));
            assertThat(h.alerts()).as("held for the grace period").isEmpty();

            // When stream time passes the grace period
            h.send(anAuthEvent("tick", "cam-1", T0.plus(Duration.ofMinutes(2))).success().withFingerprint("fp-a").build());
            h.send(anAuthEvent("tick2", "cam-1", T0.plus(Duration.ofMinutes(4))).success().withFingerprint("fp-a").build());

            // Then it was judged against the late registration: no alert
            assertThat(h.alerts()).isEmpty();
        }
    }

    @Test
    void shouldWithoutGraceJudgeAnEventBeforeALateRegistrationAsUnknown() {
        try (TopologyHarness h = harness()) {
            h.send(anAuthEvent("early", "cam-1", T0).success().withFingerprint("fp-a").build());
            h.register(camera("cam-1", T0.minusSeconds(1), "fp-a"));

            assertThat(h.alertLines()).containsExactly("UNKNOWN_DEVICE HIGH cam-1 cam-1");
        }
    }

    @Test
    void shouldRaiseEachCoreAlertTypeThroughTheTopology() {
        try (TopologyHarness h = harness()) {
            Instant at = T0;
            h.register(aDevice("cam-1").withAllowedDataPaths("fleet/site1/cam-1/#").withAllowedSourceCidrs("10.1.0.0/16")
                    .updatedAt(at.minus(Duration.ofDays(1)))
                    .withCredential(aCredential("fp-stale").withType(CredentialType.PASSWORD).issuedAt(at.minus(Duration.ofDays(91))))
                    .withCredential(aCredential("fp-expired").issuedAt(at.minus(Duration.ofDays(5))).expiresAt(at.minus(Duration.ofDays(1))))
                    .withCredential(aCredential("fp-revoked").issuedAt(at.minus(Duration.ofDays(5))).revoked())
                    .withCredential(aCredential("fp-expiring").issuedAt(at.minus(Duration.ofDays(5))).expiresAt(at.plus(Duration.ofDays(10))))
                    .build());

            h.send(anAuthEvent("a1", "cam-1", at).success().withFingerprint("fp-stale").withSourceIp("10.1.2.3").build());
            h.send(anAuthEvent("a2", "cam-1", at.plusSeconds(1)).success().withFingerprint("fp-expired").withSourceIp("10.1.2.3").build());
            h.send(anAuthEvent("a3", "cam-1", at.plusSeconds(2)).success().withFingerprint("fp-revoked").withSourceIp("10.1.2.3").build());
            h.send(anAuthEvent("a4", "cam-1", at.plusSeconds(3)).success().withFingerprint("fp-expiring").withSourceIp("10.1.2.3").build());
            h.send(aTelemetry("t1", "cam-1", at.plusSeconds(4)).withFingerprint("fp-someone-else")
                    .withDestination("fleet/site1/cam-1/temp").withSourceIp("10.1.2.3").build());
            h.send(aTelemetry("t2", "cam-1", at.plusSeconds(5)).withFingerprint("fp-expiring")
                    .withDestination("fleet/site2/plc-7/cmd").withSourceIp("192.0.2.50").build());
            h.send(aConfigChange("c1", "nobody-1", at.plusSeconds(6)).build());
            h.send(aSupportSession("s1", "nobody-2", at.plusSeconds(7)).build());

            assertThat(h.alertLines()).containsExactly(
                    "STALE_CREDENTIAL MEDIUM cam-1 fp-stale",
                    "EXPIRED_CREDENTIAL HIGH cam-1 fp-expired",
                    "REVOKED_CREDENTIAL_IN_USE HIGH cam-1 fp-revoked",
                    "CREDENTIAL_EXPIRING LOW cam-1 fp-expiring",
                    "IMPERSONATED_TELEMETRY CRITICAL cam-1 fp-someone-else",
                    "UNEXPECTED_DATA_PATH MEDIUM cam-1 destination:fleet/site2/plc-7/cmd",
                    "UNEXPECTED_DATA_PATH MEDIUM cam-1 source:192.0.2.50",
                    "UNKNOWN_DEVICE HIGH nobody-1 nobody-1",
                    "UNKNOWN_DEVICE HIGH nobody-2 nobody-2");
        }
    }

    @Test
    void shouldRaiseCredentialExpiringOncePerDayOfEventTime() {
        try (TopologyHarness h = harness()) {
            h.register(aDevice("cam-1").updatedAt(T0.minus(Duration.ofDays(1)))
                    .withCredential(aCredential("fp-x").issuedAt(T0.minus(Duration.ofDays(5))).expiresAt(T0.plus(Duration.ofDays(20))))
                    .build());

            h.send(anAuthEvent("d1-a", "cam-1", T0).success().withFingerprint("fp-x").build());
            h.send(anAuthEvent("d1-b", "cam-1", T0.plus(Duration.ofHours(3))).success().withFingerprint("fp-x").build());
            h.send(anAuthEvent("d2-a", "cam-1", T0.plus(Duration.ofDays(1))).success().withFingerprint("fp-x").build());
            h.send(anAuthEvent("d2-b", "cam-1", T0.plus(Duration.ofDays(1)).plusSeconds(60)).success().withFingerprint("fp-x").build());

            // day 1 held d1-b; when day 2's first use arrives the window closes with an update (count 2)
            assertThat(h.alerts()).extracting(a -> a.getActivity() + " " + a.getTriggeringEventIds() + " " + a.getCount())
                    .containsExactly("NEW [d1-a] 1", "UPDATE [d1-a, d1-b] 2", "NEW [d2-a] 1");
        }
    }

    @Test
    void shouldRekeyRecordsKeyedByAnythingButTheirDevice() {
        try (TopologyHarness h = harness()) {
            h.register(camera("cam-1", T0, "fp-a"));
            // A producer keyed by broker id, and one with no key at all
            h.telemetry.pipeInput("broker-7", aTelemetry("t-wrong", "cam-1", T0.plusSeconds(1)).withFingerprint("fp-zzz")
                    .withDestination("fleet/site1/cam-1/x").build(), T0.plusSeconds(1));
            h.telemetry.pipeInput(null, aTelemetry("t-null", "cam-1", T0.plusSeconds(2)).withFingerprint("fp-yyy")
                    .withDestination("fleet/site1/cam-1/x").build(), T0.plusSeconds(2));

            var alerts = h.alerts.readKeyValuesToList();
            assertThat(alerts).extracting(kv -> kv.key + " " + TopologyHarness.line(kv.value)).containsExactly(
                    "cam-1 IMPERSONATED_TELEMETRY CRITICAL cam-1 fp-zzz",
                    "cam-1 IMPERSONATED_TELEMETRY CRITICAL cam-1 fp-yyy");
        }
    }

    @Test
    void shouldDeadLetterMisKeyedRecordsWhenReKeyingIsOff() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of("input.rekey.enabled", "false"))) {
            h.register(camera("cam-1", T0, "fp-a"));
            TelemetryRecord byBroker = aTelemetry("t-wrong", "cam-1", T0.plusSeconds(1)).withFingerprint("fp-zzz")
                    .withDestination("fleet/site1/cam-1/x").build();
            h.telemetry.pipeInput("broker-7", byBroker, T0.plusSeconds(1));
            h.telemetry.pipeInput(null, aTelemetry("t-null", "cam-1", T0.plusSeconds(2)).withFingerprint("fp-yyy")
                    .withDestination("fleet/site1/cam-1/x").build(), T0.plusSeconds(2));
            h.telemetry.pipeInput("cam-1", aTelemetry("t-ok", "cam-1", T0.plusSeconds(3)).withFingerprint("fp-xxx")
                    .withDestination("fleet/site1/cam-1/x").build(), T0.plusSeconds(3));

            // Only the correctly keyed record is judged; the two others are dead-lettered as they came
            assertThat(h.alerts.readKeyValuesToList()).extracting(kv -> kv.key + " " + TopologyHarness.line(kv.value))
                    .containsExactly("cam-1 IMPERSONATED_TELEMETRY CRITICAL cam-1 fp-xxx");
            var dead = h.deadLetters.readRecordsToList();
            assertThat(dead).extracting(r -> new String(r.headers().lastHeader("fleetguard.dlq.reason").value(), StandardCharsets.UTF_8))
                    .containsExactly("key-mismatch", "key-mismatch");
            assertThat(new String(dead.get(0).headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                    .isEqualTo("key-mismatch: record key differs from its deviceId, and re-keying is off (input.rekey.enabled=false)");
            assertThat(dead.get(0).key()).isEqualTo("broker-7".getBytes(StandardCharsets.UTF_8));
            assertThat(dead.get(0).value())
                    .isEqualTo(h.topics.telemetry().valueSerde().serializer().serialize(h.topics.telemetry().name(), byBroker));
            assertThat(dead.get(1).key()).isNull();
            assertThat(h.metrics.deadLetters(h.topics.telemetry().name(), "key-mismatch")).isEqualTo(2.0);
        }
    }

    @Test
    void shouldEmitACompleteAlertWithADeterministicId() {
        try (TopologyHarness h = harness()) {
            h.register(aDevice("cam-1").withOwner("team-video").withDeviceClass("camera").updatedAt(T0)
                    .withCredential(aCredential("fp-r").issuedAt(T0.minus(Duration.ofDays(3))).revoked()).build());
            Instant at = T0.plusSeconds(30);
            h.send(anAuthEvent("e-42", "cam-1", at).success().withFingerprint("fp-r").withSourceIp("10.0.0.7").build());

            IdentityAlert alert = h.alerts().get(0);

            assertThat(alert.getAlertId()).isEqualTo(AlertIds.of(AlertType.REVOKED_CREDENTIAL_IN_USE, "cam-1", "fp-r", "e-42"));
            assertThat(alert.getCategory()).isEqualTo("stale credential");
            assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
            assertThat(alert.getActivity()).isEqualTo(AlertActivity.NEW);
            assertThat(alert.getEventTime()).isEqualTo(at);
            assertThat(alert.getFirstSeen()).isEqualTo(at);
            assertThat(alert.getLastSeen()).isEqualTo(at);
            assertThat(alert.getCount()).isEqualTo(1L);
            assertThat(alert.getOwner()).isEqualTo("team-video");
            assertThat(alert.getDeviceClass()).isEqualTo("camera");
            assertThat(alert.getAttackTechniques()).containsExactly("T1078", "T1550", "T0859");
            assertThat(alert.getOwaspNhi()).containsExactly("NHI1", "NHI2");
            assertThat(alert.getNistCsf()).containsExactly("PR.AA-01", "PR.AA-03", "DE.CM-09");
            assertThat(alert.getRecommendedAction()).startsWith("Treat the credential as compromised");
            assertThat(alert.getRuleVersion()).isEqualTo("1");
            assertThat(alert.getEvidence()).containsEntry("reason", "revoked").containsEntry("sourceIp", "10.0.0.7")
                    .containsEntry("credentialFingerprint", "fp-r");
        }
    }

    @Test
    void shouldNameEveryStoreRepartitionTopicAndProcessor() {
        try (TopologyHarness h = harness()) {
            String description = FleetGuardTopology.build(h.config, h.topics, h.metrics).describe().toString();

            assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
            assertThat(description).contains("registry-versions", "alert-suppression-store",
                    "activities-by-device-repartition", "cross-device-inputs-repartition", "credential-owners",
                    "cross-device-alert-suppression-store");
        }
    }

    @Test
    void shouldKeepTheDetectingTaskOnItsInputsAndOneRepartitionTopic() {
        try (TopologyHarness h = harness()) {
            TopologyDescription description = FleetGuardTopology.build(h.config, h.topics, h.metrics).describe();

            // Kafka Streams does per-record work for every empty partition of a task (max.task.idle.ms):
            // the sub-topology that judges activities reads the four inputs, the registry and one
            // repartition topic; the rules keyed otherwise and the credential owners read theirs apart.
            // (The third sub-topology normalizes broker logs.)
            assertThat(judgingSourceTopics(description, h)).containsExactlyInAnyOrder(h.topics.authEvents().name(),
                    h.topics.telemetry().name(), h.topics.configChanges().name(), h.topics.supportSessions().name(),
                    h.topics.registry().name(), "activities-by-device-repartition");
            // The rules keyed by source address or credential and the credential owners share one
            // sub-topology reading one repartition topic, so each of its tasks reads one partition.
            assertThat(description.subtopologies()).extracting(FleetGuardTopologyTest::sourceTopics)
                    .contains(Set.of("cross-device-inputs-repartition"))
                    .hasSize(3);
        }
    }

    @Test
    void shouldReadNoRepartitionTopicInTheJudgingTaskWhenReKeyingIsOff() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of("input.rekey.enabled", "false"))) {
            TopologyDescription description = FleetGuardTopology.build(h.config, h.topics, h.metrics).describe();

            assertThat(judgingSourceTopics(description, h)).containsExactlyInAnyOrder(h.topics.authEvents().name(),
                    h.topics.telemetry().name(), h.topics.configChanges().name(), h.topics.supportSessions().name(),
                    h.topics.registry().name());
            assertThat(description.toString()).doesNotContain("activities-by-device", "activity-key-", "activity-rekey");
        }
    }

    /** The topics of the sub-topology that judges activities: the one reading the auth events. */
    private static Set<String> judgingSourceTopics(TopologyDescription description, TopologyHarness h) {
        return description.subtopologies().stream()
                .map(FleetGuardTopologyTest::sourceTopics)
                .filter(topics -> topics.contains(h.topics.authEvents().name()))
                .findFirst().orElseThrow();
    }

    private static Set<String> sourceTopics(TopologyDescription.Subtopology subtopology) {
        return subtopology.nodes().stream()
                .filter(n -> n instanceof TopologyDescription.Source)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream())
                .collect(java.util.stream.Collectors.toSet());
    }
}
