package io.fleetguard.chaos;

import io.fleetguard.ingest.LogFormat;

import java.io.PrintWriter;
import java.util.Map;

/** The {@code fuzz} command's figures: one line per parser, then one JSON line. */
public final class BrokerLogFuzzReport {

    private BrokerLogFuzzReport() {
    }

    /** Fuzzes {@code lines} lines per parser; true if nothing escaped and every line was accounted for. */
    public static boolean run(long lines, long seed, PrintWriter out) {
        long started = System.nanoTime();
        Map<LogFormat, BrokerLogFuzz.Result> results = new BrokerLogFuzz().run(lines, seed);
        boolean ok = true;
        long total = 0;
        long escaped = 0;
        for (BrokerLogFuzz.Result r : results.values()) {
            out.printf("%-10s %,9d lines: %,9d normalized %,9d skipped %,9d rejected %,6d throttled %d escaped%s%n",
                    r.format().origin(), r.lines(), r.normalized(), r.skipped(), r.rejected(), r.throttled(), r.escaped(),
                    r.firstEscapes().isEmpty() ? "" : " " + r.firstEscapes());
            ok &= r.escaped() == 0 && r.accounted() == r.lines();
            total += r.lines();
            escaped += r.escaped();
        }
        out.printf("{\"fuzz_lines\":%d,\"fuzz_escaped\":%d,\"seed\":%d,\"seconds\":%.1f}%n", total, escaped, seed,
                (System.nanoTime() - started) / 1e9);
        out.flush();
        return ok;
    }
}
