package io.fleetguard.replay;

import io.fleetguard.feed.JsonLines;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.serde.MockSchemaRegistryScopes;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Offline replay: JSON Lines history files in, the production topology in-process
 * ({@link OfflineEngine}), one alert per line out: the {@code IdentityAlert} in the format of
 * {@code feed.JsonLines}, or the OCSF finding the topology wrote for it ({@link AlertFormat}). Records are replayed in event-time order across all files (see
 * {@link TimeOrderedHistory}), each stamped with its event time, so the alerts and their ids are
 * the ones the live app emits for the same history. Bad lines go to the rejects file; none stops
 * the run.
 */
public final class OfflineReplay {

    /**
     * @param out      alert file; null writes to {@code stdout}
     * @param rejects  rejects file (always written, empty when nothing was rejected)
     * @param settings FleetGuard settings as merged by the caller (file &lt; environment &lt; command line)
     * @param clock    "now", for refusing event times in the future
     * @param engines  topology instances working in parallel, each on a share of the devices
     *                 (the alerts are the same for any number)
     * @param format   what is written per alert
     */
    public record Options(List<ReplayFile> inputs, Path out, Path rejects, Map<String, String> settings, Clock clock,
                          int engines, AlertFormat format) {
        public Options {
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(rejects, "rejects");
            settings = Map.copyOf(settings);
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(format, "format");
            if (engines < 1) {
                throw new IllegalArgumentException("engines must be at least 1, was " + engines);
            }
        }

        /** IdentityAlert lines. */
        public Options(List<ReplayFile> inputs, Path out, Path rejects, Map<String, String> settings, Clock clock,
                       int engines) {
            this(inputs, out, rejects, settings, clock, engines, AlertFormat.IDENTITY_ALERT);
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
            long maxFutureSkew = OfflineSettings.config(options.settings(), stateDir, scope).maxFutureSkew().toMillis();
            long latestPlausible = options.clock().millis() + maxFutureSkew;
            try (Rejects rejects = new Rejects(options.rejects(), console);
                 TimeOrderedHistory history = TimeOrderedHistory.open(options.inputs(), latestPlausible, rejects);
                 Writer alerts = alertWriter();
                 EnginePool pool = new EnginePool(options.engines(), i -> new OfflineEngine(
                         OfflineSettings.config(options.settings(), stateDir.resolve("engine-" + i), scope)))) {
                console.printf("Indexed %,d records in %d files in %.1f s%s%n", history.lines(), options.inputs().size(),
                        (System.nanoTime() - started) / 1e9, unordered(history));
                return replay(history, pool, alerts, rejects, started);
            }
        } finally {
            MockSchemaRegistryScopes.dropScope(scope);
            StateDirs.deleteQuietly(stateDir);
        }
    }

    /** Decodes the next round while the engines work on the current one. */
    private OfflineReport replay(TimeOrderedHistory history, EnginePool pool, Writer out, Rejects rejects, long started)
            throws IOException, InterruptedException {
        LineDecoder decoder = new LineDecoder();
        Tally tally = new Tally();
        OfflineProgress progress = new OfflineProgress(console, history.lines(), started);
        EnginePool.Round pending = null;
        while (true) {
            List<EnginePool.Item> round = nextRound(history, decoder, rejects, tally);
            if (pending != null) {
                write(pending.await(), options.format(), out, rejects, tally);
            }
            if (round.isEmpty()) {
                break;
            }
            pending = pool.submit(round);
            tally.records += round.size();
            progress.maybePrint(tally.records, tally.alertCount(), rejects.malformed() + rejects.deadLetters());
        }
        out.flush();
        OfflineReport report = new OfflineReport(tally.records, tally.byInput, tally.alerts, rejects.malformed(),
                rejects.deadLetters(), Duration.ofNanos(System.nanoTime() - started));
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
                round.add(new EnginePool.Item(tally.seq++, line, decoder.decode(line.input(), line.text())));
                tally.byInput.merge(line.input(), 1L, Long::sum);
            } catch (MalformedRecordException e) {
                rejects.reject(line.file(), line.lineNumber(), e.getMessage(), line.text(), 0, line.text().length);
            }
        }
        return round;
    }

    private static void write(List<EnginePool.Output> outputs, AlertFormat format, Writer out, Rejects rejects,
                              Tally tally) throws IOException {
        for (EnginePool.Output o : outputs) {
            // The OCSF lines are the topology's own output, not a rendering of the alerts made here.
            List<String> lines = format == AlertFormat.OCSF ? o.ocsf() : o.alerts().stream().map(JsonLines::encode).toList();
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
            for (IdentityAlert alert : o.alerts()) {
                tally.alerts.merge(alert.getType(), 1L, Long::sum);
            }
            for (OfflineEngine.DeadLetter d : o.deadLetters()) {
                rejects.deadLetter(o.line(), d.reason(), d.message());
            }
        }
    }

    /** Running counts of the replay. */
    private static final class Tally {
        final Map<ReplayInput, Long> byInput = new EnumMap<>(ReplayInput.class);
        final Map<AlertType, Long> alerts = new EnumMap<>(AlertType.class);
        long records;
        long seq;

        long alertCount() {
            return alerts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Writer alertWriter() throws IOException {
        if (options.out() != null) {
            return Files.newBufferedWriter(options.out(), StandardCharsets.UTF_8);
        }
        return new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16) {
            @Override
            public void close() throws IOException {
                flush(); // never close the process's stdout
            }
        };
    }

    private static String unordered(TimeOrderedHistory history) {
        List<Path> files = history.unorderedFiles();
        return files.isEmpty() ? "" : " (not in time order, sorted: " + files + ")";
    }
}
