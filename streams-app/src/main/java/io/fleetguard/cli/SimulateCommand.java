package io.fleetguard.cli;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.config.InvalidConfigurationException;
import io.fleetguard.feed.EventSink;
import io.fleetguard.feed.JsonLinesEventSink;
import io.fleetguard.feed.KafkaEventSink;
import io.fleetguard.sim.ActivityGenerator;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.sim.SimulationOptions;
import io.fleetguard.sim.SimulationSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fleetguard simulate}: a deterministic synthetic fleet with labelled incidents, to Kafka or files. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Produce a simulated fleet (registry first, then activity with injected incidents) "
                + "to a Kafka cluster or to JSON Lines files. Deterministic for a given --seed.")
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @ArgGroup(exclusive = true)
    Target target = new Target();

    static final class Target {
        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
                description = "Kafka to produce to (same as --set kafka.bootstrap.servers=...).")
        String bootstrapServers;

        @Option(names = "--out-dir", paramLabel = "DIR", description = "Write JSON Lines files here instead of Kafka.")
        Path outDir;
    }

    @Option(names = "--devices", defaultValue = "500", description = "Fleet size, up to 1,000,000 (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--events", defaultValue = "100000", description = "Activity events after the registry (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", description = "Simulated start instant, ISO-8601 (default: 2026-01-05T00:00:00Z).")
    Instant start;

    @Option(names = "--events-per-second", defaultValue = "50",
            description = "Activity pace in simulated time (default: ${DEFAULT-VALUE}).")
    double eventsPerSecond;

    @Option(names = "--incident-rate", defaultValue = "0.02", description = "Fraction of incidents (default: ${DEFAULT-VALUE}).")
    double incidentRate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SimulationOptions.Builder options = SimulationOptions.builder().seed(seed).devices(devices)
                .eventsPerSecond(eventsPerSecond).incidentRate(incidentRate);
        if (start != null) {
            options.start(start);
        }
        SimulationOptions simulation = options.build();
        EventSink sink;
        if (target.outDir != null) {
            sink = new JsonLinesEventSink(target.outDir);
        } else {
            try {
                FleetGuardConfig config = target.bootstrapServers == null ? configOptions.load()
                        : configOptions.load(Map.of("kafka.bootstrap.servers", target.bootstrapServers));
                sink = new KafkaEventSink(config);
            } catch (InvalidConfigurationException e) {
                err.println(e.getMessage());
                return RunCommand.EXIT_INVALID_CONFIG;
            }
        }
        SimulationSummary summary = new SimulationSummary();
        long started = System.nanoTime();
        try (sink) {
            ActivityGenerator generator = new ActivityGenerator(simulation);
            for (long i = 0; i < devices + events; i++) {
                SimEvent e = generator.next();
                sink.send(e);
                summary.add(e);
            }
            sink.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s%nwrote %,d records in %.1f s (%,.0f records/s)%n", summary, devices + events, seconds,
                (devices + events) / seconds);
        out.flush();
        return 0;
    }
}
