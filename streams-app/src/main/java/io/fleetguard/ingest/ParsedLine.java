package io.fleetguard.ingest;

import org.apache.avro.specific.SpecificRecord;

import java.util.List;
import java.util.Map;

/**
 * What one raw broker log line became. Reasons and kinds are short codes from a fixed vocabulary
 * (never text taken from the line), so they can label metrics and dead-letter headers safely.
 */
public sealed interface ParsedLine {

    /** Normalized AuthEvent and TelemetryRecord values, in the order the line implies. */
    record Events(List<SpecificRecord> authEventsAndTelemetry) implements ParsedLine {
        public Events {
            authEventsAndTelemetry = List.copyOf(authEventsAndTelemetry);
        }
    }

    /** A recognised line with nothing to normalize (lifecycle, packet trace, clean disconnect...). */
    record Skip(String kind) implements ParsedLine {
    }

    /** A line that cannot be trusted or understood; it belongs on the dead-letter topic. */
    record Reject(String reason) implements ParsedLine {
    }

    /**
     * The broker itself dropped repeated events (EMQX log throttling) and logged only how many. The
     * dropped events carry no identity, so they cannot become events, but they must be counted.
     *
     * @param droppedByMessage count per broker message name, e.g. authentication_failure=4
     */
    record Throttled(Map<String, Long> droppedByMessage) implements ParsedLine {
        public Throttled {
            droppedByMessage = Map.copyOf(droppedByMessage);
        }
    }

    static Events events(List<? extends SpecificRecord> events) {
        return new Events(List.copyOf(events));
    }
}
