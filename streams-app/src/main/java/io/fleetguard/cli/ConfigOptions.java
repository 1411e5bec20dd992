package io.fleetguard.cli;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where configuration comes from, shared by every command that talks to Kafka. Precedence:
 * properties file &lt; FLEETGUARD_* environment &lt; --set on the command line.
 */
final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Properties file with FleetGuard settings.")
    Path file;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. --set kafka.bootstrap.servers=broker:9092 (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    FleetGuardConfig load() {
        return ConfigLoader.load(file, System.getenv(), overrides);
    }

    FleetGuardConfig load(Map<String, String> defaults) {
        Map<String, String> cli = new LinkedHashMap<>(defaults);
        cli.putAll(overrides);
        return ConfigLoader.load(file, System.getenv(), cli);
    }
}
