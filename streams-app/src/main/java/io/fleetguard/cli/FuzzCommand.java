package io.fleetguard.cli;

import io.fleetguard.chaos.BrokerLogFuzzReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code fleetguard fuzz}: every broker-log parser against mutated real lines; prints the figures. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Fuzz the Mosquitto, EMQX and AWS IoT parsers with mutations of real captured lines. "
                + "Exit code 0 only if no exception escaped and every line was normalized, skipped or rejected.")
final class FuzzCommand implements Callable<Integer> {

    @Option(names = "--lines", defaultValue = "100000", description = "Lines per parser (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return BrokerLogFuzzReport.run(lines, seed, spec.commandLine().getOut()) ? 0 : 1;
    }
}
