package io.fleetguard.cli;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.config.InvalidConfigurationException;
import io.fleetguard.replay.AlertFormat;
import io.fleetguard.replay.BrokerLog;
import io.fleetguard.replay.ClusterReplay;
import io.fleetguard.replay.ClusterReplayReport;
import io.fleetguard.replay.OfflineReplay;
import io.fleetguard.replay.ReplayCleanup;
import io.fleetguard.replay.ReplayFile;
import io.fleetguard.replay.ReplayInput;
import io.fleetguard.replay.ReplayTarget;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code fleetguard replay}: re-run detection over history, for incident responders. On a cluster
 * ({@code --from --to}), under its own application id into its own alert topic; offline
 * ({@code --offline}), over JSON Lines files and raw broker logs into an alerts file, with no
 * broker. Both emit the alerts, ids included, that the live app emitted for the same history (for
 * raw broker logs, ids only when the live records were stamped with the lines' own times).
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-run detection over a time range of the input topics, or offline over JSON Lines files and broker logs.",
                "  cluster: replay --from 2026-03-01T00:00:00Z --to 2026-03-02T00:00:00Z [--name incident-42]",
                "  cleanup: replay --cleanup incident-42 [--delete-output]",
                "  offline: replay --offline --registry registry.jsonl --auth auth.jsonl ... --out alerts.jsonl"})
public final class ReplayCommand implements Callable<Integer> {

    static final int EXIT_USAGE = 2;

    @Option(names = "--from", paramLabel = "ISO-8601", converter = InstantConverter.class,
            description = "Cluster replay: first event time (inclusive).")
    Instant from;

    @Option(names = "--to", paramLabel = "ISO-8601", converter = InstantConverter.class,
            description = "Cluster replay: last event time (inclusive).")
    Instant to;

    @Option(names = "--name", paramLabel = "ID", description = "Cluster replay name: application id fleetguard-replay-<ID>, "
            + "alert topic fleetguard.alerts.replay.<ID> (default: the --from instant, e.g. 20260301t000000z).")
    String name;

