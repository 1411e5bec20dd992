package io.fleetguard.replay;

import java.io.PrintStream;

/** The offline replay's progress line, printed every two seconds at most. */
final class OfflineProgress {

    private static final long EVERY_NS = 2_000_000_000L;

    private final PrintStream console;
    private final long total;
    private final long started;
    private long lastPrint;

    OfflineProgress(PrintStream console, long total, long started) {
        this.console = console;
        this.total = total;
        this.started = started;
        this.lastPrint = System.nanoTime();
    }

    void maybePrint(long records, long alerts, long rejected) {
        long now = System.nanoTime();
        if (now - lastPrint < EVERY_NS) {
            return;
        }
        lastPrint = now;
        console.printf("replay: %,d of %,d records (%d%%), %,d alerts, %,d rejected, %,.0f events/s%n", records, total,
                total == 0 ? 100 : records * 100 / total, alerts, rejected, records / ((now - started) / 1e9));
    }
}
