package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Counts simulated events per stream and injected incidents per expected alert type. */
public final class SimulationSummary {

    private final EnumMap<SimEvent.Stream, Long> events = new EnumMap<>(SimEvent.Stream.class);
    private final EnumMap<AlertType, Long> incidents = new EnumMap<>(AlertType.class);
    private long total;

    public static SimulationSummary of(Iterable<SimEvent> events) {
        SimulationSummary summary = new SimulationSummary();
        for (SimEvent event : events) {
            summary.add(event);
        }
        return summary;
    }

    public void add(SimEvent event) {
        total++;
        events.merge(event.stream(), 1L, Long::sum);
        if (event.isIncident()) {
            incidents.merge(event.expected(), 1L, Long::sum);
        }
    }

    public long total() {
        return total;
    }

    public long events(SimEvent.Stream stream) {
        return events.getOrDefault(stream, 0L);
    }

    public long incidents() {
        return incidents.values().stream().mapToLong(Long::longValue).sum();
    }

    public long incidents(AlertType type) {
        return incidents.getOrDefault(type, 0L);
    }

    public Map<SimEvent.Stream, Long> eventsPerStream() {
        return Collections.unmodifiableMap(new EnumMap<>(events));
    }

    public Map<AlertType, Long> incidentsPerType() {
        return Collections.unmodifiableMap(new EnumMap<>(incidents));
    }

    @Override
    public String toString() {
        return "events=" + total + " " + events + ", incidents=" + incidents() + " " + incidents;
    }
}