    @Option(names = "--alert-topic", paramLabel = "TOPIC", description = "Cluster replay alert topic (never the live one).")
    String alertTopic;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
            description = "Cluster replay: stop when no progress for this long (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--cleanup", paramLabel = "ID", description = "Delete replay ID's consumer group, internal topics and local state.")
    String cleanup;

    @Option(names = "--delete-output", description = "With --cleanup: also delete the replay's alert and dead-letter topics.")
    boolean deleteOutput;

    @Option(names = "--offline", description = "Replay JSON Lines files and raw broker logs in-process, with no broker.")
    boolean offline;

    @Option(names = "--registry", paramLabel = "FILE", description = "Offline: DeviceIdentity lines (repeatable).")
    List<Path> registry = new ArrayList<>();

    @Option(names = "--auth", paramLabel = "FILE", description = "Offline: AuthEvent lines (repeatable).")
    List<Path> auth = new ArrayList<>();

    @Option(names = "--telemetry", paramLabel = "FILE", description = "Offline: TelemetryRecord lines (repeatable).")
    List<Path> telemetry = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Offline: ConfigChange lines (repeatable).")
    List<Path> configChanges = new ArrayList<>();

    @Option(names = "--support", paramLabel = "FILE", description = "Offline: RemoteSupportSession lines (repeatable).")
    List<Path> support = new ArrayList<>();

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<BrokerLogOptions> brokerLogs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Offline: alerts file, one alert per line; - for stdout.")
    String alertsOut;

    @Option(names = "--format", paramLabel = "FORMAT", converter = AlertFormatConverter.class, defaultValue = "identity-alert",
            description = "Offline: identity-alert (one IdentityAlert JSON per line) or ocsf (the OCSF Detection Finding "
                    + "the app writes to its OCSF topic) (default: ${DEFAULT-VALUE}).")
    AlertFormat format;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Offline: rejected lines (default: <out>.rejects.jsonl).")
    Path rejects;

    @Option(names = "--engines", paramLabel = "N", description = "Offline: topology instances in parallel, each on a share of the devices (default: 1). "
                    + "More are faster but rules across devices (shared credentials, spraying) then see only a share.")
    Integer engines;

    @Option(names = {"-p", "--properties"}, paramLabel = "FILE",
            description = "FleetGuard settings file (as `run --config`; --config here is the config-changes input).")
    Path properties;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "Override one setting (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where alerts (with {@code --out -}) and reports go, and where problems go. */
    private final PrintStream out;
    private final PrintStream err;

    public ReplayCommand() {
        this(System.out, System.err);
    }

    public ReplayCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        int modes = (offline ? 1 : 0) + (cleanup != null ? 1 : 0) + (from != null || to != null ? 1 : 0);
        if (modes != 1) {
            return usage("choose exactly one of --offline, --cleanup ID, or --from/--to");
        }
        try {
            if (offline) {
                return offline();
            }
            if (cleanup != null) {
                return ReplayCleanup.run(ReplayTarget.of(cleanup, alertTopic), this::load, deleteOutput, out);
            }
            return cluster();
        } catch (InvalidConfigurationException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (IllegalStateException e) {
            err.println("replay: " + e.getMessage());
            return 1;
        }
    }

    private int cluster() throws InterruptedException {
        if (from == null || to == null) {
            return usage("a cluster replay needs both --from and --to");
        }
        String id = name != null ? name : from.toString().replace(":", "").replace("-", "").toLowerCase(java.util.Locale.ROOT);
        ClusterReplayReport report = new ClusterReplay(new ClusterReplay.Options(id, from, to, alertTopic, idleTimeout),
                this::load, out).run();
        return report.complete() ? 0 : 1;
    }

    private int offline() throws Exception {
        List<ReplayFile> files = new ArrayList<>();
        registry.forEach(p -> files.add(new ReplayFile(ReplayInput.REGISTRY, p)));
        auth.forEach(p -> files.add(new ReplayFile(ReplayInput.AUTH, p)));
        telemetry.forEach(p -> files.add(new ReplayFile(ReplayInput.TELEMETRY, p)));
        configChanges.forEach(p -> files.add(new ReplayFile(ReplayInput.CONFIG, p)));
        support.forEach(p -> files.add(new ReplayFile(ReplayInput.SUPPORT, p)));
        if (registry.isEmpty() || alertsOut == null) {
            return usage("an offline replay needs --registry FILE and --out FILE (or --out -)");
        }
        boolean toStdout = alertsOut.equals("-");
        Path alerts = toStdout ? null : Path.of(alertsOut);
        Path rejectsFile = rejects != null ? rejects : Path.of(toStdout ? "replay.rejects.jsonl" : alertsOut + ".rejects.jsonl");
        PrintStream console = toStdout ? err : out;
        Map<String, String> settings = load(Map.of("kafka.bootstrap.servers", "offline.invalid:9092",
                "schema.registry.url", "mock://offline")).originalsStrings();
        new OfflineReplay(new OfflineReplay.Options(files, brokerLogFiles(), alerts, rejectsFile, settings, Clock.systemUTC(),
                engines != null ? engines : OfflineReplay.Options.defaultEngines(), format), console, out).run();
        return 0;
    }

    /** The --broker-log groups; a missing format is a usage error naming the file it belongs to. */
    private List<BrokerLog> brokerLogFiles() {
        List<BrokerLog> logs = new ArrayList<>();
        for (BrokerLogOptions b : brokerLogs) {
            if (b.format == null) {
                throw new IllegalArgumentException("--broker-log " + b.file + " needs its --broker-log-format ("
                        + BrokerLogOptions.FORMATS + ")");
            }
            logs.add(BrokerLog.of(b.file, b.format, b.brokerId));
        }
        return logs;
    }

    /** Settings: properties file &lt; FLEETGUARD_* environment &lt; --set &lt; what the replay itself fixes. */
    private FleetGuardConfig load(Map<String, String> fixed) {
        Map<String, String> cli = new LinkedHashMap<>(overrides);
        cli.putAll(fixed);
        return ConfigLoader.load(properties, System.getenv(), cli);
    }

    private int usage(String problem) {
        err.println("replay: " + problem);
        err.println("Usage: see replay --help");
        return EXIT_USAGE;
    }


    /** ISO-8601 instants, e.g. 2026-03-01T10:00:00Z. */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 instant (e.g. 2026-03-01T10:00:00Z)");
            }
        }
    }
}
