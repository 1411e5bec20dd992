package io.fleetguard.ingest;

import org.apache.avro.specific.SpecificRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds lines of one broker through a {@link MosquittoLogParser} the way the normalizer will: the
 * state returned for one line is passed in with the next. Record timestamps start at
 * {@link #FIRST_RECORD_TIMESTAMP} and grow by one millisecond per line.
 */
final class MosquittoFeed {

    static final String BROKER = "mqtt-edge-1";
    static final long FIRST_RECORD_TIMESTAMP = 1_700_000_000_500L;

    private final MosquittoLogParser parser;
    private MosquittoState state = MosquittoState.EMPTY;
    private long recordTimestamp = FIRST_RECORD_TIMESTAMP;

    MosquittoFeed(MosquittoSettings settings) {
        this.parser = new MosquittoLogParser(settings);
    }

    ParsedLine feed(String line) {
        ParseOutcome<MosquittoState> outcome = parser.parse(BROKER, line, recordTimestamp++, state);
        state = outcome.state();
        return outcome.result();
    }

    /** Feeds all lines and returns the events of the last one (which must have produced events). */
    List<SpecificRecord> eventsOfLast(String... lines) {
        ParsedLine last = null;
        for (String line : lines) {
            last = feed(line);
        }
        if (!(last instanceof ParsedLine.Events events)) {
            throw new AssertionError("expected events from the last line, got " + last);
        }
        return events.authEventsAndTelemetry();
    }

    /** Every event of every line, in order. */
    List<SpecificRecord> allEvents(List<String> lines) {
        List<SpecificRecord> all = new ArrayList<>();
        for (String line : lines) {
            if (feed(line) instanceof ParsedLine.Events events) {
                all.addAll(events.authEventsAndTelemetry());
            }
        }
        return all;
    }

    MosquittoState state() {
        return state;
    }

    /** The record timestamp the previous line was fed with. */
    long lastRecordTimestamp() {
        return recordTimestamp - 1;
    }

    static String eventId(String line, long recordTimestamp, int ordinal) {
        return EventIds.of(LogFormat.MOSQUITTO, BROKER, recordTimestamp, line, ordinal);
    }
}
