package io.fleetguard.chaos;

import java.nio.file.Path;

/**
 * What a chaos run does.
 *
 * @param keepDir       where to keep broker data, app state, logs and history (null: a temp dir deleted at the end)
 * @param failover      kill one of the two instances once and time the survivor's take-over
 * @param fuzzLines     fuzzed broker-log lines per parser (0: no fuzzing)
 * @param eventOrderGraceMs the instances' {@code event.order.grace.ms}, in event time (0: arrival order)
 */
public record ChaosOptions(long events, int devices, int partitions, int kills, long seed, boolean brokerRestarts,
                           boolean failover, Path keepDir, long fuzzLines, long eventOrderGraceMs) {

    /**
     * The chaos feed writes history much faster than it happened (the default 1,000,000 events span
     * 5.5 hours of event time and are fed in about 9 minutes, ~35 times faster), so one second of
     * arrival skew between inputs is over half a minute of event time, and one fetch of a partition
     * spans minutes of it. 10 minutes of event time is about 16 s of wall clock at that speed.
     */
    public static final long DEFAULT_EVENT_ORDER_GRACE_MS = 10 * 60_000L;

    public ChaosOptions {
        if (events < 1 || devices < 1 || partitions < 1 || kills < 0 || fuzzLines < 0 || eventOrderGraceMs < 0) {
            throw new IllegalArgumentException("events, devices and partitions must be positive, kills and fuzz lines not negative");
        }
    }
}
