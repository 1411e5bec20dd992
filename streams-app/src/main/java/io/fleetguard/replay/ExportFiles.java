package io.fleetguard.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetguard.feed.JsonLines;
import org.apache.avro.specific.SpecificRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The files of an export directory: one per input, named as {@code feed.JsonLinesEventSink} names
 * them, each line written by {@link JsonLines#encode}; a registry tombstone is
 * {@code {"deviceId":..,"deleted":true,"updatedAt":..}}. Also {@code export.rejects.jsonl} for
 * records that could not be exported. Every file is created, empty or not.
 */
final class ExportFiles implements AutoCloseable {

    static final String REJECTS = "export.rejects.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Map<ReplayInput, BufferedWriter> writers = new EnumMap<>(ReplayInput.class);
    private final Map<ReplayInput, Long> written = new EnumMap<>(ReplayInput.class);
    private final BufferedWriter rejects;
    private long rejected;

    ExportFiles(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        for (ReplayInput input : ReplayInput.values()) {
            writers.put(input, Files.newBufferedWriter(dir.resolve(input.fileName()), StandardCharsets.UTF_8));
            written.put(input, 0L);
        }
        rejects = Files.newBufferedWriter(dir.resolve(REJECTS), StandardCharsets.UTF_8);
    }

    void record(ReplayInput input, SpecificRecord value) {
        line(input, JsonLines.encode(value));
    }

    void tombstone(String deviceId, long timestamp) {
        ObjectNode node = JSON.createObjectNode().put("deviceId", deviceId).put(LineDecoder.DELETED, true)
                .put("updatedAt", Instant.ofEpochMilli(timestamp).toString());
        line(ReplayInput.REGISTRY, node.toString());
    }

    /** A record that is not exported, with where it came from and why (never its content). */
    void reject(String topic, int partition, long offset, String reason) {
        rejected++;
        ObjectNode node = JSON.createObjectNode().put("topic", topic).put("partition", partition).put("offset", offset)
                .put("reason", reason);
        write(rejects, node.toString());
    }

    private void line(ReplayInput input, String text) {
        write(writers.get(input), text);
        written.merge(input, 1L, Long::sum);
    }

    private void write(BufferedWriter w, String text) {
        try {
            w.write(text);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
    }

    Map<ReplayInput, Long> written() {
        return Map.copyOf(written);
    }

    long rejected() {
        return rejected;
    }

    @Override
    public void close() throws IOException {
        for (BufferedWriter w : writers.values()) {
            w.close();
        }
        rejects.close();
    }
}
