package io.fleetguard.replay;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.ingest.LogFormat;
import io.fleetguard.serde.MockSchemaRegistryScopes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Offline replay: JSON Lines history files and raw broker logs in, the production topology
 * in-process ({@link OfflineEngine}), one alert per line out: the {@code IdentityAlert} in the
 * format of {@code feed.JsonLines}, or the OCSF finding the topology wrote for it
 * ({@link AlertFormat}). Records are replayed in event-time order across all files (see
 * {@link TimeOrderedHistory}), each stamped with its event time, so the alerts and their ids are
 * the ones the live app emits for the same history. Raw broker log lines go through the app's
 * broker-log normalizer, each stamped with the time it states (a live record carries the log
 * shipper's timestamp instead, which the ids of normalized events include). Bad lines go to the
 * rejects file; none stops the run.
 */
public final class OfflineReplay {

    /**
     * @param brokerLogs raw broker logs, normalized by the topology as the live app normalizes them
     * @param out        alert file; null writes to {@code stdout}
     * @param rejects    rejects file (always written, empty when nothing was rejected)
     * @param settings   FleetGuard settings as merged by the caller (file &lt; environment &lt; command line)
     * @param clock      "now", for refusing event times in the future
     * @param engines    topology instances working in parallel, each on a share of the devices; one
     *                   with broker logs, since a broker's lines name devices of every share
     * @param format     what is written per alert
     */
    public record Options(List<ReplayFile> inputs, List<BrokerLog> brokerLogs, Path out, Path rejects,
                          Map<String, String> settings, Clock clock, int engines, AlertFormat format) {
        public Options {
            inputs = List.copyOf(inputs);
            brokerLogs = List.copyOf(brokerLogs);
            Objects.requireNonNull(rejects, "rejects");
            settings = Map.copyOf(settings);
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(format, "format");
            if (engines < 1) {
                throw new IllegalArgumentException("engines must be at least 1, was " + engines);
            }
            if (engines > 1 && !brokerLogs.isEmpty()) {
                throw new IllegalArgumentException("broker logs need a single engine (a broker's lines name devices "
                        + "of every engine's share), not " + engines);
            }
            brokerFormats(brokerLogs); // refuses a broker id given two formats
        }

        /** JSON Lines inputs only, IdentityAlert lines. */
        public Options(List<ReplayFile> inputs, Path out, Path rejects, Map<String, String> settings, Clock clock,
                       int engines) {
            this(inputs, List.of(), out, rejects, settings, clock, engines, AlertFormat.IDENTITY_ALERT);
        }

        /** The format of each broker id, as {@code ingest.formats} will tell it to the normalizer. */
        Map<String, LogFormat> brokerFormats() {
            return brokerFormats(brokerLogs);
        }

        private static Map<String, LogFormat> brokerFormats(List<BrokerLog> logs) {
            Map<String, LogFormat> formats = new LinkedHashMap<>();
            for (BrokerLog log : logs) {
                LogFormat other = formats.putIfAbsent(log.brokerId(), log.format());
                if (other != null && other != log.format()) {
                    throw new IllegalArgumentException("broker id '" + log.brokerId() + "' is given two formats, "
                            + other.origin() + " and " + log.format().origin() + " (" + log.path() + ")");
                }
            }
            return formats;
        }

        /**
         * One: engines split the fleet by device, and the rules that correlate across devices (shared
         * credentials by fingerprint, password spraying by source, credential owners) only agree with
         * the live system when one engine sees every device.
         */
        public static int defaultEngines() {
            return 1;
        }
    }

    /** Records per round; big enough that waiting for the slowest engine at its end costs little. */
    private static final int ROUND = 4096;

    private final Options options;
    private final PrintStream console;
    private final OutputStream stdout;

    /**
     * @param console progress and summary (stderr when alerts go to stdout)
     * @param stdout  where alerts go when {@code options.out()} is null
     */
    public OfflineReplay(Options options, PrintStream console, OutputStream stdout) {
        this.options = options;
        this.console = console;
        this.stdout = stdout;
    }

    public OfflineReport run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        String scope = "replay-offline-" + UUID.randomUUID();
        Path stateDir = Files.createTempDirectory("fleetguard-replay-state");
        try {
            // Validates the settings before any file is read.
            Map<String, LogFormat> brokerFormats = options.brokerFormats();
            FleetGuardConfig config = OfflineSettings.config(options.settings(), brokerFormats, stateDir, scope);
            long latestPlausible = options.clock().millis() + config.maxFutureSkew().toMillis();
            try (Rejects rejects = new Rejects(options.rejects(), console);
                 TimeOrderedHistory history = TimeOrderedHistory.open(options.inputs(), options.brokerLogs(),
                         OfflineSettings.brokerLogTimes(config), latestPlausible, rejects);
                 AlertLines alerts = new AlertLines(options.out(), stdout, options.format());
                 EnginePool pool = new EnginePool(options.engines(), i -> new OfflineEngine(OfflineSettings.config(
                         options.settings(), brokerFormats, stateDir.resolve("engine-" + i), scope)))) {
                console.printf("Indexed %,d records in %d files in %.1f s%s%n", history.lines(),
                        options.inputs().size() + options.brokerLogs().size(), (System.nanoTime() - started) / 1e9,
                        unordered(history));
                return replay(history, pool, alerts, rejects, started);
            }
        } finally {
            MockSchemaRegistryScopes.dropScope(scope);
            StateDirs.deleteQuietly(stateDir);
        }
    }

    /** Decodes the next round while the engines work on the current one. */
    private OfflineReport replay(TimeOrderedHistory history, EnginePool pool, AlertLines out, Rejects rejects, long started)
            throws IOException, InterruptedException {
        LineDecoder decoder = new LineDecoder();
        Tally tally = new Tally();
        OfflineProgress progress = new OfflineProgress(console, history.lines(), started);
        EnginePool.Round pending = null;
        while (true) {
            List<EnginePool.Item> round = nextRound(history, decoder, rejects, tally);
            if (pending != null) {
                write(pending.await(), out, rejects);
            }
            if (round.isEmpty()) {
                break;
            }
            pending = pool.submit(round);
            tally.records += round.size();
            progress.maybePrint(tally.records, out.count(), rejects.malformed() + rejects.deadLetters());
        }
        out.flush();
        OfflineReport report = new OfflineReport(tally.records, tally.byInput, tally.brokerLogLines, out.byType(),
                rejects.malformed(), rejects.deadLetters(), Duration.ofNanos(System.nanoTime() - started));
        report.print(console, options.out() == null ? "stdout" : options.out().toString(), rejects.path().toString());
        return report;
    }

    /** Up to {@link #ROUND} decoded records; empty only at the end of the history. */
    private static List<EnginePool.Item> nextRound(TimeOrderedHistory history, LineDecoder decoder, Rejects rejects,
                                                   Tally tally) {
        List<EnginePool.Item> round = new ArrayList<>(ROUND);
        while (round.size() < ROUND && history.hasNext()) {
            HistoryLine line = history.next();
            try {
                round.add(new EnginePool.Item(tally.seq++, line, decoder.decode(line)));
                if (line.source() instanceof ReplayFile f) {
                    tally.byInput.merge(f.input(), 1L, Long::sum);
                } else {
                    tally.brokerLogLines++;
                }
            } catch (MalformedRecordException e) {
                rejects.reject(line.file(), line.lineNumber(), e.getMessage(), line.text(), 0, line.text().length);
            }
        }
        return round;
    }

    private static void write(List<EnginePool.Output> outputs, AlertLines out, Rejects rejects) throws IOException {
        for (EnginePool.Output o : outputs) {
            out.write(o.alerts(), o.ocsf());
            for (OfflineEngine.DeadLetter d : o.deadLetters()) {
                rejects.deadLetter(o.line(), d.reason(), d.message());
            }
        }
    }

    /** Running counts of the records replayed. */
    private static final class Tally {
        final Map<ReplayInput, Long> byInput = new EnumMap<>(ReplayInput.class);
        long brokerLogLines;
        long records;
        long seq;
    }

    private static String unordered(TimeOrderedHistory history) {
        List<Path> files = history.unorderedFiles();
        return files.isEmpty() ? "" : " (not in time order, sorted: " + files + ")";
    }
}
