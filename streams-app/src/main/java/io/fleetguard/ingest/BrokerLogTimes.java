package io.fleetguard.ingest;

import java.time.ZoneId;
import java.util.OptionalLong;

/**
 * The event time a raw broker log line states, read by the code its parser uses, so that lines can
 * be put in time order before they are parsed (offline replay interleaves them with other inputs).
 * Empty when the line states no time that can be read: a Mosquitto line without its time prefix,
 * an EMQX or AWS IoT line that is not valid or carries no timestamp. The parsers fall back to the
 * record timestamp for a missing EMQX or AWS IoT time; a file of lines has no record timestamp.
 */
public final class BrokerLogTimes {

    private final MosquittoLine mosquitto;

    /**
     * @param mosquittoZone    zone of Mosquitto times written without offset ({@code ingest.mosquitto.timezone})
     * @param mosquittoPattern java.time pattern of a custom Mosquitto time, or null
     *                         ({@code ingest.mosquitto.timestamp.pattern})
     */
    public BrokerLogTimes(ZoneId mosquittoZone, String mosquittoPattern) {
        this.mosquitto = new MosquittoLine(mosquittoZone, mosquittoPattern);
    }

    /** Epoch milliseconds, as the parser of {@code format} would stamp the line's events. */
    public OptionalLong eventTime(LogFormat format, String line) {
        String raw = RawLine.withoutTerminator(line);
        if (raw == null) {
            return OptionalLong.empty();
        }
        try {
            return switch (format) {
                case MOSQUITTO -> {
                    MosquittoLine.Split split = mosquitto.split(raw);
                    yield split == null ? OptionalLong.empty() : OptionalLong.of(split.timestampMillis());
                }
                case EMQX -> {
                    Long millis = EmqxFields.statedTime(raw);
                    yield millis == null ? OptionalLong.empty() : OptionalLong.of(millis);
                }
                case AWS_IOT -> AwsIotLogParser.statedTime(raw);
            };
        } catch (RuntimeException e) {
            // LineRejected (bad time, invalid JSON, not this format) or anything hostile input provokes:
            // the line has no readable time, which the caller reports; it never stops the caller.
            return OptionalLong.empty();
        }
    }
}
