package io.fleetguard.sim;

import io.fleetguard.schema.DayOfWeek;
import io.fleetguard.schema.MaintenanceWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Each site's weekly UTC maintenance windows, and whether one is open at a given instant. */
final class MaintenanceWindows {

    // Every window spans 00:00-01:00 UTC, so sessions can start from a midnight start onwards.
    private static final int[] START_HOURS = {21, 22, 23, 0};
    private static final int HOURS = 4;

    private MaintenanceWindows() {
    }

    /** A nightly four-hour window at the site's own hour, every day of the week; most run past midnight. */
    static List<MaintenanceWindow> forSite(long seed, int site) {
        SplittableRandom random = Seeds.random(seed, Seeds.SITE, site);
        int hour = START_HOURS[random.nextInt(START_HOURS.length)];
        List<MaintenanceWindow> windows = new ArrayList<>(DayOfWeek.values().length);
        for (DayOfWeek day : DayOfWeek.values()) {
            windows.add(MaintenanceWindow.newBuilder()
                    .setDayOfWeek(day)
                    .setStartUtc(LocalTime.of(hour, 0))
                    .setEndUtc(LocalTime.of((hour + HOURS) % 24, 0))
                    .build());
        }
        return List.copyOf(windows);
    }

    /** The end (epoch millis) of the window occurrence containing {@code at}, or -1 when none is open. */
    static long openUntil(List<MaintenanceWindow> windows, long at) {
        LocalDate today = Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC).toLocalDate();
        for (MaintenanceWindow window : windows) {
            // An occurrence that began yesterday may still be open after midnight.
            for (LocalDate day : List.of(today.minusDays(1), today)) {
                if (!day.getDayOfWeek().name().equals(window.getDayOfWeek().name())) {
                    continue;
                }
                long opens = day.atTime(window.getStartUtc()).toInstant(ZoneOffset.UTC).toEpochMilli();
                LocalDate endDay = window.getEndUtc().isAfter(window.getStartUtc()) ? day : day.plusDays(1);
                long closes = endDay.atTime(window.getEndUtc()).toInstant(ZoneOffset.UTC).toEpochMilli();
                if (at >= opens && at < closes) {
                    return closes;
                }
            }
        }
        return -1;
    }
}
