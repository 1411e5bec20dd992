package io.fleetguard.ingest;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Splits a Mosquitto log line into its time and message. Mosquitto writes the time, then ": ",
 * then the message: epoch seconds by default ({@code 1700000000: }), or whatever strftime makes
 * of {@code log_timestamp_format}. ISO-8601-like formats (with 'T' or a space, optional fraction
 * and offset) are recognised; any other format needs an explicit java.time pattern. A format
 * without an offset is read in the configured zone.
 */
final class MosquittoLine {

    /** Mosquitto formats each line into a 1000-byte buffer, so a full line is 999 bytes at most. */
    static final int BROKER_LINE_LIMIT_BYTES = 999;

    private static final DateTimeFormatter ISO_LIKE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    record Split(long timestampMillis, String message) {
    }

    private final ZoneId zone;
    private final DateTimeFormatter custom;

    /** @param pattern a java.time pattern for a non-ISO log_timestamp_format, or null */
    MosquittoLine(ZoneId zone, String pattern) {
        this.zone = zone;
        this.custom = pattern == null ? null : DateTimeFormatter.ofPattern(pattern);
    }

    /** The time and message, or null when the line does not start with a readable time. */
    Split split(String line) {
        int colon = line.indexOf(": ");
        if (colon <= 0 || colon > 64) {
            return null;
        }
        String prefix = line.substring(0, colon);
        Long millis = epochSeconds(prefix);
        if (millis == null) {
            millis = dateTime(prefix);
        }
        return millis == null ? null : new Split(millis, line.substring(colon + 2));
    }

    /** True when the line fills Mosquitto's buffer, i.e. the broker may have cut its end off. */
    static boolean atBrokerLimit(String line) {
        return line.length() * 3 >= BROKER_LINE_LIMIT_BYTES - 3
                && line.getBytes(StandardCharsets.UTF_8).length >= BROKER_LINE_LIMIT_BYTES - 3;
    }

    private static Long epochSeconds(String prefix) {
        if (prefix.length() > 12) {
            return null;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) < '0' || prefix.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(prefix) * 1000L;
    }

    private Long dateTime(String prefix) {
        try {
            TemporalAccessor parsed = (custom != null ? custom : ISO_LIKE)
                    .parseBest(prefix, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime withOffset) {
                return withOffset.toInstant().toEpochMilli();
            }
            return ((LocalDateTime) parsed).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException | ClassCastException e) {
            return null;
        }
    }
}
