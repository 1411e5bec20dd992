package io.fleetguard.cli;

import io.fleetguard.serde.AvroClassTrust;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single executable: {@code java -jar fleetguard.jar <command>}. The only place that exits the JVM. */
@Command(name = "fleetguard", mixinStandardHelpOptions = true,
        versionProvider = FleetGuardCli.Version.class,
        description = "Identity-anomaly detection for IoT fleets on Kafka Streams.",
        subcommands = {RunCommand.class, DemoCommand.class, SimulateCommand.class, ReplayCommand.class, ExportCommand.class, BenchCommand.class, ChaosCommand.class, FuzzCommand.class, ConfigDocsCommand.class, AlertDocsCommand.class})
public final class FleetGuardCli {

    public static void main(String[] args) {
        // Avro 1.12 refuses generated classes outside trusted packages (also in copy-builders).
        AvroClassTrust.trustSchemaPackage();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new FleetGuardCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(cmd.getColorScheme().errorText("fleetguard: " + e.getMessage()));
                    return 1;
                });
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FleetGuardCli.class.getPackage().getImplementationVersion();
            return new String[] {"FleetGuard " + (v == null ? "(development build)" : v)};
        }
    }
}
