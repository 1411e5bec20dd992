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
     * 5.5 hours of event time and are fed in slices of bursts), and after every kill or failover an
     * instance catches up a backlog of up to a slice at a hundred times real time or more. Kafka
     * Streams' own ordering across a task's partitions holds only for what is fetched (an empty
     * partition whose last known lag is 0 does not hold the others back), so a partition fetched a
     * few seconds late is many minutes of event time behind. Measured: with 10 minutes, a 300,000-event
     * run still saw activities arrive 18 minutes behind stream time right after a take-over (2 lost,
     * 3 extra) and the 1,000,000-event run registry versions 17 minutes late (51 lost, 86 extra); with
     * an hour, none. A live fleet arriving in real time needs seconds, not an hour: see README.
     */
    public static final long DEFAULT_EVENT_ORDER_GRACE_MS = 60 * 60_000L;

    public ChaosOptions {
        if (events < 1 || devices < 1 || partitions < 1 || kills < 0 || fuzzLines < 0 || eventOrderGraceMs < 0) {
            throw new IllegalArgumentException("events, devices and partitions must be positive, kills and fuzz lines not negative");
        }
    }
}
