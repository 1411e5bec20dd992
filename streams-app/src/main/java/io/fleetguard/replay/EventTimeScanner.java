package io.fleetguard.replay;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fleetguard.ingest.BrokerLogTimes;
import io.fleetguard.ingest.LogFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads only the event time of a line (tokenizing the rest without building it), so that files can
 * be ordered by time before any record is decoded. Follows the same rule as the topology's
 * {@code EventTimes}, including a registry tombstone's {@code updatedAt}; a raw broker log line's
 * time is read by the ingest parsers' own code ({@link BrokerLogTimes}).
 */
final class EventTimeScanner {

    private static final JsonFactory JSON = new JsonFactory();

    private EventTimeScanner() {
    }

    static long eventTime(ReplayInput input, byte[] utf8, int offset, int length) throws MalformedRecordException {
        List<String> fields = input.timeFields();
        long[] found = new long[fields.size()];
        boolean[] present = new boolean[fields.size()];
        try (JsonParser p = JSON.createParser(utf8, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRecordException("expected a JSON object on the line");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                int i = fields.indexOf(name);
                if (i >= 0 && value != JsonToken.VALUE_NULL) {
                    found[i] = millis(p, value, name);
                    present[i] = true;
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new MalformedRecordException("not valid JSON: content after the object");
            }
        } catch (JacksonException e) {
            throw new MalformedRecordException("not valid JSON at column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new MalformedRecordException("not readable JSON: " + e.getClass().getSimpleName());
        }
        for (int i = 0; i < fields.size(); i++) {
            if (present[i]) {
                return found[i];
            }
        }
        throw new MalformedRecordException("is missing (it carries the event time)").inField(fields.get(fields.size() - 1));
    }

    /** The time a raw broker log line states, which its parser stamps its events with. */
    static long eventTime(LogFormat format, BrokerLogTimes times, byte[] utf8, int offset, int length)
            throws MalformedRecordException {
        OptionalLong time = times.eventTime(format, new String(utf8, offset, length, StandardCharsets.UTF_8));
        if (time.isEmpty()) {
            throw new MalformedRecordException("no readable event time for a " + format.origin() + " log line: "
                    + switch (format) {
                        case MOSQUITTO -> "expected epoch seconds, an ISO-8601 time or the "
                                + "ingest.mosquitto.timestamp.pattern time, then ': '";
                        case EMQX -> "expected the time first (text formatter) or a \"time\" member (JSON formatter)";
                        case AWS_IOT -> "expected a JSON object with a \"timestamp\" member";
                    });
        }
        return time.getAsLong();
    }

    private static long millis(JsonParser p, JsonToken value, String field) throws IOException, MalformedRecordException {
        try {
            if (value == JsonToken.VALUE_STRING) {
                return JsonTimes.epochMillis(p.getText());
            }
            if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return p.getLongValue();
            }
        } catch (MalformedRecordException e) {
            throw e.inField(field);
        }
        throw new MalformedRecordException("expected an ISO-8601 timestamp or epoch milliseconds").inField(field);
    }
}
