package io.fleetguard.sim;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Every failed authentication the simulation has emitted lately, by device and by source address,
 * so that an incident can check that its failures are the only ones the failure-burst rules see
 * around them. Failures are emitted only by incidents, so the log stays small; entries older than
 * {@code horizon} behind the latest recorded failure are dropped.
 */
final class FailureLog {

    private final long horizon;
    private final Map<String, ArrayDeque<Long>> byDevice = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> bySource = new HashMap<>();
    private long latest = Long.MIN_VALUE;

    /** @param horizon how far back a check may look, plus the span of one incident */
    FailureLog(long horizon) {
        this.horizon = horizon;
    }

    void record(String deviceId, String sourceIp, long at) {
        if (at > latest) {
            latest = at;
            prune(byDevice, at - horizon);
            prune(bySource, at - horizon);
        }
        byDevice.computeIfAbsent(deviceId, k -> new ArrayDeque<>()).add(at);
        if (sourceIp != null) {
            bySource.computeIfAbsent(sourceIp, k -> new ArrayDeque<>()).add(at);
        }
    }

    /** True when no failure as {@code deviceId} was recorded in [from, to]. */
    boolean deviceClear(String deviceId, long from, long to) {
        return clear(byDevice.get(deviceId), from, to);
    }

    /** True when no failure from {@code sourceIp} was recorded in [from, to]. */
    boolean sourceClear(String sourceIp, long from, long to) {
        return clear(bySource.get(sourceIp), from, to);
    }

    private static boolean clear(ArrayDeque<Long> times, long from, long to) {
        if (times == null) {
            return true;
        }
        for (long t : times) {
            if (t >= from && t <= to) {
                return false;
            }
        }
        return true;
    }

    private static void prune(Map<String, ArrayDeque<Long>> log, long before) {
        Iterator<ArrayDeque<Long>> it = log.values().iterator();
        while (it.hasNext()) {
            ArrayDeque<Long> times = it.next();
            times.removeIf(t -> t < before);
            if (times.isEmpty()) {
                it.remove();
            }
        }
    }
}
