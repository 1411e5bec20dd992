package io.fleetguard.replay;

import io.fleetguard.ingest.BrokerLogTimes;
import io.fleetguard.ingest.LogFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ordering of lines across files: event time, then input (broker logs last), then file order, then line order. */
class TimeOrderedHistoryTest {

    @TempDir
    Path dir;

    private final List<String> rejected = new ArrayList<>();

    @Test
    void shouldInterleaveByTimeAndBreakTiesByInputThenFileThenLine() throws IOException {
        ReplayFile auth2 = file("auth-2.jsonl", ReplayInput.AUTH, auth("b1", 1000), auth("b2", 3000));
        ReplayFile auth1 = file("auth-1.jsonl", ReplayInput.AUTH, auth("a1", 3000), auth("a2", 3000), auth("a3", 2000));
        ReplayFile registry = file("registry.jsonl", ReplayInput.REGISTRY,
                "{\"deviceId\":\"d\",\"deleted\":true,\"updatedAt\":3000}", "{\"deviceId\":\"d\",\"deleted\":true,\"updatedAt\":\"1970-01-01T00:00:00.500Z\"}");
        ReplayFile support = file("support.jsonl", ReplayInput.SUPPORT,
                "{\"sessionId\":\"s1\",\"startedAt\":100,\"endedAt\":3000}", "{\"sessionId\":\"s2\",\"startedAt\":2500}");

        // auth-2 is given before auth-1, so it wins ties between the two
        assertThat(order(List.of(support, auth2, auth1, registry))).containsExactly(
                "registry.jsonl:2", "auth-2.jsonl:1", "auth-1.jsonl:3", "support.jsonl:2",
                "registry.jsonl:1", "auth-2.jsonl:2", "auth-1.jsonl:1", "auth-1.jsonl:2", "support.jsonl:1");
        assertThat(rejected).isEmpty();
    }

    @Test
    void shouldInterleaveBrokerLogLinesByTheTimeTheyStateAfterTheOtherInputsOnTies() throws IOException {
        // Mosquitto states epoch seconds, EMQX microseconds or RFC 3339, AWS IoT "yyyy-MM-dd HH:mm:ss.SSS" in UTC
        BrokerLog mosquitto = log("mqtt-1.log", LogFormat.MOSQUITTO, "3: Client c1 disconnected.", "no time: at all",
                "1: New connection from 10.0.0.1:5 on port 1883.");
        BrokerLog emqx = log("edge.log", LogFormat.EMQX, "{\"time\":2000000,\"msg\":\"terminate\"}",
                "1970-01-01T00:00:03.000+00:00 [info] tag: MQTT, msg: terminate");
        BrokerLog aws = log("aws.jsonl", LogFormat.AWS_IOT, "{\"timestamp\":\"1970-01-01 00:00:01.000\",\"eventType\":\"Connect\"}");
        ReplayFile auth = file("auth.jsonl", ReplayInput.AUTH, auth("a1", 1000), auth("a3", 3000));

        assertThat(order(List.of(auth), List.of(mosquitto, emqx, aws))).containsExactly(
                "auth.jsonl:1", "mqtt-1.log:3", "aws.jsonl:1", "edge.log:1",
                "auth.jsonl:2", "mqtt-1.log:1", "edge.log:2");
        assertThat(rejected).containsExactly("mqtt-1.log:2: no readable event time for a mosquitto log line: "
                + "expected epoch seconds, an ISO-8601 time or the ingest.mosquitto.timestamp.pattern time, then ': '");
    }

    @Test
    void shouldSkipBlankLinesAndHandleCrLfAndAByteOrderMark() throws IOException {
        Path p = dir.resolve("auth.jsonl");
        Files.write(p, ("\uFEFF" + auth("a", 2) + "\r\n\r\n   \n" + auth("b", 1) + "\r\n" + auth("c", 3)).getBytes(StandardCharsets.UTF_8));

        assertThat(order(List.of(new ReplayFile(ReplayInput.AUTH, p)))).containsExactly("auth.jsonl:4", "auth.jsonl:1", "auth.jsonl:5");
        assertThat(rejected).isEmpty();
    }

    @Test
    void shouldRejectLinesWithoutAReadableTimeOrFromTheFuture() throws IOException {
        ReplayFile f = file("auth.jsonl", ReplayInput.AUTH, auth("a", 1), "{\"eventId\":\"x\"}",
                "{\"timestamp\":\"soon\"}", "not json", auth("z", 10_000), "{\"timestamp\":5} trailing");

        assertThat(order(List.of(f))).containsExactly("auth.jsonl:1");
        assertThat(rejected).containsExactly(
                "auth.jsonl:2: field 'timestamp': is missing (it carries the event time)",
                "auth.jsonl:3: field 'timestamp': not an ISO-8601 timestamp (e.g. 2026-03-01T10:00:00Z)",
                "auth.jsonl:4: not valid JSON at column 1",
                "auth.jsonl:5: event time is later than now plus validation.max.future.skew.ms; the live app would "
                        + "dead-letter it (invalid-timestamp)",
                "auth.jsonl:6: not valid JSON at column 17");
    }

    private List<String> order(List<ReplayFile> files) throws IOException {
        return order(files, List.of());
    }

    private List<String> order(List<ReplayFile> files, List<BrokerLog> logs) throws IOException {
        List<String> out = new ArrayList<>();
        try (TimeOrderedHistory history = TimeOrderedHistory.open(files, logs, new BrokerLogTimes(ZoneOffset.UTC, null), 5_000,
                (file, line, reason, buf, start, len) -> rejected.add(file.getFileName() + ":" + line + ": " + reason))) {
            while (history.hasNext()) {
                HistoryLine l = history.next();
                out.add(l.file().getFileName() + ":" + l.lineNumber());
            }
        }
        return out;
    }

    private ReplayFile file(String name, ReplayInput input, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines), StandardCharsets.UTF_8);
        return new ReplayFile(input, p);
    }

    private BrokerLog log(String name, LogFormat format, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines), StandardCharsets.UTF_8);
        return BrokerLog.of(p, format, null);
    }

    private static String auth(String id, long time) {
        return "{\"eventId\":\"" + id + "\",\"timestamp\":" + time + "}";
    }
}
