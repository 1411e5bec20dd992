package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Severity;

import java.util.Map;

/**
 * What a detector concluded about one activity, before it becomes an alert.
 *
 * @param subject  what within the device the finding is about (a credential fingerprint, a
 *                 destination, a source IP, the device id itself); part of the alert id and of
 *                 the suppression key
 * @param evidence facts an analyst needs; never a secret, only fingerprints and identifiers
 */
public record Finding(AlertType type, Severity severity, String subject, String summary,
                      Map<String, String> evidence) {

    public Finding {
        evidence = Map.copyOf(evidence);
    }
}
