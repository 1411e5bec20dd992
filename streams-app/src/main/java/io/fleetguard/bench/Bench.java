package io.fleetguard.bench;

import io.fleetguard.embedded.EmbeddedKafka;
import io.fleetguard.feed.KafkaEventSink;
import io.fleetguard.serde.MockSchemaRegistryScopes;
import io.fleetguard.sim.SimulationOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * The {@code bench} run: on an embedded broker, pre-produce the simulated registry and events
 * once; run a bare KStream–KTable join (the baseline) and then FleetGuard over them, each timed
 * from RUNNING to caught up, with memory taken while it runs caught up; then measure each one's
 * event-to-output latency at a fixed offered load on fresh topics; print the table and JSON.
 */
public final class Bench {

    /** The simulated start of the throughput data set, fixed so that every run sees the same events. */
    static final Instant THROUGHPUT_SIM_START = SimulationOptions.defaults().start();
    private static final BenchTopics THROUGHPUT_TOPICS = new BenchTopics("bench.");
    private static final BenchTopics WARMUP_TOPICS = new BenchTopics("bench.warmup.");

    private final BenchOptions options;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out the table and the final JSON line
     * @param err progress
     */
    public Bench(BenchOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public BenchReport run() throws InterruptedException {
        String scope = "bench-" + UUID.randomUUID();
        Path stateDir = tempDir();
        err.println("Starting an embedded Kafka broker ...");
        // The simulated event times lie months back: without unlimited retention the broker would delete them.
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults()
                .withDefaultPartitions(options.partitions()).withBrokerConfig("log.retention.ms", "-1"));
             CatchUp catchUp = new CatchUp(kafka.adminConfig())) {
            BenchEnvironment env = new BenchEnvironment(kafka, options, scope, stateDir);
            Preload.Result preload = preload(env, THROUGHPUT_TOPICS, options.events(), catchUp);
            if (options.warmupEvents() > 0) {
                warmUp(env, catchUp);
            }
            MemoryProbe.Snapshot idle = MemoryProbe.take();
            ThroughputPhase.Result baseline = throughput(env, BenchApp.Kind.BASELINE, preload, catchUp);
            ThroughputPhase.Result fleetguard = throughput(env, BenchApp.Kind.FLEETGUARD, preload, catchUp);
            err.printf("Latency at %.0f offered events/s for %d s each, after %d s unmeasured ...%n", options.rate(),
                    options.latencySeconds(), options.latencyWarmupSeconds());
            LatencyStats baselineLatency = LatencyPhase.run(env, BenchApp.Kind.BASELINE, catchUp, err);
            LatencyStats fleetguardLatency = LatencyPhase.run(env, BenchApp.Kind.FLEETGUARD, catchUp, err);
            BenchReport report = new BenchReport(options, preload.records(), preload.recordsPerSecond(), idle,
                    result(baseline, baselineLatency), result(fleetguard, fleetguardLatency));
            report.print(out);
            return report;
        } finally {
            MockSchemaRegistryScopes.dropScope(scope);
            deleteQuietly(stateDir);
        }
    }

    private Preload.Result preload(BenchEnvironment env, BenchTopics topics, long events, CatchUp catchUp)
            throws InterruptedException {
        topics.create(env.kafka(), options.partitions(), catchUp);
        err.printf("Pre-producing %,d registry records and %,d events to %s* ...%n", options.devices(), events, topics.prefix());
        Preload.Result result;
        try (KafkaEventSink sink = new KafkaEventSink(env.config(topics, "bench-preload"))) {
            result = Preload.produce(env.simulation(THROUGHPUT_SIM_START), events, sink);
        }
        err.printf("  %,d records in %.1f s: %,.0f records/s%n", result.records(), result.seconds(), result.recordsPerSecond());
        return result;
    }

    /** Both apps once over a smaller data set of their own, unmeasured: the JIT then favours neither. */
    private void warmUp(BenchEnvironment env, CatchUp catchUp) throws InterruptedException {
        Preload.Result warmup = preload(env, WARMUP_TOPICS, options.warmupEvents(), catchUp);
        for (BenchApp.Kind kind : BenchApp.Kind.values()) {
            err.printf("Warm-up of %s ...%n", kind.label);
            ThroughputPhase.run(env, kind, "warmup", WARMUP_TOPICS, warmup.records(), catchUp);
        }
    }

    private ThroughputPhase.Result throughput(BenchEnvironment env, BenchApp.Kind kind, Preload.Result preload,
                                              CatchUp catchUp) throws InterruptedException {
        err.printf("Throughput of %s ...%n", kind.label);
        ThroughputPhase.Result r = ThroughputPhase.run(env, kind, "throughput", THROUGHPUT_TOPICS, preload.records(), catchUp);
        err.printf("  %,d records in %.2f s: %,.0f records/s, %.1f s of JVM CPU%n", r.records(), r.seconds(),
                r.recordsPerSecond(), r.cpuSeconds());
        return r;
    }

    private static BenchReport.AppResult result(ThroughputPhase.Result throughput, LatencyStats latency) {
        return new BenchReport.AppResult(throughput.records(), throughput.seconds(), throughput.cpuSeconds(),
                throughput.streamThreadCpuSeconds(), throughput.recordsWritten(), throughput.writtenByTopic(),
                throughput.work(), latency, throughput.memory());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("fleetguard-bench-state");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
