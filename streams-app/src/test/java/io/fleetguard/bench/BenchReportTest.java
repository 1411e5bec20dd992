package io.fleetguard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchReportTest {

    private static final BenchOptions OPTIONS = new BenchOptions(1_000, 0, 100, 2, 1, "exactly_once_v2", 500, 3, 42, 0.02);
    private static final MemoryProbe.Snapshot IDLE = new MemoryProbe.Snapshot(40.0, 400.0);

    /** The table lines are printed with %-42s %14s %14s; the report starts with an empty line. */
    private static final String EXPECTED_REPORT = """

            FleetGuard bench: 1,000 events after a registry of 100 devices (warm-up: 0 events); 2 partitions, 1 stream thread(s), exactly_once_v2, commit.interval.ms 100; latency over 3 s after 5 s unmeasured
            Pre-produced 1,100 records at 5,000 records/s. The broker runs in this JVM: whole-JVM memory includes it;
            "app" = whole JVM minus before any app (heap 40.0 MB, RSS 400.0 MB).

                                                             baseline     fleetguard
            input records consumed (registry+events)             1100           1100
            seconds from RUNNING to caught up                    2.00           2.50
            throughput, records/s                                 550            440
            JVM CPU seconds (app+broker+GC)                      1.10           2.20
            JVM CPU us per record                             1,000.0        2,000.0
            stream-thread CPU us per record                     500.0          800.0
            stream-thread CPU per record vs baseline            1.000          1.600
            records written (all topics)                         1000           2750
            records written per input record                     0.91           2.50
            records processed per input record                   1.00           1.50
            stream-thread polls                                    10             30
            commits                                                 4              5
            punctuators run                                         0             12
            stream threads blocked on Kafka, % of time           25.0           50.0
            latency p50, ms @ 500 events/s                         20             40
            latency p99, ms @ 500 events/s                         80            120
            latency max, ms                                        95            130
            latency samples (outputs timed)                      1500             30
            heap after GC, whole JVM, MB                         50.0           60.5
            heap after GC, app, MB                               10.0           20.5
            RSS, whole JVM, MB                                  450.0          700.0
            RSS, app, MB                                         50.0          300.0

            Records written by topic (internal topics without the application id):
              baseline   out.joined                                                        900
              baseline   registry-changelog                                                100
              fleetguard alerts                                                          2,000
              fleetguard rule-store-changelog                                              750

            FleetGuard / baseline throughput: 0.800
            FleetGuard / baseline stream-thread CPU per record: 1.600
            {"events":1000,"warmup_events":0,"devices":100,"partitions":2,"threads":1,"guarantee":"exactly_once_v2","commit_interval_ms":100,"rate":500.0,"latency_seconds":3,"latency_warmup_seconds":5,"fleetguard_settings":{},"produced_records":1100,"produce_records_per_s":5000.0,"broker_in_jvm":true,"idle":{"heap_after_gc_mb":40.0,"rss_mb":400.0},"baseline":{"records":1100,"seconds":2.0,"events_per_s":550.0,"cpu_seconds":1.1,"cpu_us_per_record":1000.0,"stream_thread_cpu_us_per_record":500.0,"records_written":1000,"written_per_record":0.909,"written_by_topic":{"out.joined":900,"registry-changelog":100},"processed_per_record":1.0,"polls":10,"commits":4,"punctuations":0,"blocked_seconds":0.5,"p50_ms":20,"p99_ms":80,"max_ms":95,"latency_samples":1500,"heap_after_gc_mb":50.0,"app_heap_mb":10.0,"rss_mb":450.0,"app_rss_mb":50.0},"fleetguard":{"records":1100,"seconds":2.5,"events_per_s":440.0,"cpu_seconds":2.2,"cpu_us_per_record":2000.0,"stream_thread_cpu_us_per_record":800.0,"records_written":2750,"written_per_record":2.5,"written_by_topic":{"alerts":2000,"rule-store-changelog":750},"processed_per_record":1.5,"polls":30,"commits":5,"punctuations":12,"blocked_seconds":1.25,"p50_ms":40,"p99_ms":120,"max_ms":130,"latency_samples":30,"heap_after_gc_mb":60.5,"app_heap_mb":20.5,"rss_mb":700.0,"app_rss_mb":300.0},"ratio_vs_baseline":0.8,"cpu_ratio_vs_baseline":1.6}
            """;

    private final BenchReport report = new BenchReport(OPTIONS, 1_100, 5_000.0, IDLE,
            new BenchReport.AppResult(1_100, 2.0, 1.1, 0.55, 1_000,
                    writtenByTopic("out.joined", 900L, "registry-changelog", 100L), new StreamsWork(1_100, 10, 4, 0, 0.5), new LatencyStats(1_500, 20, 80, 95), new MemoryProbe.Snapshot(50.0, 450.0)),
            new BenchReport.AppResult(1_100, 2.5, 2.2, 0.88, 2_750,
                    writtenByTopic("alerts", 2_000L, "rule-store-changelog", 750L), new StreamsWork(1_650, 30, 5, 12, 1.25), new LatencyStats(30, 40, 120, 130), new MemoryProbe.Snapshot(60.5, 700.0)));

    @Test
    void shouldRateFleetGuardAgainstTheBaselineOfTheSameRun() {
        assertThat(report.baseline().eventsPerSecond()).isEqualTo(550.0);
        assertThat(report.fleetguard().eventsPerSecond()).isEqualTo(440.0);
        assertThat(report.ratioVsBaseline()).isEqualTo(0.8);
        assertThat(report.baseline().cpuMicrosPerRecord()).isCloseTo(1_000.0, within(1e-9));
        assertThat(report.fleetguard().cpuMicrosPerRecord()).isCloseTo(2_000.0, within(1e-9));
        assertThat(report.fleetguard().streamThreadCpuMicrosPerRecord()).isCloseTo(800.0, within(1e-9));
        assertThat(report.appHeapMb(report.fleetguard())).isEqualTo(20.5);
        assertThat(report.appRssMb(report.baseline())).isEqualTo(50.0);
    }

    @Test
    void shouldShareOutWhatTheStreamThreadsDidPerInputRecordAndOverTheirTime() {
        // 1,650 processed of 1,100 consumed; 1.25 s blocked of 2.5 s with 1 thread
        assertThat(report.fleetguard().processedPerRecord()).isCloseTo(1.5, within(1e-9));
        assertThat(report.blockedPercent(report.fleetguard())).isCloseTo(50.0, within(1e-9));
        assertThat(report.blockedPercent(report.baseline())).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void shouldCountBlockedTimeAgainstEveryStreamThread() {
        BenchOptions twoThreads = new BenchOptions(1_000, 0, 100, 2, 2, "exactly_once_v2", 500, 3, 42, 0.02);
        BenchReport two = new BenchReport(twoThreads, 1_100, 5_000.0, IDLE, report.baseline(), report.fleetguard());

        assertThat(two.blockedPercent(two.fleetguard())).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void shouldEndWithOneLineOfJsonHoldingEveryFigure() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));

        assertThat(json.get("events").asLong()).isEqualTo(1_000);
        assertThat(json.get("guarantee").asText()).isEqualTo("exactly_once_v2");
        assertThat(json.get("produced_records").asLong()).isEqualTo(1_100);
        assertThat(json.get("broker_in_jvm").asBoolean()).isTrue();
        JsonNode fleetguard = json.get("fleetguard");
        assertThat(fleetguard.get("events_per_s").asDouble()).isEqualTo(440.0);
        assertThat(fleetguard.get("cpu_seconds").asDouble()).isEqualTo(2.2);
        assertThat(fleetguard.get("cpu_us_per_record").asDouble()).isEqualTo(2_000.0);
        assertThat(fleetguard.get("stream_thread_cpu_us_per_record").asDouble()).isEqualTo(800.0);
        assertThat(fleetguard.get("records_written").asLong()).isEqualTo(2_750);
        assertThat(fleetguard.get("written_per_record").asDouble()).isEqualTo(2.5);
        assertThat(fleetguard.get("written_by_topic").get("alerts").asLong()).isEqualTo(2_000);
        assertThat(fleetguard.get("written_by_topic").fieldNames()).toIterable().containsExactly("alerts", "rule-store-changelog");
        assertThat(fleetguard.get("processed_per_record").asDouble()).isEqualTo(1.5);
        assertThat(fleetguard.get("polls").asLong()).isEqualTo(30);
        assertThat(fleetguard.get("commits").asLong()).isEqualTo(5);
        assertThat(fleetguard.get("punctuations").asLong()).isEqualTo(12);
        assertThat(fleetguard.get("blocked_seconds").asDouble()).isEqualTo(1.25);
        assertThat(fleetguard.get("p50_ms").asLong()).isEqualTo(40);
        assertThat(fleetguard.get("p99_ms").asLong()).isEqualTo(120);
        assertThat(fleetguard.get("latency_samples").asLong()).isEqualTo(30);
        assertThat(fleetguard.get("heap_after_gc_mb").asDouble()).isEqualTo(60.5);
        assertThat(fleetguard.get("app_heap_mb").asDouble()).isEqualTo(20.5);
        assertThat(fleetguard.get("rss_mb").asDouble()).isEqualTo(700.0);
        assertThat(fleetguard.get("app_rss_mb").asDouble()).isEqualTo(300.0);
        assertThat(json.get("baseline").get("events_per_s").asDouble()).isEqualTo(550.0);
        assertThat(json.get("ratio_vs_baseline").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(json.get("cpu_ratio_vs_baseline").asDouble()).isEqualTo(1.6);
    }

    @Test
    void shouldRateFleetGuardsStreamThreadCpuPerRecordAgainstTheBaselines() {
        // 0.88 s / 1,100 records = 800 us against 0.55 s / 1,100 records = 500 us
        assertThat(report.cpuRatioVsBaseline()).isCloseTo(1.6, within(1e-9));
    }

    @Test
    void shouldPrintExactlyThisReport() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualToNormalizingNewlines(EXPECTED_REPORT);
    }

    @Test
    void shouldPrintAnAlignedTableThatSaysTheBrokerSharesTheJvm() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains("The broker runs in this JVM");
        assertThat(printed).containsPattern("throughput, records/s\\s+550\\s+440\\n");
        assertThat(printed).containsPattern("JVM CPU us per record\\s+1,000\\.0\\s+2,000\\.0\\n");
        assertThat(printed).containsPattern("latency p99, ms @ 500 events/s\\s+80\\s+120\\n");
        assertThat(printed).contains("FleetGuard / baseline throughput: 0.800");
    }

    private static Map<String, Long> writtenByTopic(String first, long firstCount, String second, long secondCount) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(first, firstCount);
        m.put(second, secondCount);
        return m;
    }
}
