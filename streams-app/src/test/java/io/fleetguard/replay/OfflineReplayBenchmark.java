package io.fleetguard.replay;

import io.fleetguard.feed.JsonLinesEventSink;
import io.fleetguard.sim.ActivityGenerator;
import io.fleetguard.sim.SimulationOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Prints how fast offline replay runs on this machine (never a pass/fail test):
 * {@code java -cp ... io.fleetguard.replay.OfflineReplayBenchmark [events] [dir] [engines]}. Writes a simulated
 * history of {@code events} (default 1,000,000) into {@code dir} unless it is there already, then
 * replays it into {@code dir/alerts.jsonl} and prints the rate.
 */
public final class OfflineReplayBenchmark {

    private OfflineReplayBenchmark() {
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/replay-benchmark-" + events);
        int engines = args.length > 2 ? Integer.parseInt(args[2]) : OfflineReplay.Options.defaultEngines();
        Path history = dir.resolve("history");
        if (!Files.exists(history.resolve(ReplayInput.AUTH.fileName()))) {
            long t = System.nanoTime();
            SimulationOptions options = SimulationOptions.builder().seed(42).devices(2_000).eventsPerSecond(50)
                    .incidentRate(0.01).build();
            try (JsonLinesEventSink sink = new JsonLinesEventSink(history)) {
                ActivityGenerator.stream(options).limit(events).forEach(sink::send);
            }
            System.err.printf("Wrote %,d simulated events to %s in %.1f s%n", events, history, (System.nanoTime() - t) / 1e9);
        }
        Path out = dir.resolve("alerts.jsonl");
        double cpuBefore = processCpuSeconds();
        OfflineReport report = new OfflineReplay(new OfflineReplay.Options(SimulatedHistory.files(history), out,
                dir.resolve("alerts.jsonl.rejects.jsonl"), Map.of(), Clock.systemUTC(), engines), System.err, System.out).run();
        double cpu = processCpuSeconds() - cpuBefore;
        System.err.printf("RESULT %,d events in %.1f s: %,.0f events/s (process CPU %.1f s, machine load average %.1f)%n",
                report.records(), report.elapsed().toMillis() / 1000.0, report.eventsPerSecond(), cpu,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
