package io.fleetguard.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When each fleet device was last used (a successful authentication or telemetry claiming it,
 * pending events included), for the dormancy rule: a device silent for the dormancy period raises
 * DORMANT_IDENTITY_REACTIVATED on its next use. A device that has gone quiet, silent for nearly
 * that long, is therefore never used again except by a dormancy incident; one that is parked is
 * kept silent on purpose until it is old enough for one. One long per device.
 */
final class UseLog {

    static final long NEVER = Long.MIN_VALUE;
    /** Keeps every use clear of the dormancy thresholds, whatever the few seconds an incident spans. */
    static final long MARGIN = Duration.ofHours(1).toMillis();

    private final long dormancy;
    private final long[] lastUse;
    private final Set<Integer> parked = new LinkedHashSet<>();
    /** Devices whose reactivation is pending: not usable before it, or another use would end the silence first. */
    private final java.util.Map<Integer, Long> reactivatingAt = new java.util.HashMap<>();

    UseLog(int devices, Duration dormancy) {
        this.dormancy = dormancy.toMillis();
        this.lastUse = new long[devices];
        Arrays.fill(lastUse, NEVER);
    }

    void used(int index, long at) {
        lastUse[index] = Math.max(lastUse[index], at);
    }

    long lastUse(int index) {
        return lastUse[index];
    }

    /** True when a use at about {@code at} cannot look like a reactivation: the device is neither parked nor quiet. */
    boolean usable(int index, long at) {
        return !parked.contains(index) && reactivatingAt.getOrDefault(index, NEVER) <= at
                && (lastUse[index] == NEVER || at - lastUse[index] < dormancy - MARGIN);
    }

    /**
     * True when a use at about {@code at} is a reactivation the dormancy rule reports: silent for
     * the dormancy period, but not so long (twice the period) that the detector has forgotten it.
     */
    boolean reactivatable(int index, long at) {
        long silence = at - lastUse[index];
        return lastUse[index] != NEVER && silence >= dormancy + MARGIN && silence <= 2 * dormancy - MARGIN;
    }

    /** True when the device has been silent too long for its reactivation to be reported. */
    boolean forgotten(int index, long at) {
        return lastUse[index] != NEVER && at - lastUse[index] > 2 * dormancy - MARGIN;
    }

    void park(int index) {
        parked.add(index);
    }

    void unpark(int index) {
        parked.remove(index);
    }

    /** Unparks a device whose reactivating use is due at {@code at} (after a renewal, later than now). */
    void reactivate(int index, long at) {
        reactivatingAt.values().removeIf(due -> due < at - dormancy);
        parked.remove(index);
        reactivatingAt.put(index, at);
    }

    /** The parked devices, longest parked first. */
    List<Integer> parked() {
        return new ArrayList<>(parked);
    }
}
