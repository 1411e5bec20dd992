package io.fleetguard.demo;

import java.time.Duration;

/**
 * What the demo runs.
 *
 * @param duration how long to run; null runs until stopped (Ctrl-C)
 * @param rate        events per second of (wall-clock paced) simulated activity
 * @param metricsPort port of the metrics and health endpoints on 127.0.0.1; 0 = any free port, -1 = none
 */
public record DemoOptions(int devices, long seed, double rate, double incidentRate, int partitions,
                          Duration duration, boolean colour, int metricsPort) {

    public static DemoOptions defaults() {
        return new DemoOptions(500, 42, 200, 0.02, 4, null, false, 9464);
    }
}
