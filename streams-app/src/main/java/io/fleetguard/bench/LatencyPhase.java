package io.fleetguard.bench;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.feed.KafkaEventSink;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.sim.ActivityGenerator;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Measures event-to-output latency at a fixed offered load, on fresh topics so the app has nothing
 * else to do: the app starts, the registry is produced and consumed, then activity is offered in
 * wall-clock time for the configured seconds while a read_committed consumer times every output.
 * FleetGuard's outputs are alerts (latency = now − alert.eventTime); the baseline's are the joined
 * events (latency = now − record timestamp, which is the event time).
 */
final class LatencyPhase {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The simulation starts this far after the registry load begins, plus {@link #LEAD_MS_PER_DEVICE}
     * per device, so that the app has the registry before the first event is due. Should set-up
     * still overrun it, the overdue events are skipped rather than sent in a burst.
     */
    private static final long LEAD_MS = 3_000;
    private static final double LEAD_MS_PER_DEVICE = 0.2;

    /** The load is also reported in slices this long, to show whether its tail is at the start or spread. */
    private static final Duration WINDOW = Duration.ofSeconds(5);

    private LatencyPhase() {
    }

    static String timeline(List<LatencyStats.Window> windows) {
        return windows.stream()
                .map(w -> String.format("%,d s: %,d / %,d (%,d)", w.offsetMs() / 1000, w.stats().p50Ms(), w.stats().p99Ms(),
                        w.stats().samples()))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    static LatencyStats run(BenchEnvironment env, BenchApp.Kind kind, CatchUp catchUp, PrintStream err)
            throws InterruptedException {
        BenchOptions options = env.options();
        BenchTopics topics = new BenchTopics("bench.latency-" + kind.label + ".");
        topics.create(env.kafka(), options.partitions(), catchUp);
        String appId = "bench-latency-" + kind.label;
        FleetGuardConfig config = env.config(topics, appId);
        try (BenchApp app = BenchApp.create(kind, env, topics, appId);
             KafkaEventSink sink = new KafkaEventSink(config);
             LatencyProbe probe = probe(kind, env, topics, config)) {
            app.start();
            CatchUp.awaitRunning(app.streams(), START_TIMEOUT);
            long start = System.currentTimeMillis() + LEAD_MS + (long) (options.devices() * LEAD_MS_PER_DEVICE);
            ActivityGenerator events = new ActivityGenerator(env.simulation(Instant.ofEpochMilli(start)));
            for (int i = 0; i < events.fleet().size(); i++) {
                sink.send(events.next());
            }
            sink.flush();
            catchUp.await(appId, topics.inputs(), app.streams(), registryTimeout(options.devices()));
            probe.start();
            PacedLoad.Result load = PacedLoad.run(events, sink, start, Duration.ofSeconds(options.latencyWarmupSeconds()),
                    Duration.ofSeconds(options.latencySeconds()), probe);
            if (load.skipped() > 0) {
                err.printf("  %s: set-up overran the lead by %d ms; %d due events were not sent%n",
                        kind.label, load.began() - start, load.skipped());
            }
            catchUp.await(appId, topics.inputs(), app.streams(), DRAIN_TIMEOUT);
            probe.drain(DRAIN_TIMEOUT);
            LatencyStats stats = probe.statsFrom(load.measuredFrom());
            err.printf("  %s: %d events offered at %.0f/s, %d outputs timed after the %d s warm-up%n",
                    kind.label, load.sent(), options.rate(), stats.samples(), options.latencyWarmupSeconds());
            err.printf("  %s: p50 / p99 ms (outputs) by %d s of the load, warm-up included: %s%n", kind.label, WINDOW.toSeconds(),
                    timeline(probe.windows(WINDOW.toMillis())));
            return stats;
        }
    }

    /** Two minutes plus a second per 1,000 devices, as the throughput phase allows (1,000,000 devices: 1,120 s). */
    private static Duration registryTimeout(int devices) {
        return START_TIMEOUT.plusSeconds(devices / 1_000);
    }

    private static LatencyProbe probe(BenchApp.Kind kind, BenchEnvironment env, BenchTopics topics, FleetGuardConfig config) {
        if (kind == BenchApp.Kind.BASELINE) {
            return new LatencyProbe(env.bootstrapServers(), topics.baselineOutputs(), ConsumerRecord::timestamp);
        }
        Deserializer<IdentityAlert> alerts = FleetGuardTopics.from(config).alerts().valueSerde().deserializer();
        ToLongFunction<ConsumerRecord<byte[], byte[]>> eventTime =
                r -> alerts.deserialize(r.topic(), r.value()).getEventTime().toEpochMilli();
        return new LatencyProbe(env.bootstrapServers(), List.of(topics.alerts()), eventTime);
    }
}
