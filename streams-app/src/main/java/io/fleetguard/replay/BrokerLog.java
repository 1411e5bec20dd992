package io.fleetguard.replay;

import io.fleetguard.ingest.LogFormat;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A raw broker log file of an offline history: its lines are replayed through the app's broker-log
 * normalizer as records of the broker-logs topic keyed by {@code brokerId}, the format told to the
 * normalizer by {@code ingest.formats} as the live app is told it.
 */
public record BrokerLog(Path path, LogFormat format, String brokerId) implements HistoryFile {

    public BrokerLog {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        // It becomes a broker:format entry of ingest.formats, a comma-separated list of trimmed entries.
        if (brokerId == null || brokerId.isBlank() || brokerId.contains(",") || !brokerId.equals(brokerId.strip())) {
            throw new IllegalArgumentException("broker id '" + brokerId + "' of " + path
                    + " must be non-blank, without commas or surrounding spaces");
        }
    }

    /** With the broker id given, or by default the file name up to its last dot ({@code mqtt-1.log} is {@code mqtt-1}). */
    public static BrokerLog of(Path path, LogFormat format, String brokerIdOrNull) {
        return new BrokerLog(path, format, brokerIdOrNull != null ? brokerIdOrNull : defaultBrokerId(path));
    }

    static String defaultBrokerId(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
