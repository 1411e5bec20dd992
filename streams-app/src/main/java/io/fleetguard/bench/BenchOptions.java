package io.fleetguard.bench;

import io.fleetguard.config.ConfigKeys;
import io.fleetguard.config.ConfigLoader;
import io.fleetguard.sim.SimulationOptions;
import org.apache.kafka.streams.StreamsConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code bench} measures.
 *
 * @param events         activity events pre-produced for the throughput phase (after the registry block)
 * @param warmupEvents   events of a separate data set both apps run over first, unmeasured, so that neither
 *                       pays for the JVM's JIT compilation of the shared code (clients, broker, serde); 0 for none
 * @param devices        registered identities, the size of the table both apps join against
 * @param partitions     partitions of every topic
 * @param threads        {@code num.stream.threads} of both apps
 * @param guarantee      {@code processing.guarantee} of both apps: exactly_once_v2 or at_least_once
 * @param rate           offered load of the latency phase, events per second (also the simulated pace of the preload)
 * @param latencySeconds how long the latency phase offers that load
 * @param seed           simulation seed
 * @param incidentRate   fraction of simulated actions that inject an incident
 * @param commitIntervalMs {@code commit.interval.ms} of both apps: under exactly-once, outputs become
 *                       readable ({@code read_committed}) at commits, so it bounds latency from below
 * @param latencyWarmupSeconds how long the latency phase offers its load before the measured seconds, so
 *                       that the percentiles are of a running app, not of its first seconds (see README,
 *                       Benchmark); those outputs are reported apart, per 5 s, not in the percentiles
 * @param fleetGuardSettings FleetGuard configuration keys set for FleetGuard's runs only (e.g.
 *                       {@code input.rekey.enabled=false}); not the ones the bench sets for both apps or itself
 */
public record BenchOptions(long events, long warmupEvents, int devices, int partitions, int threads, String guarantee,
                          double rate, int latencySeconds, long seed, double incidentRate, int commitIntervalMs,
                          int latencyWarmupSeconds, Map<String, String> fleetGuardSettings) {

    public static final Set<String> GUARANTEES = Set.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);
    /** The exactly_once_v2 default of Kafka Streams; under at_least_once (default 30 s) it keeps "caught up" prompt. */
    public static final int DEFAULT_COMMIT_INTERVAL_MS = 100;
    public static final int DEFAULT_LATENCY_WARMUP_SECONDS = 5;
    /**
     * Settings the bench makes itself, identical for both apps or naming its own topics and registry:
     * a {@code --set} of one of them would make the comparison unfair or break the run.
     */
    static final Set<String> BENCH_OWNED_KEYS = Set.of(ConfigKeys.APPLICATION_ID, "schema.registry.url",
            ConfigKeys.KAFKA_PREFIX + StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigKeys.KAFKA_PREFIX + StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
            ConfigKeys.KAFKA_PREFIX + StreamsConfig.NUM_STREAM_THREADS_CONFIG, ConfigKeys.KAFKA_PREFIX + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
            ConfigKeys.KAFKA_PREFIX + StreamsConfig.STATE_DIR_CONFIG);

    public BenchOptions {
        List<String> problems = problems(events, warmupEvents, devices, partitions, threads, guarantee, rate, latencySeconds, incidentRate);
        if (commitIntervalMs < 1) {
            problems.add("commit interval must be at least 1 ms, was " + commitIntervalMs);
        }
        if (latencyWarmupSeconds < 0) {
            problems.add("latency warm-up seconds must not be negative, was " + latencyWarmupSeconds);
        }
        fleetGuardSettings = Collections.unmodifiableSortedMap(new TreeMap<>(fleetGuardSettings));
        problems.addAll(settingProblems(fleetGuardSettings));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid bench options: " + String.join("; ", problems));
        }
    }

    /** The options with no FleetGuard settings of their own. */
    public BenchOptions(long events, long warmupEvents, int devices, int partitions, int threads, String guarantee,
                        double rate, int latencySeconds, long seed, double incidentRate, int commitIntervalMs,
                        int latencyWarmupSeconds) {
        this(events, warmupEvents, devices, partitions, threads, guarantee, rate, latencySeconds, seed, incidentRate,
                commitIntervalMs, latencyWarmupSeconds, Map.of());
    }

    /** The options with the default commit interval and latency warm-up. */
    public BenchOptions(long events, long warmupEvents, int devices, int partitions, int threads, String guarantee,
                        double rate, int latencySeconds, long seed, double incidentRate) {
        this(events, warmupEvents, devices, partitions, threads, guarantee, rate, latencySeconds, seed, incidentRate,
                DEFAULT_COMMIT_INTERVAL_MS);
    }

    /** The options with the default latency warm-up. */
    public BenchOptions(long events, long warmupEvents, int devices, int partitions, int threads, String guarantee,
                        double rate, int latencySeconds, long seed, double incidentRate, int commitIntervalMs) {
        this(events, warmupEvents, devices, partitions, threads, guarantee, rate, latencySeconds, seed, incidentRate,
                commitIntervalMs, DEFAULT_LATENCY_WARMUP_SECONDS);
    }

    /**
     * 1,000,000 events after a 100,000-event warm-up, 10,000 devices, 4 partitions, 1 thread, exactly_once_v2,
     * 10,000 events/s for 20 s after 5 s.
     */
    public static BenchOptions defaults() {
        return new BenchOptions(1_000_000, 100_000, 10_000, 4, 1, StreamsConfig.EXACTLY_ONCE_V2, 10_000, 20, 42, 0.02);
    }

    /** The {@code --set} settings the bench cannot take, and what FleetGuard's own validation says of the rest. */
    private static List<String> settingProblems(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        Map<String, String> check = new HashMap<>();
        settings.forEach((key, value) -> {
            if (BENCH_OWNED_KEYS.contains(key) || key.startsWith("topic.")) {
                problems.add("--set " + key + " is set by the bench itself");
            } else {
                check.put(key, value);
            }
        });
        ConfigLoader.problemsOfOverrides(check).forEach(p -> problems.add("--set: " + p));
        return problems;
    }

    /** Every problem at once, not the first. */
    private static List<String> problems(long events, long warmupEvents, int devices, int partitions, int threads, String guarantee,
                                         double rate, int latencySeconds, double incidentRate) {
        List<String> problems = new ArrayList<>();
        if (events < 1) {
            problems.add("events must be at least 1, was " + events);
        }
        if (warmupEvents < 0) {
            problems.add("warm-up events must not be negative, was " + warmupEvents);
        }
        if (devices < 1 || devices > SimulationOptions.MAX_DEVICES) {
            problems.add("devices must be between 1 and " + SimulationOptions.MAX_DEVICES + ", was " + devices);
        }
        if (partitions < 1) {
            problems.add("partitions must be at least 1, was " + partitions);
        }
        if (threads < 1) {
            problems.add("threads must be at least 1, was " + threads);
        }
        if (!GUARANTEES.contains(guarantee)) {
            problems.add("guarantee must be " + StreamsConfig.EXACTLY_ONCE_V2 + " or " + StreamsConfig.AT_LEAST_ONCE
                    + ", was " + guarantee);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            problems.add("rate must be a positive finite number, was " + rate);
        }
        if (latencySeconds < 1) {
            problems.add("latency seconds must be at least 1, was " + latencySeconds);
        }
        if (!(incidentRate >= 0 && incidentRate <= 1)) {
            problems.add("incident rate must be between 0 and 1, was " + incidentRate);
        }
        return problems;
    }
}
