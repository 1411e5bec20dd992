package io.fleetguard.feed;

import io.fleetguard.sim.SimEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes simulated events as JSON Lines, one file per input (registry.jsonl, auth.jsonl,
 * telemetry.jsonl, config.jsonl, support.jsonl) in a directory: the offline format a responder
 * replays. A registry tombstone is written as {"deviceId": ..., "deleted": true, "updatedAt": ...}.
 */
public final class JsonLinesEventSink implements EventSink {

    private final Path dir;
    private final Map<SimEvent.Stream, BufferedWriter> writers = new EnumMap<>(SimEvent.Stream.class);

    public JsonLinesEventSink(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    public static String fileName(SimEvent.Stream stream) {
        return stream.name().toLowerCase(Locale.ROOT) + ".jsonl";
    }

    @Override
    public void send(SimEvent event) {
        String line = event.value() != null ? JsonLines.encode(event.value())
                : "{\"deviceId\":" + quote(event.key()) + ",\"deleted\":true,\"updatedAt\":\""
                + java.time.Instant.ofEpochMilli(event.timestamp()) + "\"}";
        try {
            BufferedWriter w = writers.computeIfAbsent(event.stream(), this::open);
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(fileName(event.stream())), e);
        }
    }

    private static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    private BufferedWriter open(SimEvent.Stream stream) {
        try {
            return Files.newBufferedWriter(dir.resolve(fileName(stream)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + dir.resolve(fileName(stream)), e);
        }
    }

    @Override
    public void flush() {
        for (BufferedWriter w : writers.values()) {
            try {
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot flush JSON Lines in " + dir, e);
            }
        }
    }

    @Override
    public void close() {
        flush();
        for (BufferedWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close JSON Lines in " + dir, e);
            }
        }
    }
}
