package io.fleetguard.demo;

import io.fleetguard.schema.IdentityAlert;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/**
 * Prints one alert per line, columns aligned: event time, severity, type, device, summary.
 * Colour by severity only when asked (a TTY); the summary is already free of control characters.
 */
final class AlertPrinter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String RESET = "\u001B[0m";

    private final PrintStream out;
    private final boolean colour;

    AlertPrinter(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    void header() {
        out.printf("%-8s  %-8s  %-28s  %-14s  %s%n", "TIME", "SEVERITY", "TYPE", "DEVICE", "SUMMARY");
    }

    synchronized void print(IdentityAlert a) {
        String severity = String.format("%-8s", a.getSeverity());
        if (colour) {
            severity = colourOf(a) + severity + RESET;
        }
        out.printf("%-8s  %s  %-28s  %-14s  %s%n", TIME.format(a.getEventTime()), severity, a.getType(),
                a.getDeviceId(), a.getSummary());
    }

    private static String colourOf(IdentityAlert a) {
        return switch (a.getSeverity()) {
            case CRITICAL -> "\u001B[1;31m";
            case HIGH -> "\u001B[31m";
            case MEDIUM -> "\u001B[33m";
            case LOW -> "\u001B[36m";
        };
    }
}
