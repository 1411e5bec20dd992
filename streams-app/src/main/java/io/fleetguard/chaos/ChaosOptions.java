package io.fleetguard.chaos;

import java.nio.file.Path;

/**
 * What a chaos run does.
 *
 * @param keepDir       where to keep broker data, app state, logs and history (null: a temp dir deleted at the end)
 * @param failover      kill one of the two instances once and time the survivor's take-over
 * @param fuzzLines     fuzzed broker-log lines per parser (0: no fuzzing)
 */
public record ChaosOptions(long events, int devices, int partitions, int kills, long seed, boolean brokerRestarts,
                           boolean failover, Path keepDir, long fuzzLines) {

    public ChaosOptions {
        if (events < 1 || devices < 1 || partitions < 1 || kills < 0 || fuzzLines < 0) {
            throw new IllegalArgumentException("events, devices and partitions must be positive, kills and fuzz lines not negative");
        }
    }
}
