package io.fleetguard.topology;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.TelemetryRecord;

import java.time.Duration;
import java.time.Instant;

/**
 * Where each contract keeps its event time, and whether a timestamp is plausible. Plausibility is
 * judged against the Kafka record's own timestamp, never the wall clock, so a replay decides alike.
 */
public record EventTimes(long minTimestamp, Duration maxFutureSkew) {

    /** Sentinel for "this value carries no event time". */
    public static final long NONE = Long.MIN_VALUE;

    /** The event time a value declares, or {@link #NONE}. */
    public static long of(Object value) {
        if (value instanceof AuthEvent e) {
            return millis(e.getTimestamp());
        } else if (value instanceof TelemetryRecord t) {
            return millis(t.getTimestamp());
        } else if (value instanceof ConfigChange c) {
            return millis(c.getTimestamp());
        } else if (value instanceof RemoteSupportSession s) {
            return millis(s.getEndedAt() != null ? s.getEndedAt() : s.getStartedAt());
        } else if (value instanceof DeviceIdentity d) {
            return millis(d.getUpdatedAt());
        }
        return NONE;
    }

    /**
     * @param recordTimestamp the Kafka record's timestamp, negative when it has none
     */
    public boolean isPlausible(long eventTime, long recordTimestamp) {
        if (eventTime == NONE || eventTime < minTimestamp) {
            return false;
        }
        return recordTimestamp < 0 || eventTime <= recordTimestamp + maxFutureSkew.toMillis();
    }

    private static long millis(Instant i) {
        return i == null ? NONE : i.toEpochMilli();
    }
}
