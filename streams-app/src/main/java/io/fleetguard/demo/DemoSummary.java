package io.fleetguard.demo;

import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.Severity;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;

/** The table printed when the demo ends: per alert type, incidents injected and alerts by severity. */
final class DemoSummary {

    private DemoSummary() {
    }

    static void print(PrintStream out, DemoReport report) {
        Map<AlertType, Long> injected = new EnumMap<>(AlertType.class);
        report.incidents().values().forEach(i -> injected.merge(i.type(), 1L, Long::sum));
        Map<AlertType, Map<Severity, Long>> alerts = new EnumMap<>(AlertType.class);
        for (IdentityAlert a : report.alerts()) {
            if (a.getActivity() == AlertActivity.UPDATE) {
                continue; // an update re-states an alert already counted
            }
            alerts.computeIfAbsent(a.getType(), t -> new EnumMap<>(Severity.class)).merge(a.getSeverity(), 1L, Long::sum);
        }
        out.println();
        out.printf("%-28s  %8s  %8s  %8s  %8s  %8s  %8s%n", "ALERT TYPE", "INJECTED", "ALERTS", "CRITICAL", "HIGH", "MEDIUM", "LOW");
        for (AlertType type : AlertType.values()) {
            Map<Severity, Long> bySeverity = alerts.getOrDefault(type, Map.of());
            long total = bySeverity.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0 && !injected.containsKey(type)) {
                continue;
            }
            out.printf("%-28s  %8d  %8d  %8d  %8d  %8d  %8d%n", type, injected.getOrDefault(type, 0L), total,
                    bySeverity.getOrDefault(Severity.CRITICAL, 0L), bySeverity.getOrDefault(Severity.HIGH, 0L),
                    bySeverity.getOrDefault(Severity.MEDIUM, 0L), bySeverity.getOrDefault(Severity.LOW, 0L));
        }
        out.printf("%nevents produced %,d, processed %,.0f, alerts %,d, dead letters %,.0f%n",
                report.eventsProduced(), report.eventsProcessed(), report.alerts().size(), report.deadLetters());
    }
}
