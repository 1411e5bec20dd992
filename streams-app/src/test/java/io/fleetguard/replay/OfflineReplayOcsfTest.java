package io.fleetguard.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetguard.ocsf.OcsfDetectionFinding;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.sim.SimEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code replay --offline --format ocsf}: the topology's own OCSF findings, in the order of the alerts. */
class OfflineReplayOcsfTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheFindingTheTopologyMakesOfEachAlertOnTheAlertsLine() throws Exception {
        // Given a simulated history with incidents, replayed as IdentityAlerts
        List<SimEvent> events = SimulatedHistory.events(SimulatedHistory.OPTIONS, 3_000);
        List<ReplayFile> files = SimulatedHistory.write(dir.resolve("history"), events);
        Path alertsFile = dir.resolve("alerts.jsonl");
        OfflineReport alertsReport = SimulatedHistory.replay(files, alertsFile, Map.of(), 1);
        List<IdentityAlert> alerts = SimulatedHistory.readAlerts(alertsFile);

        // When the same history is replayed as OCSF
        Path ocsfFile = dir.resolve("ocsf.jsonl");
        OfflineReport ocsfReport = SimulatedHistory.replay(files, ocsfFile, Map.of(), 1, AlertFormat.OCSF);
        List<String> findings = Files.readAllLines(ocsfFile, StandardCharsets.UTF_8);

        // Then line i is the Detection Finding of alert i, exactly as the topology's OCSF sink renders it
        assertThat(alerts).hasSizeGreaterThan(10);
        assertThat(findings).hasSameSizeAs(alerts);
        for (int i = 0; i < alerts.size(); i++) {
            IdentityAlert alert = alerts.get(i);
            JsonNode finding = JSON.readTree(findings.get(i));
            assertThat(finding.path("class_uid").asInt()).as("line %d", i + 1).isEqualTo(OcsfDetectionFinding.CLASS_UID);
            assertThat(finding.path("finding_info").path("uid").asText()).as("line %d", i + 1).isEqualTo(alert.getAlertId());
            String productVersion = finding.path("metadata").path("product").path("version").asText();
            assertThat(findings.get(i)).as("line %d", i + 1).isEqualTo(OcsfDetectionFinding.toJson(alert, productVersion));
        }
        // And the summary still counts alerts per type
        assertThat(ocsfReport.alerts()).isEqualTo(alertsReport.alerts());
        assertThat(ocsfReport.alertCount()).isEqualTo(alerts.size());
    }
}
