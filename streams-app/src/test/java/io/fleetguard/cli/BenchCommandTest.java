package io.fleetguard.cli;

import io.fleetguard.bench.BenchOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    @Test
    void shouldDefaultToTheBenchDefaults() {
        assertThat(parse()).isEqualTo(BenchOptions.defaults());
    }

    @Test
    void shouldGiveBothAppsTheStreamThreadsAndTheRegistryOfTheCommandLine() {
        BenchOptions options = parse("--events", "200000", "--threads", "2", "--devices", "1000000");

        assertThat(options).isEqualTo(
                new BenchOptions(200_000, 100_000, 1_000_000, 4, 2, "exactly_once_v2", 10_000, 20, 42, 0.02));
    }

    @Test
    void shouldParseEveryOption() {
        BenchOptions options = parse("--events", "5000", "--warmup-events", "0", "--devices", "100000", "--partitions", "2",
                "--threads", "3", "--guarantee", "at_least_once", "--rate", "500", "--latency-seconds", "5",
                "--seed", "7", "--incident-rate", "0.1", "--commit-interval-ms", "30", "--latency-warmup-seconds", "0");

        assertThat(options).isEqualTo(new BenchOptions(5_000, 0, 100_000, 2, 3, "at_least_once", 500, 5, 7, 0.1, 30, 0));
    }

    @Test
    void shouldPassFleetGuardSettingsToFleetGuardOnly() {
        BenchOptions options = parse("--events", "5000", "--set", "input.rekey.enabled=false", "--set", "kafka.max.task.idle.ms=-1");

        assertThat(options.fleetGuardSettings()).containsExactlyInAnyOrderEntriesOf(
                Map.of("input.rekey.enabled", "false", "kafka.max.task.idle.ms", "-1"));
    }

    @Test
    void shouldRefuseSettingsTheBenchMakesOrFleetGuardRejects() {
        StringWriter err = new StringWriter();
        CommandLine cli = FleetGuardCli.commandLine().setErr(new PrintWriter(err));

        int exit = cli.execute("bench", "--set", "kafka.num.stream.threads=2", "--set", "topic.alerts=x",
                "--set", "input.rekey.enabled=maybe", "--set", "no.such.key=1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("invalid bench options: --set kafka.num.stream.threads is set by the bench itself; "
                        + "--set topic.alerts is set by the bench itself; --set: ")
                .contains("input.rekey.enabled").contains("unknown key 'no.such.key'");
    }

    @Test
    void shouldRefuseAnInvalidRunWithEveryProblemAndExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine cli = FleetGuardCli.commandLine().setErr(new PrintWriter(err));

        int exit = cli.execute("bench", "--threads", "0", "--devices", "1000001", "--commit-interval-ms", "0",
                "--latency-warmup-seconds", "-1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualToNormalizingNewlines("invalid bench options: "
                + "devices must be between 1 and 1000000, was 1000001; threads must be at least 1, was 0; "
                + "commit interval must be at least 1 ms, was 0; latency warm-up seconds must not be negative, was -1\n");
    }

    private static BenchOptions parse(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }
}
