package io.fleetguard.it;

import io.fleetguard.feed.JsonLines;
import io.fleetguard.replay.ClusterHistory;
import io.fleetguard.replay.Exporter;
import io.fleetguard.replay.ReplayFile;
import io.fleetguard.replay.ReplayInput;
import io.fleetguard.replay.SimulatedHistory;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.sim.SimEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code export} takes a history off a cluster in the offline format, and it replays to the same alerts. */
class ReplayExportIT extends WithEmbeddedKafka {


    @TempDir
    static Path dir;


    @Test
    void shouldExportTheRangeInTheOfflineFormatAndReplayToTheSameAlerts() throws Exception {
        // Given a history on 3-partition topics, plus a poison pill, a tombstone and an event after the range
        List<SimEvent> events = SimulatedHistory.events(SimulatedHistory.OPTIONS, 3_000);
        ClusterHistory cluster = new ClusterHistory(kafka, dir.resolve("state"), "export-", 3);
        SimulatedHistory.Range range = SimulatedHistory.range(events);
        Instant from = range.from();
        Instant to = range.to();
        List<SimEvent> history = new ArrayList<>(events);
        history.add(new SimEvent(SimEvent.Stream.REGISTRY, "ghost-1", null, from.plusSeconds(1).toEpochMilli(), null, null));
        AuthEvent late = anAuthEvent("after-the-range", "cam-000001", to.plusSeconds(60)).build();
        history.add(new SimEvent(SimEvent.Stream.AUTH, "cam-000001", late, to.plusSeconds(60).toEpochMilli(), null, null));
        cluster.produce(history);
        try (KafkaProducer<byte[], byte[]> p = KafkaTestClients.producer(kafka.bootstrapServers(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(cluster.topics.telemetry().name(), null, from.plusSeconds(2).toEpochMilli(),
                    "pill".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0})).get();
        }

        // When [from, to] is exported
        Path export = dir.resolve("export");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Map<ReplayInput, Long> written = new Exporter(new Exporter.Options(from, to, export), cluster.config,
                new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        // Then every file holds exactly the range's records as JsonLinesEventSink writes them (any order)
        List<ReplayFile> original = SimulatedHistory.write(dir.resolve("original"), history.subList(0, history.size() - 1));
        for (ReplayFile f : original) {
            assertThat(lines(export.resolve(f.input().fileName()))).as(f.input().name())
                    .containsExactlyInAnyOrderElementsOf(lines(f.path()));
        }
        assertThat(written.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(events.size() + 1);
        assertThat(lines(export.resolve(ReplayInput.AUTH.fileName()))).noneMatch(l -> l.contains("after-the-range"));
        assertThat(lines(export.resolve("export.rejects.jsonl"))).singleElement().asString()
                .contains(cluster.topics.telemetry().name(), "cannot be decoded");

        // And replaying the export offline gives the alerts of replaying the original files
        Path fromExport = dir.resolve("from-export.jsonl");
        Path fromOriginal = dir.resolve("from-original.jsonl");
        SimulatedHistory.replay(SimulatedHistory.files(export), fromExport, Map.of());
        SimulatedHistory.replay(original, fromOriginal, Map.of());
        assertThat(SimulatedHistory.canonical(SimulatedHistory.readAlerts(fromExport)))
                .isEqualTo(SimulatedHistory.canonical(SimulatedHistory.readAlerts(fromOriginal))).hasSizeGreaterThan(20);
        assertThat(JsonLines.encode(late)).contains("after-the-range"); // the excluded record was real
    }

    private static List<String> lines(Path file) throws java.io.IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
