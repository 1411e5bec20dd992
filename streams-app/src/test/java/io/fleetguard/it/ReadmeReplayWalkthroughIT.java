package io.fleetguard.it;

import io.fleetguard.cli.FleetGuardCli;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.replay.ClusterHistory;
import io.fleetguard.replay.ClusterReplayReport;
import io.fleetguard.replay.ReplayTarget;
import io.fleetguard.replay.SimulatedHistory;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The responder's walkthrough in README.md, run as written: every {@code java -jar ...fleetguard.jar}
 * command of steps 1 to 3 of the section "Replay for incident responders", in order, in-process through the same
 * command line, with only the settings file, the directory, and the time range replaced by this
 * test's. Export, offline replay and cluster replay must agree, and the cleanup must clean up.
 */
class ReadmeReplayWalkthroughIT extends WithEmbeddedKafka {

    private static final String JAR = "java -jar streams-app/target/fleetguard.jar ";
    private static final Pattern FENCE = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    static Path dir;

    @Test
    void theWalkthroughWorksAsWritten() throws Exception {
        List<SimEvent> events = SimulatedHistory.events(SimulatedHistory.OPTIONS, 2_000);
        ClusterHistory cluster = new ClusterHistory(kafka, dir.resolve("state"), "walk-", 2);
        cluster.produce(events);
        SimulatedHistory.Range range = SimulatedHistory.range(events);
        Instant from = range.from();
        Instant to = range.to();
        Path settings = dir.resolve("app.properties");
        Properties p = new Properties();
        p.putAll(cluster.settings);
        try (Writer w = Files.newBufferedWriter(settings, StandardCharsets.UTF_8)) {
            p.store(w, "the embedded broker of this test");
        }

        List<List<String>> commands = walkthroughCommands();
        assertThat(commands).extracting(c -> c.get(0) + (c.contains("--offline") ? " --offline" : "")
                        + (c.contains("--cleanup") ? " --cleanup" : ""))
                .containsExactly("export", "replay --offline", "replay", "replay --cleanup");
        for (List<String> command : commands) {
            String[] args = command.stream().map(a -> localize(a, settings, from, to)).toArray(String[]::new);
            assertThat(FleetGuardCli.commandLine().execute(args)).as(String.join(" ", args)).isZero();
        }

        // The offline replay of the export and the replay on the cluster give the same alerts
        List<IdentityAlert> offline = SimulatedHistory.readAlerts(dir.resolve("alerts.jsonl"));
        ReplayTarget target = ReplayTarget.of("incident-42", null);
        FleetGuardConfig replayConfig = cluster.loader().apply(target.overrides());
        List<IdentityAlert> onCluster = ClusterReplayReport.readAll(replayConfig, FleetGuardTopics.from(replayConfig));
        assertThat(offline).hasSizeGreaterThan(10);
        assertThat(SimulatedHistory.canonicalOwnerAside(onCluster)).isEqualTo(SimulatedHistory.canonicalOwnerAside(offline));
        assertThat(SimulatedHistory.credentialOwners(offline)).containsAllEntriesOf(SimulatedHistory.credentialOwners(onCluster));
        // and the cleanup left the replay's alerts but none of its internal topics
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            assertThat(admin.listTopics().names().get()).noneMatch(t -> t.startsWith(target.applicationId()))
                    .contains(target.alertTopic());
        }
    }

    /** The section's commands, continuation lines joined, split into arguments after the jar. */
    private static List<List<String>> walkthroughCommands() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Replay for incident responders");
        int end = readme.indexOf("**4. Read the results**", start); // steps 1 to 3 are commands
        assertThat(start).as("README section").isPositive();
        List<List<String>> commands = new ArrayList<>();
        Matcher m = FENCE.matcher(readme.substring(start, end));
        while (m.find()) {
            for (String line : m.group(1).replace("\\\n", " ").split("\n")) {
                if (line.startsWith(JAR)) {
                    commands.add(Arrays.asList(line.substring(JAR.length()).trim().split("\\s+")));
                }
            }
        }
        return commands;
    }

    private static String localize(String arg, Path settings, Instant from, Instant to) {
        if (arg.equals("app.properties")) {
            return settings.toString();
        }
        if (arg.startsWith("incident-42/")) {
            return dir.resolve("export").resolve(arg.substring("incident-42/".length())).toString();
        }
        if (arg.equals("alerts.jsonl")) {
            return dir.resolve("alerts.jsonl").toString();
        }
        if (arg.equals("2026-03-01T00:00:00Z")) {
            return from.toString();
        }
        if (arg.equals("2026-03-02T00:00:00Z")) {
            return to.toString();
        }
        return arg;
    }
}
