package io.fleetguard.replay;

import io.fleetguard.feed.JsonLines;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The alerts output of an offline replay: one line per alert in the chosen format, counted by alert type. */
final class AlertLines implements Closeable {

    private final Writer out;
    private final AlertFormat format;
    private final Map<AlertType, Long> byType = new EnumMap<>(AlertType.class);

    /** @param file the alerts file; null writes to {@code stdout}, which is flushed but never closed */
    AlertLines(Path file, OutputStream stdout, AlertFormat format) throws IOException {
        this.format = format;
        this.out = file != null ? Files.newBufferedWriter(file, StandardCharsets.UTF_8)
                : new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
    }

    /** The alerts one record produced; OCSF lines are the topology's own output, not rendered here. */
    void write(List<IdentityAlert> alerts, List<String> ocsf) throws IOException {
        List<String> lines = format == AlertFormat.OCSF ? ocsf : alerts.stream().map(JsonLines::encode).toList();
        for (String line : lines) {
            out.write(line);
            out.write('\n');
        }
        for (IdentityAlert alert : alerts) {
            byType.merge(alert.getType(), 1L, Long::sum);
        }
    }

    Map<AlertType, Long> byType() {
        return byType;
    }

    long count() {
        return byType.values().stream().mapToLong(Long::longValue).sum();
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
