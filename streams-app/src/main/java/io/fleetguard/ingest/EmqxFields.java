package io.fleetguard.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of one EMQX 5.x log line, from either formatter. Text lines look like
 * {@code 2024-03-20T11:08:39.568980+01:00 [warning] tag: AUTHZ, clientid: c1, msg: ..., topic: t};
 * JSON lines are one object with {@code time} (epoch microseconds or RFC 3339), {@code level},
 * {@code msg} and the same metadata members.
 *
 * <p>The text formatter does not escape values, so a client id or username can contain
 * {@code ", username: admin"}. A field named twice is therefore rejected as ambiguous instead of
 * guessing; the JSON formatter has no such weakness and is the one to configure for FleetGuard.
 */
record EmqxFields(Long timestampMillis, Map<String, String> values, Map<String, Long> dropped) {

    /** Fields the parser reads; others are ignored (and never copied anywhere). */
    static final Set<String> READ = Set.of("msg", "clientid", "username", "peername", "topic", "reason", "action",
            "packet");

    private static final Pattern TEXT_LINE = Pattern.compile("^(\\S+) \\[([a-z]+)] (.*)$", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("(?:^|, )([a-z_][a-z0-9_]{0,63}): ");
    private static final Pattern DROPPED_ENTRY = Pattern.compile("([a-z_][a-z0-9_]{0,63}) => (\\d{1,18})");

    String get(String field) {
        return values.get(field);
    }

    static EmqxFields parse(String line) {
        return line.startsWith("{") ? fromJson(JsonLines.object(line)) : fromText(line);
    }

    /**
     * The time the line states, read as {@link #parse} reads it but without the other fields; null
     * when a JSON line has none. @throws LineRejected when the line has no readable time
     */
    static Long statedTime(String line) {
        if (line.startsWith("{")) {
            return jsonTime(JsonLines.object(line).get("time"));
        }
        Matcher m = TEXT_LINE.matcher(line);
        if (!m.matches()) {
            throw new LineRejected(Reasons.NOT_THIS_FORMAT);
        }
        return textTime(m.group(1));
    }

    private static EmqxFields fromText(String line) {
        Matcher m = TEXT_LINE.matcher(line);
        if (!m.matches()) {
            throw new LineRejected(Reasons.NOT_THIS_FORMAT);
        }
        Long time = textTime(m.group(1));
        Map<String, String> values = new HashMap<>();
        String body = m.group(3);
        Matcher key = KEY.matcher(body);
        if (!key.find() || key.start() != 0) {
            throw new LineRejected(Reasons.NOT_THIS_FORMAT);
        }
        while (true) {
            String name = key.group(1);
            int valueStart = key.end();
            boolean more = key.find();
            String value = body.substring(valueStart, more ? key.start() : body.length());
            if (values.put(name, value) != null) {
                throw new LineRejected(Reasons.DUPLICATE_FIELD);
            }
            if (!more) {
                break;
            }
        }
        return new EmqxFields(time, read(values), droppedFromText(values.get("dropped")));
    }

    private static EmqxFields fromJson(ObjectNode json) {
        Map<String, String> values = new HashMap<>();
        for (String field : READ) {
            JsonNode node = json.get(field);
            if (field.equals("reason") && node != null && node.isContainerNode()) {
                values.put(field, node.toString()); // an Erlang map or list the formatter made JSON
            } else {
                String text = JsonLines.text(json, field);
                if (text != null) {
                    values.put(field, text);
                }
            }
        }
        return new EmqxFields(jsonTime(json.get("time")), values, droppedFromJson(json.get("dropped")));
    }

    private static Map<String, String> read(Map<String, String> all) {
        Map<String, String> kept = new HashMap<>();
        all.forEach((k, v) -> {
            if (READ.contains(k)) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private static Long textTime(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return epochMicros(text);
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            throw new LineRejected(Reasons.BAD_TIMESTAMP);
        }
    }

    private static Long jsonTime(JsonNode time) {
        if (time == null || time.isNull()) {
            return null;
        }
        if (time.isIntegralNumber() && time.canConvertToLong() && time.longValue() >= 0) {
            return time.longValue() / 1000L;
        }
        if (time.isTextual()) {
            return textTime(time.textValue());
        }
        throw new LineRejected(Reasons.WRONG_FIELD_TYPE);
    }

    /** EMQX's epoch timestamps are microseconds. */
    private static Long epochMicros(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            throw new LineRejected(Reasons.BAD_TIMESTAMP);
        }
        return Long.parseLong(digits) / 1000L;
    }

    private static Map<String, Long> droppedFromText(String value) {
        Map<String, Long> dropped = new LinkedHashMap<>();
        if (value != null) {
            Matcher entry = DROPPED_ENTRY.matcher(value);
            while (entry.find()) {
                dropped.merge(entry.group(1), Long.parseLong(entry.group(2)), Long::sum);
            }
        }
        return dropped;
    }

    private static Map<String, Long> droppedFromJson(JsonNode node) {
        Map<String, Long> dropped = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return dropped;
        }
        if (!node.isObject()) {
            throw new LineRejected(Reasons.WRONG_FIELD_TYPE);
        }
        node.properties().forEach(e -> {
            if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToLong()
                    || !e.getKey().matches("[a-z_][a-z0-9_]{0,63}")) {
                throw new LineRejected(Reasons.WRONG_FIELD_TYPE);
            }
            dropped.put(e.getKey(), e.getValue().longValue());
        });
        return dropped;
    }
}
