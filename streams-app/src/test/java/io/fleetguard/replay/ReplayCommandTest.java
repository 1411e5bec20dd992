package io.fleetguard.replay;

import io.fleetguard.cli.ReplayCommand;
import io.fleetguard.schema.AlertType;
import io.fleetguard.sim.SimEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code replay} on the command line: modes, usage errors, offline to stdout. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StringWriter picocliErr = new StringWriter();

    @Test
    void shouldReplayOfflineToStdoutWithTheSummaryOnStderr() throws Exception {
        List<SimEvent> events = SimulatedHistory.events(SimulatedHistory.OPTIONS, 2_000);
        Path history = dir.resolve("history");
        SimulatedHistory.write(history, events);
        Path rejects = dir.resolve("rejects.jsonl");

        int exit = run("--offline", "--registry", history.resolve("registry.jsonl").toString(),
                "--auth", history.resolve("auth.jsonl").toString(), "--telemetry", history.resolve("telemetry.jsonl").toString(),
                "--config", history.resolve("config.jsonl").toString(), "--support", history.resolve("support.jsonl").toString(),
                "--out", "-", "--rejects", rejects.toString(), "--engines", "2", "--set", "policy.rotation.token.days=30");

        assertThat(exit).as(text(err)).isZero();
        assertThat(SimulatedHistory.canonical(readAlerts(text(out)))).isNotEmpty();
        assertThat(text(err)).contains("Offline replay done: 2,000 records", "events/s");
        assertThat(rejects).isEmptyFile();
    }

    @Test
    void shouldWriteOcsfFindingsWithFormatOcsf() throws Exception {
        Path history = dir.resolve("history");
        SimulatedHistory.write(history, SimulatedHistory.events(SimulatedHistory.OPTIONS, 2_000));
        Path alerts = dir.resolve("alerts.jsonl");

        int exit = run("--offline", "--registry", history.resolve("registry.jsonl").toString(),
                "--auth", history.resolve("auth.jsonl").toString(), "--telemetry", history.resolve("telemetry.jsonl").toString(),
                "--format", "ocsf", "--out", alerts.toString());

        assertThat(exit).as(text(err)).isZero();
        List<String> lines = Files.readAllLines(alerts, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{\"class_uid\":2004,"));
        assertThat(text(out)).contains("alerts:   " + lines.size() + " -> " + alerts);
    }

    @Test
    void shouldRefuseAmbiguousOrIncompleteRequestsWithUsageExitCode() {
        assertThat(run()).isEqualTo(2);
        assertThat(text(err)).contains("choose exactly one of --offline, --cleanup ID, or --from/--to");
        assertThat(run("--offline", "--from", "2026-03-01T00:00:00Z", "--out", "-")).isEqualTo(2);
        assertThat(run("--offline", "--out", "x.jsonl")).isEqualTo(2);
        assertThat(text(err)).contains("needs --registry FILE and --out FILE");
        assertThat(run("--from", "2026-03-01T00:00:00Z")).isEqualTo(2);
        assertThat(text(err)).contains("needs both --from and --to");
        assertThat(run("--cleanup", "../etc")).isEqualTo(2);
        assertThat(text(err)).contains("replay name '../etc' must be");
        assertThat(run("--from", "yesterday", "--to", "2026-03-01T00:00:00Z")).isEqualTo(2);
        assertThat(picocliErr.toString()).contains("'yesterday' is not an ISO-8601 instant");
        assertThat(run("--offline", "--registry", "r.jsonl", "--format", "xml", "--out", "-")).isEqualTo(2);
        assertThat(picocliErr.toString()).contains("'xml' is not an alert format: identity-alert or ocsf");
    }

    @Test
    void shouldRefuseBrokerLogsWithoutAKnownFormatOrWithAnAmbiguousBrokerWithUsageExitCode() {
        String[] base = {"--offline", "--registry", "r.jsonl", "--out", "-"};

        assertThat(run(with(base, "--broker-log", "logs/mqtt-1.log"))).isEqualTo(2);
        assertThat(text(err)).contains("replay: --broker-log logs/mqtt-1.log needs its --broker-log-format "
                + "(mosquitto, emqx, aws-iot)");
        // The format belongs to the --broker-log before it, so the first of these two has none
        assertThat(run(with(base, "--broker-log", "a.log", "--broker-log", "b.log", "--broker-log-format", "emqx")))
                .isEqualTo(2);
        assertThat(text(err)).contains("--broker-log a.log needs its --broker-log-format");
        assertThat(run(with(base, "--broker-log", "a.log", "--broker-log-format", "syslog"))).isEqualTo(2);
        assertThat(picocliErr.toString()).contains("'syslog' is not a broker log format (mosquitto, emqx, aws-iot)");
        assertThat(run(with(base, "--broker-log-format", "emqx"))).isEqualTo(2);
        assertThat(picocliErr.toString()).contains("Missing required argument(s): --broker-log=FILE");
        assertThat(run(with(base, "--broker-log", "a.log", "--broker-log-format", "emqx", "--broker-id", "edge,7")))
                .isEqualTo(2);
        assertThat(text(err)).contains("broker id 'edge,7' of a.log must be non-blank, without commas");
        assertThat(run(with(base, "--broker-log", "x/edge.log", "--broker-log-format", "emqx",
                "--broker-log", "y/edge.log", "--broker-log-format", "mosquitto"))).isEqualTo(2);
        assertThat(text(err)).contains("broker id 'edge' is given two formats, emqx and mosquitto (y/edge.log)");
        assertThat(run(with(base, "--engines", "2", "--broker-log", "a.log", "--broker-log-format", "emqx"))).isEqualTo(2);
        assertThat(text(err)).contains("broker logs need a single engine");
    }

    @Test
    void shouldReplayABrokerLogGivenOnTheCommandLine() throws Exception {
        Path registry = Files.writeString(dir.resolve("registry.jsonl"), "");
        Path log = dir.resolve("mosquitto.log");
        try (var in = getClass().getResourceAsStream("/fixtures/mosquitto/mosquitto-2.0-epoch.log")) {
            Files.copy(in, log);
        }

        int exit = run("--offline", "--registry", registry.toString(), "--broker-log", log.toString(),
                "--broker-log-format", "mosquitto", "--broker-id", "mqtt-1", "--out", "-",
                "--rejects", dir.resolve("rejects.jsonl").toString());

        assertThat(exit).as(text(err)).isZero();
        // With an empty registry each of the 5 devices (sensor-0001..3, cam-setup, <unknown>) is unknown, and
        // the events name the broker as --broker-id says
        assertThat(readAlerts(text(out))).filteredOn(a -> a.getType() == AlertType.UNKNOWN_DEVICE).hasSize(5)
                .allSatisfy(a -> assertThat(a.getEvidence()).containsEntry("brokerId", "mqtt-1"));
        assertThat(text(err)).contains("Indexed 87 records in 2 files", "records:  broker log lines 87",
                "rejected: 0 malformed lines, 0 dead letters");
    }

    @Test
    void shouldNeverWriteIntoTheLiveAlertTopic() {
        int exit = run("--from", "2026-03-01T00:00:00Z", "--to", "2026-03-02T00:00:00Z", "--name", "x",
                "--alert-topic", "fleetguard.alerts", "--set", "kafka.bootstrap.servers=localhost:1",
                "--set", "schema.registry.url=mock://x");

        assertThat(exit).isEqualTo(2);
        assertThat(text(err)).contains("the replay alert topic 'fleetguard.alerts' is the live alert topic");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        CommandLine cmd = new CommandLine(new ReplayCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        cmd.setErr(new PrintWriter(picocliErr, true));
        return cmd.execute(args);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    private List<io.fleetguard.schema.IdentityAlert> readAlerts(String text) throws Exception {
        Path p = Files.writeString(dir.resolve("stdout.jsonl"), text);
        return SimulatedHistory.readAlerts(p);
    }
}
