package io.fleetguard.cli;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.config.InvalidConfigurationException;
import io.fleetguard.replay.Exporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code fleetguard export}: the input topics' records of a time range as JSON Lines files, one per
 * input, in the format {@code replay --offline} reads, to take history off a cluster.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the input topics' records of [--from, --to] as JSON Lines files for `replay --offline`.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "ISO-8601", converter = ReplayCommand.InstantConverter.class,
            description = "First event time of the event topics (the registry is exported from its beginning).")
    Instant from;

    @Option(names = "--to", required = true, paramLabel = "ISO-8601", converter = ReplayCommand.InstantConverter.class,
            description = "Last record timestamp exported (inclusive).")
    Instant to;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Directory for registry.jsonl, auth.jsonl, telemetry.jsonl, config.jsonl, support.jsonl.")
    Path out;

    @Mixin
    ConfigOptions configOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (to.isBefore(from)) {
            spec.commandLine().getErr().println("export: --to " + to + " is before --from " + from);
            return ReplayCommand.EXIT_USAGE;
        }
        FleetGuardConfig config;
        try {
            config = configOptions.load();
        } catch (InvalidConfigurationException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ReplayCommand.EXIT_USAGE;
        }
        new Exporter(new Exporter.Options(from, to, out), config, System.out).run();
        return 0;
    }

}
