package io.fleetguard.replay;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * Times in the offline format: a timestamp is an ISO-8601 instant ({@code 2026-03-01T10:00:00Z},
 * an offset is accepted) or epoch milliseconds; a time of day is {@code HH:mm[:ss[.SSS]]} (what
 * {@link LocalTime#toString()} writes for millisecond values). Sub-millisecond precision is refused
 * rather than truncated: the contracts hold milliseconds, and a silent cut would hide a unit mix-up.
 */
final class JsonTimes {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm[:ss[.SSS]]")
            .withResolverStyle(ResolverStyle.STRICT);

    private JsonTimes() {
    }

    static Instant instant(JsonNode node) throws MalformedRecordException {
        if (node.isTextual()) {
            return instant(node.textValue());
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        throw new MalformedRecordException("expected an ISO-8601 timestamp or epoch milliseconds, got "
                + Describe.node(node));
    }

    static Instant instant(String text) throws MalformedRecordException {
        return Instant.ofEpochMilli(epochMillis(text));
    }

    /**
     * Epoch millis of an ISO-8601 instant. The form {@code Instant.toString()} writes for
     * millisecond values ({@code yyyy-MM-ddTHH:mm:ss[.SSS]Z}) is read directly, several times faster
     * than the general parser, which handles every other form (offsets, other precisions, errors).
     */
    static long epochMillis(String text) throws MalformedRecordException {
        long fast = canonicalMillis(text);
        return fast != Long.MIN_VALUE ? fast : parse(text);
    }

    private static long parse(String text) throws MalformedRecordException {
        Instant parsed;
        try {
            parsed = Instant.parse(text);
        } catch (DateTimeException e) {
            throw new MalformedRecordException("not an ISO-8601 timestamp (e.g. 2026-03-01T10:00:00Z)");
        }
        if (parsed.getNano() % 1_000_000 != 0) {
            throw new MalformedRecordException("timestamp is more precise than milliseconds");
        }
        try {
            return parsed.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new MalformedRecordException("timestamp is out of range");
        }
    }

    /** Long.MIN_VALUE when the text is not exactly {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z} with valid fields. */
    private static long canonicalMillis(String s) {
        int n = s.length();
        if ((n != 20 && n != 24) || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z' || (n == 24 && s.charAt(19) != '.')) {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int millis = n == 24 ? digits(s, 20, 3) : 0;
        if ((year | month | day | hour | minute | second | millis) < 0 || month < 1 || month > 12 || day < 1
                || day > YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE; // the general parser explains what is wrong
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static LocalTime timeOfDay(JsonNode node) throws MalformedRecordException {
        if (!node.isTextual()) {
            throw new MalformedRecordException("expected a time of day HH:mm[:ss[.SSS]], got " + Describe.node(node));
        }
        try {
            return LocalTime.parse(node.textValue(), TIME_OF_DAY);
        } catch (DateTimeException e) {
            throw new MalformedRecordException("not a time of day HH:mm[:ss[.SSS]]");
        }
    }
}
