package io.fleetguard.bench;

import java.time.Duration;
import java.util.Map;

/**
 * Runs one app over the pre-produced data, from an empty state, and times it from the moment it is
 * RUNNING until its committed offsets reach the end of every input (every output then readable
 * with read_committed). Memory is measured while it still runs, caught up, with the whole registry
 * in its table.
 */
final class ThroughputPhase {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration WRITES_QUIET = Duration.ofMillis(300);
    private static final Duration WRITES_SETTLE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param records records consumed from the inputs (registry and events), read from committed offsets
     * @param seconds from RUNNING until caught up
     * @param cpuSeconds CPU time of the whole JVM (app, broker, GC) over the same span; on a shared machine
     *                   it varies less than the wall-clock time does
     * @param streamThreadCpuSeconds CPU time of the app's stream threads alone over the same span
     * @param recordsWritten records the app's producers sent: outputs, changelogs, repartition topics, counted
     *                       once it stopped writing (after the repartitioned copies of the last inputs)
     * @param writtenByTopic the same by topic ({@link RecordsWritten#byTopic})
     * @param work    what the stream threads did: counts from the app's start until it stopped writing, time
     *                blocked from RUNNING until caught up
     * @param memory  whole JVM while the app runs caught up
     */
    record Result(long records, double seconds, double cpuSeconds, double streamThreadCpuSeconds, long recordsWritten,
                  Map<String, Long> writtenByTopic, StreamsWork work, MemoryProbe.Snapshot memory) {

        double recordsPerSecond() {
            return records / seconds;
        }
    }

    private ThroughputPhase() {
    }

    /**
     * @param run names the app ids ({@code bench-<run>-<kind>}), so that every run starts from an empty state
     */
    static Result run(BenchEnvironment env, BenchApp.Kind kind, String run, BenchTopics data, long expectedRecords,
                      CatchUp catchUp) throws InterruptedException {
        try (BenchApp app = BenchApp.create(kind, env, data, "bench-" + run + "-" + kind.label)) {
            app.start();
            long running = CatchUp.awaitRunning(app.streams(), START_TIMEOUT);
            long cpuAtRunning = CpuTime.processNanos();
            long threadCpuAtRunning = CpuTime.streamThreadNanos(app.applicationId());
            StreamsWork workAtRunning = StreamsWork.of(app.streams());
            CatchUp.Lag lag = catchUp.await(app.applicationId(), data.inputs(), app.streams(), timeout(expectedRecords));
            double seconds = (System.nanoTime() - running) / 1e9;
            double cpuSeconds = secondsSince(cpuAtRunning, CpuTime.processNanos());
            double threadCpuSeconds = secondsSince(threadCpuAtRunning, CpuTime.streamThreadNanos(app.applicationId()));
            StreamsWork workCaughtUp = StreamsWork.of(app.streams());
            long written = RecordsWritten.settled(app.streams(), WRITES_QUIET, WRITES_SETTLE_TIMEOUT);
            StreamsWork work = StreamsWork.of(app.streams()).blockedBetween(workAtRunning, workCaughtUp);
            Map<String, Long> writtenByTopic = RecordsWritten.byTopic(app.streams(), app.applicationId());
            MemoryProbe.Snapshot memory = MemoryProbe.take();
            return new Result(lag.consumedInputs(), seconds, cpuSeconds, threadCpuSeconds, written, writtenByTopic, work,
                    memory);
        }
    }

    private static double secondsSince(long startNanos, long endNanos) {
        return startNanos < 0 || endNanos < 0 ? Double.NaN : (endNanos - startNanos) / 1e9;
    }

    /** Generous: a minute plus 1,000 records a second, far below anything seen on two cores. */
    private static Duration timeout(long records) {
        return Duration.ofSeconds(60 + records / 1_000);
    }
}
