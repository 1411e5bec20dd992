package io.fleetguard.topology;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.util.Collection;
import java.util.Map;

/**
 * The input contract beyond what Avro enforces: a device id, a plausible event time, and no field
 * larger than the configured limits (a 10 MB "principal" must not reach a detector or an alert).
 */
public final class RecordValidator {

    public static final String NULL_VALUE = "null-value";
    public static final String MISSING_DEVICE_ID = "missing-device-id";
    public static final String INVALID_TIMESTAMP = "invalid-timestamp";
    public static final String OVERSIZED_FIELD = "oversized-field";
    public static final String KEY_MISMATCH = "key-mismatch";
    public static final String DESERIALIZATION = "deserialization";

    private final EventTimes eventTimes;
    private final int maxFieldLength;
    private final int maxListSize;

    public RecordValidator(EventTimes eventTimes, int maxFieldLength, int maxListSize) {
        this.eventTimes = eventTimes;
        this.maxFieldLength = maxFieldLength;
        this.maxListSize = maxListSize;
    }

    /**
     * @param deviceId  the device id the value declares
     * @param timestamp the record timestamp the {@link EventTimeExtractor} chose
     * @throws InvalidRecordException naming the first broken rule
     */
    public void validate(SpecificRecord value, String deviceId, long timestamp) {
        if (value == null) {
            throw new InvalidRecordException(NULL_VALUE, "null value on an event topic");
        }
        if (deviceId == null || deviceId.isBlank()) {
            throw new InvalidRecordException(MISSING_DEVICE_ID, "deviceId is empty");
        }
        long eventTime = EventTimes.of(value);
        if (eventTime == EventTimes.NONE || eventTime < eventTimes.minTimestamp() || eventTime != timestamp) {
            throw new InvalidRecordException(INVALID_TIMESTAMP, "event time " + eventTime
                    + " is absent, before the minimum or too far ahead of the record timestamp");
        }
        if (!fits(value)) { // the fast pass builds no field paths; only a record that breaks a limit pays for them
            checkSize(value, value.getSchema().getName());
        }
    }

    /** Whether every string, list and map in {@code value} is within the limits. */
    private boolean fits(Object value) {
        if (value instanceof CharSequence s) {
            return s.length() <= maxFieldLength;
        } else if (value instanceof SpecificRecord r) {
            int fields = r.getSchema().getFields().size();
            for (int i = 0; i < fields; i++) {
                if (!fits(r.get(i))) {
                    return false;
                }
            }
        } else if (value instanceof Collection<?> c) {
            if (c.size() > maxListSize) {
                return false;
            }
            for (Object item : c) {
                if (!fits(item)) {
                    return false;
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            if (m.size() > maxListSize) {
                return false;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!fits(e.getKey()) || !fits(e.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Throws naming the path of the first value over a limit. */
    private void checkSize(Object value, String path) {
        if (value instanceof CharSequence s) {
            if (s.length() > maxFieldLength) {
                throw new InvalidRecordException(OVERSIZED_FIELD,
                        path + " is " + s.length() + " chars, limit " + maxFieldLength);
            }
        } else if (value instanceof SpecificRecord r) {
            for (Schema.Field f : r.getSchema().getFields()) {
                checkSize(r.get(f.pos()), path + "." + f.name());
            }
        } else if (value instanceof Collection<?> c) {
            checkCount(c.size(), path);
            int i = 0;
            for (Object item : c) {
                checkSize(item, path + "[" + i++ + "]");
            }
        } else if (value instanceof Map<?, ?> m) {
            checkCount(m.size(), path);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                checkSize(e.getKey(), path + ".<key>");
                checkSize(e.getValue(), path + "[" + e.getKey() + "]");
            }
        }
    }

    private void checkCount(int size, String path) {
        if (size > maxListSize) {
            throw new InvalidRecordException(OVERSIZED_FIELD, path + " has " + size + " elements, limit " + maxListSize);
        }
    }
}
