package io.fleetguard.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one bench run, printed as an aligned table followed by exactly one line of JSON.
 * Whole-JVM memory includes the embedded broker; the "app" share is the whole-JVM figure minus
 * the one taken before any Streams app ran (broker up, data pre-produced).
 *
 * @param producedRecords      registry block plus events, as acknowledged by the broker
 * @param produceRecordsPerSec rate of the pre-produce
 * @param idle                 whole JVM before any app
 */
public record BenchReport(BenchOptions options, long producedRecords, double produceRecordsPerSec,
                          MemoryProbe.Snapshot idle, AppResult baseline, AppResult fleetguard) {

    /**
     * One app's figures.
     *
     * @param records     input records consumed in the throughput phase (registry and events)
     * @param seconds     from RUNNING until caught up
     * @param cpuSeconds  CPU time of the whole JVM (app, broker, GC) over those seconds
     * @param streamThreadCpuSeconds CPU time of the app's stream threads alone over those seconds
     * @param recordsWritten records the app wrote from its start until it stopped writing, to every topic
     *                    (outputs, changelogs, repartition topics); it writes nothing before it is RUNNING
     * @param writtenByTopic the same by topic, most written first, internal topics without the application id
     * @param work        what its stream threads did: counts from the start until it stopped writing, time
     *                    blocked from RUNNING until caught up ({@link StreamsWork})
     * @param latency     at the offered load
     * @param memory      whole JVM while the app ran caught up
     */
    public record AppResult(long records, double seconds, double cpuSeconds, double streamThreadCpuSeconds,
                            long recordsWritten, Map<String, Long> writtenByTopic, StreamsWork work,
                            LatencyStats latency, MemoryProbe.Snapshot memory) {

        public AppResult {
            writtenByTopic = Collections.unmodifiableMap(new LinkedHashMap<>(writtenByTopic));
        }

        public double eventsPerSecond() {
            return records / seconds;
        }

        /** CPU cost per input record; steadier than throughput when other processes share the cores. */
        public double cpuMicrosPerRecord() {
            return cpuSeconds * 1e6 / records;
        }

        /** The app's own processing cost per input record, without the broker, GC or JIT. */
        public double streamThreadCpuMicrosPerRecord() {
            return streamThreadCpuSeconds * 1e6 / records;
        }

        /** Records the tasks processed per input record consumed: above 1 by the repartitioned copies read back. */
        public double processedPerRecord() {
            return (double) work.processed() / records;
        }

        /** Records written per input record consumed. */
        public double writtenPerRecord() {
            return (double) recordsWritten / records;
        }

        public long p50Ms() {
            return latency.p50Ms();
        }

        public long p99Ms() {
            return latency.p99Ms();
        }

        public long latencySamples() {
            return latency.samples();
        }

        public double heapAfterGcMb() {
            return memory.heapMb();
        }

        public double rssMb() {
            return memory.rssMb();
        }
    }

    /** FleetGuard's throughput over the baseline's, in the same run. */
    public double ratioVsBaseline() {
        return fleetguard.eventsPerSecond() / baseline.eventsPerSecond();
    }

    /**
     * FleetGuard's stream-thread CPU per input record over the baseline's, in the same run: how much more
     * work each record costs the app itself, with neither the broker nor waiting on a shared machine in it.
     */
    public double cpuRatioVsBaseline() {
        return fleetguard.streamThreadCpuMicrosPerRecord() / baseline.streamThreadCpuMicrosPerRecord();
    }

    /** The share of the span the app's stream threads spent blocked on Kafka (polls, flushes, commits), in %. */
    public double blockedPercent(AppResult app) {
        return 100 * app.work().blockedSeconds() / (app.seconds() * options.threads());
    }

    public double appHeapMb(AppResult app) {
        return app.memory().minus(idle).heapMb();
    }

    public double appRssMb(AppResult app) {
        return app.memory().minus(idle).rssMb();
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%nFleetGuard bench: %,d events after a registry of %,d devices (warm-up: %,d events); "
                + "%d partitions, %d stream thread(s), %s, commit.interval.ms %d; latency over %d s after %d s unmeasured%n",
                options.events(), options.devices(), options.warmupEvents(), options.partitions(), options.threads(),
                options.guarantee(), options.commitIntervalMs(), options.latencySeconds(), options.latencyWarmupSeconds());
        if (!options.fleetGuardSettings().isEmpty()) {
            out.printf(Locale.ROOT, "FleetGuard only: %s%n", options.fleetGuardSettings().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
        out.printf(Locale.ROOT, "Pre-produced %,d records at %,.0f records/s. The broker runs in this JVM: whole-JVM memory includes it;%n"
                + "\"app\" = whole JVM minus before any app (heap %.1f MB, RSS %.1f MB).%n%n",
                producedRecords, produceRecordsPerSec, idle.heapMb(), idle.rssMb());
        row(out, "", "baseline", "fleetguard");
        row(out, "input records consumed (registry+events)", baseline.records(), fleetguard.records());
        row(out, "seconds from RUNNING to caught up", fixed(baseline.seconds(), 2), fixed(fleetguard.seconds(), 2));
        row(out, "throughput, records/s", fixed(baseline.eventsPerSecond(), 0), fixed(fleetguard.eventsPerSecond(), 0));
        row(out, "JVM CPU seconds (app+broker+GC)", fixed(baseline.cpuSeconds(), 2), fixed(fleetguard.cpuSeconds(), 2));
        row(out, "JVM CPU us per record", fixed(baseline.cpuMicrosPerRecord(), 1), fixed(fleetguard.cpuMicrosPerRecord(), 1));
        row(out, "stream-thread CPU us per record", fixed(baseline.streamThreadCpuMicrosPerRecord(), 1),
                fixed(fleetguard.streamThreadCpuMicrosPerRecord(), 1));
        row(out, "stream-thread CPU per record vs baseline", fixed(1.0, 3), fixed(cpuRatioVsBaseline(), 3));
        row(out, "records written (all topics)", baseline.recordsWritten(), fleetguard.recordsWritten());
        row(out, "records written per input record", fixed(baseline.writtenPerRecord(), 2), fixed(fleetguard.writtenPerRecord(), 2));
        row(out, "records processed per input record", fixed(baseline.processedPerRecord(), 2), fixed(fleetguard.processedPerRecord(), 2));
        row(out, "stream-thread polls", baseline.work().polls(), fleetguard.work().polls());
        row(out, "commits", baseline.work().commits(), fleetguard.work().commits());
        row(out, "punctuators run", baseline.work().punctuations(), fleetguard.work().punctuations());
        row(out, "stream threads blocked on Kafka, % of time", fixed(blockedPercent(baseline), 1), fixed(blockedPercent(fleetguard), 1));
        String load = String.format(Locale.ROOT, "@ %.0f events/s", options.rate());
        row(out, "latency p50, ms " + load, baseline.p50Ms(), fleetguard.p50Ms());
        row(out, "latency p99, ms " + load, baseline.p99Ms(), fleetguard.p99Ms());
        row(out, "latency max, ms", baseline.latency().maxMs(), fleetguard.latency().maxMs());
        row(out, "latency samples (outputs timed)", baseline.latencySamples(), fleetguard.latencySamples());
        row(out, "heap after GC, whole JVM, MB", fixed(baseline.heapAfterGcMb(), 1), fixed(fleetguard.heapAfterGcMb(), 1));
        row(out, "heap after GC, app, MB", fixed(appHeapMb(baseline), 1), fixed(appHeapMb(fleetguard), 1));
        row(out, "RSS, whole JVM, MB", fixed(baseline.rssMb(), 1), fixed(fleetguard.rssMb(), 1));
        row(out, "RSS, app, MB", fixed(appRssMb(baseline), 1), fixed(appRssMb(fleetguard), 1));
        out.printf(Locale.ROOT, "%nRecords written by topic (internal topics without the application id):%n");
        writtenByTopic(out, "baseline", baseline);
        writtenByTopic(out, "fleetguard", fleetguard);
        out.printf(Locale.ROOT, "%nFleetGuard / baseline throughput: %.3f%n", ratioVsBaseline());
        out.printf(Locale.ROOT, "FleetGuard / baseline stream-thread CPU per record: %.3f%n", cpuRatioVsBaseline());
        out.println(json());
    }

    /** The figures as one line of JSON. */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", options.events());
        m.put("warmup_events", options.warmupEvents());
        m.put("devices", options.devices());
        m.put("partitions", options.partitions());
        m.put("threads", options.threads());
        m.put("guarantee", options.guarantee());
        m.put("commit_interval_ms", options.commitIntervalMs());
        m.put("rate", options.rate());
        m.put("latency_seconds", options.latencySeconds());
        m.put("latency_warmup_seconds", options.latencyWarmupSeconds());
        m.put("fleetguard_settings", options.fleetGuardSettings()); // sorted by key
        m.put("produced_records", producedRecords);
        m.put("produce_records_per_s", round(produceRecordsPerSec, 1));
        m.put("broker_in_jvm", true);
        Map<String, Object> idleFigures = new LinkedHashMap<>();
        idleFigures.put("heap_after_gc_mb", round(idle.heapMb(), 1));
        idleFigures.put("rss_mb", round(idle.rssMb(), 1));
        m.put("idle", idleFigures);
        m.put("baseline", json(baseline));
        m.put("fleetguard", json(fleetguard));
        m.put("ratio_vs_baseline", round(ratioVsBaseline(), 3));
        m.put("cpu_ratio_vs_baseline", round(cpuRatioVsBaseline(), 3));
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    private Map<String, Object> json(AppResult app) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", app.records());
        m.put("seconds", round(app.seconds(), 3));
        m.put("events_per_s", round(app.eventsPerSecond(), 1));
        m.put("cpu_seconds", round(app.cpuSeconds(), 3));
        m.put("cpu_us_per_record", round(app.cpuMicrosPerRecord(), 1));
        m.put("stream_thread_cpu_us_per_record", round(app.streamThreadCpuMicrosPerRecord(), 1));
        m.put("records_written", app.recordsWritten());
        m.put("written_per_record", round(app.writtenPerRecord(), 3));
        m.put("written_by_topic", app.writtenByTopic());
        m.put("processed_per_record", round(app.processedPerRecord(), 3));
        m.put("polls", app.work().polls());
        m.put("commits", app.work().commits());
        m.put("punctuations", app.work().punctuations());
        m.put("blocked_seconds", round(app.work().blockedSeconds(), 3));
        m.put("p50_ms", app.p50Ms());
        m.put("p99_ms", app.p99Ms());
        m.put("max_ms", app.latency().maxMs());
        m.put("latency_samples", app.latencySamples());
        m.put("heap_after_gc_mb", round(app.heapAfterGcMb(), 1));
        m.put("app_heap_mb", round(appHeapMb(app), 1));
        m.put("rss_mb", round(app.rssMb(), 1));
        m.put("app_rss_mb", round(appRssMb(app), 1));
        return m;
    }

    private static void writtenByTopic(PrintStream out, String label, AppResult app) {
        app.writtenByTopic().forEach((topic, n) -> out.printf(Locale.ROOT, "  %-10s %-56s %,12d%n", label, topic, n));
    }

    private static void row(PrintStream out, String label, Object baseline, Object fleetguard) {
        out.printf(Locale.ROOT, "%-42s %14s %14s%n", label, baseline, fleetguard);
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Double.isNaN(value) ? value : Math.round(value * scale) / scale;
    }
}
