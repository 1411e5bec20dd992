package io.fleetguard.replay;

import io.fleetguard.schema.AlertType;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an offline replay did.
 *
 * @param records        records replayed (decoded lines and broker log lines, dead-lettered ones included)
 * @param byInput        records replayed per input
 * @param brokerLogLines raw broker log lines replayed (whatever the normalizer made of them)
 * @param alerts         alerts written per type
 * @param malformed   lines rejected before replay (not JSON, not the contract, implausible time)
 * @param deadLetters replayed records the topology dead-lettered (contract violations)
 * @param elapsed     wall time of the whole run, indexing included
 */
public record OfflineReport(long records, Map<ReplayInput, Long> byInput, long brokerLogLines,
                            Map<AlertType, Long> alerts, long malformed, long deadLetters, Duration elapsed) {

    public long alertCount() {
        return alerts.values().stream().mapToLong(Long::longValue).sum();
    }

    public double eventsPerSecond() {
        return records / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }

    void print(PrintStream out, String alertsTo, String rejectsTo) {
        out.printf("Offline replay done: %,d records in %.1f s = %,.0f events/s%n", records,
                elapsed.toMillis() / 1000.0, eventsPerSecond());
        Stream<String> inputs = byInput.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " " + String.format("%,d", e.getValue()));
        out.println("  records:  " + Stream.concat(inputs, brokerLogLines == 0 ? Stream.empty()
                : Stream.of(String.format("broker log lines %,d", brokerLogLines))).collect(Collectors.joining(", ")));
        out.printf("  alerts:   %,d -> %s%n", alertCount(), alertsTo);
        alerts.forEach((type, n) -> out.printf("            %-28s %,d%n", type, n));
        out.printf("  rejected: %,d malformed lines, %,d dead letters -> %s%n", malformed, deadLetters, rejectsTo);
    }
}
