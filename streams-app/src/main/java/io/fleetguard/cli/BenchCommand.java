package io.fleetguard.cli;

import io.fleetguard.bench.Bench;
import io.fleetguard.bench.BenchOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fleetguard bench}: FleetGuard against a bare join baseline, in one process. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"On an embedded broker, pre-produce simulated events, then measure a bare KStream-KTable join "
                + "(the baseline) and FleetGuard: throughput end to end, event-to-output latency at a fixed offered "
                + "load, heap after GC and RSS, records written by topic and what the stream threads did (records "
                + "processed, polls, commits, punctuators, time blocked). Prints a table and a final line of JSON.",
                "The broker shares the JVM: run nothing else, and compare figures within one run only."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--events", defaultValue = "1000000",
            description = "Events to pre-produce after the registry (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--warmup-events", defaultValue = "100000",
            description = "Events of a separate data set both apps process first, unmeasured, to warm the JIT; "
                    + "0 for none (default: ${DEFAULT-VALUE}).")
    long warmupEvents;

    @Option(names = "--devices", defaultValue = "10000",
            description = "Registered identities, the registry both apps join against: 1 to 1000000 (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--threads", defaultValue = "1",
            description = "Stream threads (num.stream.threads) of both the baseline and FleetGuard (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--guarantee", defaultValue = "exactly_once_v2",
            description = "processing.guarantee of both apps: exactly_once_v2 or at_least_once (default: ${DEFAULT-VALUE}).")
    String guarantee;

    @Option(names = "--rate", defaultValue = "10000",
            description = "Offered events/s in the latency phase (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--latency-seconds", defaultValue = "20",
            description = "How long each app is offered that load (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--incident-rate", defaultValue = "0.02",
            description = "Fraction of simulated actions that inject an incident (default: ${DEFAULT-VALUE}).")
    double incidentRate;


    @Option(names = "--commit-interval-ms", defaultValue = "100",
            description = "commit.interval.ms of both apps; under exactly-once, outputs are readable at commits "
                    + "(default: ${DEFAULT-VALUE}).")
    int commitIntervalMs;

    @Option(names = "--latency-warmup-seconds", defaultValue = "5",
            description = "How long each app is offered the load before the measured seconds; those outputs are "
                    + "printed per 5 s apart from the percentiles (default: ${DEFAULT-VALUE}).")
    int latencyWarmupSeconds;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A FleetGuard configuration key for FleetGuard's runs only, e.g. --set input.rekey.enabled=false "
                    + "(repeatable; not the keys the bench sets for both apps).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return RunCommand.EXIT_INVALID_CONFIG;
        }
        new Bench(options, System.out, System.err).run();
        return 0;
    }

    /** The parsed options, every problem at once. */
    BenchOptions options() {
        return new BenchOptions(events, warmupEvents, devices, partitions, threads, guarantee, rate, latencySeconds, seed, incidentRate,
                commitIntervalMs, latencyWarmupSeconds, settings);
    }
}
