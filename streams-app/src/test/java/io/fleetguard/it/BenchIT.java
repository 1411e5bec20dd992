package io.fleetguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetguard.bench.BaselineTopology;
import io.fleetguard.bench.Bench;
import io.fleetguard.bench.BenchOptions;
import io.fleetguard.bench.BenchReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The bench end to end with tiny settings: every figure is present and consistent. Timing figures
 * are printed, never asserted (CONVENTIONS: benchmarks never pass or fail on timing).
 */
class BenchIT {

    private static final int DEVICES = 500;
    private static final long EVENTS = 20_000;

    @Test
    void shouldMeasureBothAppsOverEveryProducedRecordAndEndWithOneLineOfJson() throws Exception {
        // FleetGuard runs with one setting of its own (the simulator keys every record by its device)
        BenchOptions options = new BenchOptions(EVENTS, 2_000, DEVICES, 2, 1, "exactly_once_v2", 2_000, 3, 42, 0.02, 100, 1,
                Map.of("input.rekey.enabled", "false"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        BenchReport report = new Bench(options, new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run();

        // Both apps consumed exactly the registry block and the events that were produced
        assertThat(report.producedRecords()).isEqualTo(DEVICES + EVENTS);
        assertThat(report.baseline().records()).isEqualTo(DEVICES + EVENTS);
        assertThat(report.fleetguard().records()).isEqualTo(DEVICES + EVENTS);
        assertThat(report.baseline().eventsPerSecond()).isPositive();
        assertThat(report.fleetguard().eventsPerSecond()).isPositive();
        assertThat(report.ratioVsBaseline())
                .isEqualTo(report.fleetguard().eventsPerSecond() / report.baseline().eventsPerSecond());
        for (BenchReport.AppResult app : List.of(report.baseline(), report.fleetguard())) {
            assertThat(app.latencySamples()).isPositive();
            assertThat(app.p50Ms()).isLessThanOrEqualTo(app.p99Ms());
            assertThat(app.heapAfterGcMb()).isPositive();
            assertThat(app.rssMb()).isPositive();
            assertThat(app.cpuSeconds()).isPositive();
            assertThat(app.streamThreadCpuSeconds()).isPositive();
        }
        // The baseline writes one output per event and at most one changelog record per registry record:
        // never more than it read (counting each producer's records once, not per topic as well)
        assertThat(report.baseline().recordsWritten()).isPositive().isLessThanOrEqualTo(report.producedRecords());
        // FleetGuard writes fewer outputs (alerts, not every event) but changelogs and a repartitioned copy of logins
        assertThat(report.fleetguard().recordsWritten()).isPositive();
        // By topic: the baseline writes its four outputs and its table's changelog; the counts add up to the total
        assertThat(report.baseline().writtenByTopic().keySet()).containsExactlyInAnyOrder("bench.auth-events.joined",
                "bench.telemetry.joined", "bench.config-changes.joined", "bench.support-sessions.joined",
                BaselineTopology.REGISTRY_STORE + "-changelog");
        assertThat(report.fleetguard().writtenByTopic()).containsKeys("bench.alerts", "bench.alerts.ocsf",
                "registry-versions-changelog", "cross-device-inputs-repartition");
        for (BenchReport.AppResult app : List.of(report.baseline(), report.fleetguard())) {
            assertThat(app.writtenByTopic().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(app.recordsWritten());
            assertThat(app.work().polls()).isPositive();
            assertThat(app.work().commits()).isPositive();
        }
        // Counted from the start, each input is processed (again only if a task is re-initialised under
        // exactly-once); the baseline has no punctuator; FleetGuard also processes the copies it reads back
        // from cross-device-inputs
        assertThat(report.baseline().work().processed()).isGreaterThanOrEqualTo(report.baseline().records());
        assertThat(report.baseline().work().punctuations()).isZero();
        assertThat(report.fleetguard().work().processed()).isGreaterThan(report.fleetguard().records());
        assertThat(report.fleetguard().work().punctuations()).isPositive();
        // The baseline writes one output per event offered, FleetGuard one alert per few dozen
        assertThat(report.baseline().latencySamples()).isGreaterThan(report.fleetguard().latencySamples());

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(json.fieldNames()).toIterable().containsExactly("events", "warmup_events", "devices", "partitions", "threads",
                "guarantee", "commit_interval_ms", "rate", "latency_seconds", "latency_warmup_seconds", "fleetguard_settings", "produced_records", "produce_records_per_s", "broker_in_jvm",
                "idle", "baseline", "fleetguard", "ratio_vs_baseline", "cpu_ratio_vs_baseline");
        for (String app : List.of("baseline", "fleetguard")) {
            assertThat(json.get(app).fieldNames()).toIterable().containsExactly("records", "seconds", "events_per_s",
                    "cpu_seconds", "cpu_us_per_record", "stream_thread_cpu_us_per_record", "records_written", "written_per_record", "written_by_topic", "processed_per_record", "polls", "commits", "punctuations", "blocked_seconds", "p50_ms", "p99_ms", "max_ms", "latency_samples", "heap_after_gc_mb", "app_heap_mb", "rss_mb",
                    "app_rss_mb");
            assertThat(json.get(app).get("records").asLong()).isEqualTo(DEVICES + EVENTS);
        }
        assertThat(json.get("events").asLong()).isEqualTo(EVENTS);
        assertThat(json.get("devices").asInt()).isEqualTo(DEVICES);
        assertThat(json.get("guarantee").asText()).isEqualTo("exactly_once_v2");
        assertThat(json.get("commit_interval_ms").asInt()).isEqualTo(100);
        assertThat(json.get("latency_warmup_seconds").asInt()).isEqualTo(1);
        assertThat(json.get("fleetguard_settings").toString()).isEqualTo("{\"input.rekey.enabled\":\"false\"}");
        assertThat(lines).contains("FleetGuard only: input.rekey.enabled=false");
        assertThat(json.get("ratio_vs_baseline").asDouble()).isCloseTo(
                json.get("fleetguard").get("events_per_s").asDouble() / json.get("baseline").get("events_per_s").asDouble(),
                within(0.001));
        assertThat(json.get("cpu_ratio_vs_baseline").asDouble()).isCloseTo(
                json.get("fleetguard").get("stream_thread_cpu_us_per_record").asDouble()
                        / json.get("baseline").get("stream_thread_cpu_us_per_record").asDouble(), within(0.05));
    }
}
