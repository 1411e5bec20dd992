package io.fleetguard.replay;

import io.fleetguard.feed.JsonLines;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.sim.SimEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Offline replay of a simulated history: right alerts, and the same ones however the files are cut. */
class OfflineReplayTest {

    private static final int EVENTS = 6_000;

    @TempDir
    static Path dir;
    private static List<SimEvent> events;
    private static List<ReplayFile> files;
    private static List<IdentityAlert> alerts;
    private static OfflineReport report;

    @BeforeAll
    static void replayTheHistoryAsWritten() {
        events = SimulatedHistory.events(SimulatedHistory.OPTIONS, EVENTS);
        files = SimulatedHistory.write(dir.resolve("history"), events);
        Path out = dir.resolve("alerts.jsonl");
        report = SimulatedHistory.replay(files, out, Map.of(), 1);
        alerts = SimulatedHistory.readAlerts(out);
    }

    @Test
    void shouldTurnEveryIncidentIntoItsAlertAndNothingElse() {
        Map<String, Set<AlertType>> incidents = SimulatedHistory.incidents(events);
        Map<String, String> deviceOf = new java.util.HashMap<>();
        events.stream().filter(e -> e.isIncident()).forEach(e -> deviceOf.put(
                io.fleetguard.demo.DemoTraffic.triggeringEventId(e), e.key()));

        assertThat(report.records()).isEqualTo(EVENTS);
        assertThat(report.malformed() + report.deadLetters()).isZero();
        assertThat(alerts).allSatisfy(a -> assertThat(incidents.get(a.getTriggeringEventIds().get(0)))
                .as(a.getSummary()).contains(a.getType()));
        // every incident's (type, device) is alerted; repeats within the suppression window fold into one alert
        Set<String> alerted = alerts.stream().map(a -> a.getType() + " " + a.getDeviceId()).collect(Collectors.toSet());
        incidents.forEach((eventId, types) -> types.forEach(type ->
                assertThat(alerted).as("alert for %s incident %s", type, eventId).contains(type + " " + deviceOf.get(eventId))));
        assertThat(report.alertCount()).isEqualTo(alerts.size());
        assertThat(alerts.stream().map(IdentityAlert::getType).collect(Collectors.toSet()))
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldGiveTheSameAlertsHoweverTheFilesAreSplitAndShuffled() throws IOException {
        // Given the auth file split in two (alternate lines), every file's lines shuffled and the
        // registry reversed, so that registry versions come after the events they govern
        Path shuffled = Files.createDirectories(dir.resolve("shuffled"));
        Random random = new Random(5);
        List<ReplayFile> cut = new ArrayList<>();
        for (ReplayFile f : files) {
            List<String> lines = new ArrayList<>(Files.readAllLines(f.path(), StandardCharsets.UTF_8));
            if (f.input() == ReplayInput.REGISTRY) {
                Collections.reverse(lines);
            } else {
                Collections.shuffle(lines, random);
            }
            if (f.input() == ReplayInput.AUTH) {
                cut.add(write(shuffled.resolve("auth-b.jsonl"), f.input(), every(lines, 1)));
                cut.add(write(shuffled.resolve("auth-a.jsonl"), f.input(), every(lines, 0)));
            } else {
                cut.add(write(shuffled.resolve(f.path().getFileName().toString()), f.input(), lines));
            }
        }

        // When it is replayed
        Path out = dir.resolve("shuffled-alerts.jsonl");
        OfflineReport shuffledReport = SimulatedHistory.replay(cut, out, Map.of(), 1);

        // Then the alerts are the same, id for id and field for field
        assertThat(shuffledReport.records()).isEqualTo(EVENTS);
        assertThat(SimulatedHistory.canonical(SimulatedHistory.readAlerts(out))).isEqualTo(SimulatedHistory.canonical(alerts))
                .isNotEmpty();
    }

    @Test
    void shouldSkipMalformedLinesAndListThemWithFileAndLine() throws IOException {
        // Given the telemetry file with a broken line, a typo'd field and a non-object inserted
        Path broken = Files.createDirectories(dir.resolve("broken"));
        List<ReplayFile> withBadLines = new ArrayList<>();
        for (ReplayFile f : files) {
            List<String> lines = new ArrayList<>(Files.readAllLines(f.path(), StandardCharsets.UTF_8));
            if (f.input() == ReplayInput.TELEMETRY) {
                lines.add(3, "{\"eventId\": \"x\", \"timestamp\": ");                      // line 4
                lines.add(10, lines.get(10).replace("\"destination\"", "\"destinaton\"")); // line 11
                lines.add(20, "");                                                         // blank: ignored
                lines.add(30, "[\"not\", \"an\", \"object\"]");                             // line 31
            }
            withBadLines.add(write(broken.resolve(f.path().getFileName().toString()), f.input(), lines));
        }

        Path out = dir.resolve("broken-alerts.jsonl");
        OfflineReport brokenReport = SimulatedHistory.replay(withBadLines, out, Map.of());

        // Then every other record is replayed, the alerts are the same, and the rejects say where and why
        assertThat(brokenReport.malformed()).isEqualTo(3);
        assertThat(brokenReport.records()).isEqualTo(EVENTS);
        assertThat(SimulatedHistory.canonical(SimulatedHistory.readAlerts(out))).isEqualTo(SimulatedHistory.canonical(alerts));
        List<String> rejects = Files.readAllLines(SimulatedHistory.rejectsOf(out), StandardCharsets.UTF_8);
        assertThat(rejects).hasSize(3);
        assertThat(rejects.get(0)).contains("telemetry.jsonl\",\"line\":4,\"reason\":\"not valid JSON at column");
        assertThat(rejects).anySatisfy(r -> assertThat(r).contains("\"line\":11,", "unknown field 'destinaton'", "\"text\":\"{"));
        assertThat(rejects).anySatisfy(r -> assertThat(r).contains("\"line\":31,", "expected a JSON object on the line"));
    }

    private static List<String> every(List<String> lines, int parity) {
        List<String> out = new ArrayList<>();
        for (int i = parity; i < lines.size(); i += 2) {
            out.add(lines.get(i));
        }
        return out;
    }

    private static ReplayFile write(Path path, ReplayInput input, List<String> lines) throws IOException {
        Files.write(path, lines, StandardCharsets.UTF_8);
        return new ReplayFile(input, path);
    }

    static String encode(IdentityAlert a) {
        return JsonLines.encode(a);
    }
}
