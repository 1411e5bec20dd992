package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;
import org.apache.avro.specific.SpecificRecord;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One simulated record, ready to be produced to its input topic.
 *
 * @param key       the deviceId the record is keyed by
 * @param value     the Avro record; null is a registry tombstone
 * @param timestamp event time in epoch millis
 * @param expected  the alert type this injected incident must raise, null for normal traffic
 * @param label     a short description of the incident, null for normal traffic
 */
public record SimEvent(Stream stream, String key, SpecificRecord value, long timestamp,
                       AlertType expected, String label) {

    /** The input topic a record belongs to. */
    public enum Stream { REGISTRY, AUTH, TELEMETRY, CONFIG, SUPPORT }

    public SimEvent {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(key, "key");
        if ((expected == null) != (label == null)) {
            throw new IllegalArgumentException("an incident needs both an expected type and a label");
        }
    }

    public boolean isIncident() {
        return expected != null;
    }

    /**
     * Every alert type the event must raise: its expected type, and for a shared credential (device B
     * presenting device A's credential) also CLONED_IDENTITY, since that credential is not B's.
     */
    public Set<AlertType> raises() {
        if (expected == null) {
            return Set.of();
        }
        return expected == AlertType.SHARED_CREDENTIAL
                ? EnumSet.of(AlertType.SHARED_CREDENTIAL, AlertType.CLONED_IDENTITY) : EnumSet.of(expected);
    }
}
