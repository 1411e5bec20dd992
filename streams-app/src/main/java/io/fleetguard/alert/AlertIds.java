package io.fleetguard.alert;

import io.fleetguard.schema.AlertType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic alert ids: a hash of rule, device, subject and triggering event, so that a replay
 * and the live run emit the same id and a SIEM can deduplicate on it.
 */
public final class AlertIds {

    /** Bump when the id recipe changes: ids of different recipes must never collide. */
    private static final String RECIPE = "fg1";

    private AlertIds() {
    }

    public static String of(AlertType type, String deviceId, String subject, String triggeringEventId) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        // Length-prefix each part so that ("a|b", "c") and ("a", "b|c") cannot hash alike.
        for (String part : new String[] {RECIPE, type.name(), deviceId, subject, triggeringEventId}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) ':');
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest(), 0, 16);
    }
}
