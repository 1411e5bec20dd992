package io.fleetguard.cli;

import io.fleetguard.chaos.ChaosOptions;
import io.fleetguard.chaos.ChaosRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fleetguard chaos}: kill, fail over, restart the broker, poison and fuzz; then prove nothing was lost. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Start a KRaft broker and two FleetGuard instances as child processes, load a simulated history "
                + "with poison pills and planted secrets, kill -9 instances, fail over, restart the broker, then check "
                + "the committed alerts id for id against an offline replay. Prints a table and one JSON line; "
                + "exit code 0 only if nothing was lost, duplicated or leaked.")
final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--events", defaultValue = "1000000", description = "Activity events (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--devices", defaultValue = "10000", description = "Fleet size (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--kills", defaultValue = "10", description = "kill -9s of an instance (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the history, the kills and the fuzzing (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-broker-restart", description = "Do not restart the broker (by default: once SIGTERM, once SIGKILL).")
    boolean noBrokerRestart;

    @Option(names = "--no-failover", description = "Skip the timed failover.")
    boolean noFailover;

    @Option(names = "--fuzz-lines", defaultValue = "100000",
            description = "Fuzzed broker-log lines per parser (default: ${DEFAULT-VALUE}; 0 to skip).")
    long fuzzLines;

    @Option(names = "--event-order-grace-ms", defaultValue = "" + ChaosOptions.DEFAULT_EVENT_ORDER_GRACE_MS,
            description = "The instances' event.order.grace.ms, in event time (default: ${DEFAULT-VALUE}, 1 h; "
                    + "0 judges events in arrival order).")
    long eventOrderGraceMs;

    @Option(names = "--keep-dir", paramLabel = "DIR",
            description = "Keep broker data, state, logs and history here (default: a temp dir, deleted).")
    Path keepDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ChaosOptions options = new ChaosOptions(events, devices, partitions, kills, seed, !noBrokerRestart, !noFailover,
                keepDir, fuzzLines, eventOrderGraceMs);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        return new ChaosRun(options, System.err).run(out).passed() ? 0 : 1;
    }
}
