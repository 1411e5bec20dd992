package io.fleetguard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchReportTest {

    private static final BenchOptions OPTIONS = new BenchOptions(1_000, 0, 100, 2, 1, "exactly_once_v2", 500, 3, 42, 0.02);
    private static final MemoryProbe.Snapshot IDLE = new MemoryProbe.Snapshot(40.0, 400.0);

    private final BenchReport report = new BenchReport(OPTIONS, 1_100, 5_000.0, IDLE,
            new BenchReport.AppResult(1_100, 2.0, 1.1, 0.55, new LatencyStats(1_500, 20, 80, 95), new MemoryProbe.Snapshot(50.0, 450.0)),
            new BenchReport.AppResult(1_100, 2.5, 2.2, 0.88, new LatencyStats(30, 40, 120, 130), new MemoryProbe.Snapshot(60.5, 700.0)));

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
        assertThat(fleetguard.get("p50_ms").asLong()).isEqualTo(40);
        assertThat(fleetguard.get("p99_ms").asLong()).isEqualTo(120);
        assertThat(fleetguard.get("latency_samples").asLong()).isEqualTo(30);
        assertThat(fleetguard.get("heap_after_gc_mb").asDouble()).isEqualTo(60.5);
        assertThat(fleetguard.get("app_heap_mb").asDouble()).isEqualTo(20.5);
        assertThat(fleetguard.get("rss_mb").asDouble()).isEqualTo(700.0);
        assertThat(fleetguard.get("app_rss_mb").asDouble()).isEqualTo(300.0);
        assertThat(json.get("baseline").get("events_per_s").asDouble()).isEqualTo(550.0);
        assertThat(json.get("ratio_vs_baseline").asDouble()).isCloseTo(0.8, within(1e-9));
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
}
