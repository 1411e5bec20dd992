package io.fleetguard.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic event ids: a hash of the adapter, the broker, the record timestamp, the raw line
 * and the event's position within the line. The record timestamp is stored with the record, so a
 * replay of the topic reproduces every id (and therefore every alert id) without any parser state.
 */
final class EventIds {

    /** Bump when the recipe changes so ids of different recipes can never collide. */
    private static final String RECIPE = "fgi1";

    private EventIds() {
    }

    static String of(LogFormat format, String brokerId, long recordTimestamp, String line, int ordinal) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        String[] parts = {RECIPE, format.origin(), brokerId, Long.toString(recordTimestamp), line,
                Integer.toString(ordinal)};
        for (String part : parts) {
            // Length-prefixed so that ("a|b", "c") and ("a", "b|c") cannot hash alike.
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) ':');
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest(), 0, 16);
    }
}
