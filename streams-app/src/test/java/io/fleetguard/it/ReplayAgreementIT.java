package io.fleetguard.it;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.replay.ClusterHistory;
import io.fleetguard.replay.ClusterReplay;
import io.fleetguard.replay.ClusterReplayReport;
import io.fleetguard.replay.OfflineReport;
import io.fleetguard.replay.ReplayCleanup;
import io.fleetguard.replay.ReplayFile;
import io.fleetguard.replay.ReplayTarget;
import io.fleetguard.replay.SimulatedHistory;
import io.fleetguard.runtime.FleetGuardApp;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Determinism end to end: one simulated history processed live on a real broker, replayed on the
 * broker under another application id, and replayed offline from JSON Lines files gives the same
 * alerts, id for id and field for field.
 */
class ReplayAgreementIT extends WithEmbeddedKafka {

    private static final Duration WAIT = Duration.ofSeconds(40);


    @TempDir
    static Path dir;


    @Test
    void shouldEmitTheSameAlertsLiveReplayedOnTheClusterAndReplayedOffline() throws Exception {
        // Given a simulated history (fixed seed, every incident type) on fresh 2-partition topics and in files
        List<SimEvent> events = SimulatedHistory.events(SimulatedHistory.OPTIONS, 4_000);
        ClusterHistory cluster = new ClusterHistory(kafka, dir.resolve("state"), "agree-", 2);
        cluster.produce(events);
        List<ReplayFile> files = SimulatedHistory.write(dir.resolve("history"), events);

        // When it is replayed offline
        Path out = dir.resolve("alerts.jsonl");
        OfflineReport offline = SimulatedHistory.replay(files, out, Map.of());
        List<IdentityAlert> offlineAlerts = SimulatedHistory.readAlerts(out);

        // And processed live (exactly-once), read back read_committed
        FleetGuardMetrics metrics = FleetGuardMetrics.inMemory();
        try (FleetGuardApp app = new FleetGuardApp(cluster.config, metrics)) {
            app.start();
            assertThat(cluster.awaitProcessed(metrics, events.size(), WAIT)).as("live app processed the history").isTrue();
        }
        List<IdentityAlert> live = ClusterReplayReport.readAll(cluster.config, cluster.topics);

        // And replayed on the cluster over the whole range
        SimulatedHistory.Range range = SimulatedHistory.range(events);
        Instant from = range.from();
        Instant to = range.to();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ClusterReplayReport report = new ClusterReplay(new ClusterReplay.Options("agree", from, to, null, Duration.ofSeconds(20)),
                cluster.loader(), new PrintStream(console, true, StandardCharsets.UTF_8)).run();
        ReplayTarget target = ReplayTarget.of("agree", null);
        FleetGuardConfig replayConfig = cluster.loader().apply(target.overrides());
        List<IdentityAlert> replayed = ClusterReplayReport.readAll(replayConfig, FleetGuardTopics.from(replayConfig));

        // Then all three agree alert for alert (a credential owner that live has not seen yet aside)
        assertThat(offline.malformed() + offline.deadLetters()).isZero();
        assertThat(offlineAlerts).hasSizeGreaterThan(20);
        assertThat(SimulatedHistory.canonicalOwnerAside(live)).isEqualTo(SimulatedHistory.canonicalOwnerAside(offlineAlerts));
        assertThat(SimulatedHistory.credentialOwners(offlineAlerts)).containsAllEntriesOf(SimulatedHistory.credentialOwners(live));
        assertThat(SimulatedHistory.canonicalOwnerAside(replayed)).isEqualTo(SimulatedHistory.canonicalOwnerAside(offlineAlerts));
        assertThat(SimulatedHistory.credentialOwners(offlineAlerts)).containsAllEntriesOf(SimulatedHistory.credentialOwners(replayed));
        assertThat(report.complete()).as(console.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(report.records()).isEqualTo(events.size());
        assertThat(report.alertsAfterTo()).isZero();

        // And the cleanup leaves nothing of the replay but its alerts
        assertThat(ReplayCleanup.run(target, cluster.loader(), false, new PrintStream(console, true, StandardCharsets.UTF_8)))
                .as(console.toString(StandardCharsets.UTF_8)).isZero();
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            assertThat(admin.listTopics().names().get()).noneMatch(t -> t.startsWith(target.applicationId()))
                    .contains(target.alertTopic());
            assertThat(admin.listConsumerGroupOffsets(target.applicationId()).partitionsToOffsetAndMetadata().get()).isEmpty();
        }
        assertThat(dir.resolve("state").resolve(target.applicationId())).doesNotExist();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        ClusterReplayReport rerun = new ClusterReplay(new ClusterReplay.Options("agree", from, to, null, Duration.ofSeconds(20)),
                cluster.loader(), new PrintStream(again, true, StandardCharsets.UTF_8)).run();
        assertThat(rerun.complete()).isTrue(); // a cleaned-up name can run again
    }
}
