package io.fleetguard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** CPU time consumed by this whole process (all threads: apps, broker, GC, JIT). */
final class CpuTime {

    private CpuTime() {
    }

    /** Nanoseconds of CPU used by the process so far, or -1 where the JVM cannot tell. */
    static long processNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
