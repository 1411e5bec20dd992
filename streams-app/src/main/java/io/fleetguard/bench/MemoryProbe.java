package io.fleetguard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory of this whole JVM, which also hosts the embedded broker: heap still in use after two
 * full collections (live data, not garbage) and the process's resident set size.
 */
public final class MemoryProbe {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final double MB = 1024.0 * 1024.0;

    /**
     * @param heapMb live heap in MiB
     * @param rssMb  resident set in MiB (heap, metaspace, thread stacks, RocksDB, direct buffers, ...); NaN where
     *               {@code /proc} is not available
     */
    public record Snapshot(double heapMb, double rssMb) {

        /** What was added since {@code before}, e.g. by starting an app. */
        public Snapshot minus(Snapshot before) {
            return new Snapshot(heapMb - before.heapMb, rssMb - before.rssMb);
        }
    }

    private MemoryProbe() {
    }

    static Snapshot take() {
        // One collection may leave objects whose finalization or reference processing frees more.
        System.gc();
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Snapshot(used / MB, rssMb());
    }

    static double rssMb() {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:     123456 kB"
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
