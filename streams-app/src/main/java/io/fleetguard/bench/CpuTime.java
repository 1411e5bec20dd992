package io.fleetguard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/** CPU time consumed by this whole process, or by the stream threads of one Kafka Streams app. */
final class CpuTime {

    private CpuTime() {
    }

    /** Nanoseconds of CPU used by the process so far (all threads: apps, broker, GC, JIT), or -1 if unknown. */
    static long processNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Nanoseconds of CPU used so far by the live stream threads of an app (named
     * {@code <application.id>-<uuid>-StreamThread-<n>}), or -1 if the JVM does not measure thread CPU.
     * Their producers' I/O threads and the broker's work on their behalf are not included.
     */
    static long streamThreadNanos(String applicationId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            return -1;
        }
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (name.startsWith(applicationId + "-") && name.contains("-StreamThread-")) {
                total += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return total;
    }
}
