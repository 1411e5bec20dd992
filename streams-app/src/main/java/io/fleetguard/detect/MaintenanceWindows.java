package io.fleetguard.detect;

import io.fleetguard.schema.MaintenanceWindow;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides whether an instant falls inside one of a device's weekly UTC maintenance windows.
 *
 * <p>A window is half-open, {@code [start, end)}: a session starting exactly at the start is
 * inside, one starting exactly at the end is outside, as with any back-to-back schedule. An end
 * before the start runs past midnight into the next day (Sunday wraps to Monday). An end equal to
 * the start means a whole day from the start: time-millis cannot say 24:00, so this is the only
 * way to write a full-day window, and a zero-length window would be pointless.
 */
public final class MaintenanceWindows {

    private MaintenanceWindows() {
    }

    /** @return true when any window covers the instant; false for an empty list */
    public static boolean covers(List<MaintenanceWindow> windows, Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        DayOfWeek day = utc.getDayOfWeek();
        LocalTime time = utc.toLocalTime();
        for (MaintenanceWindow w : windows) {
            if (covers(w, day, time)) {
                return true;
            }
        }
        return false;
    }

    /** The windows as text for evidence, e.g. {@code SATURDAY 22:00-02:00,MONDAY 09:00-17:00}. */
    public static String describe(List<MaintenanceWindow> windows) {
        return windows.stream()
                .map(w -> w.getDayOfWeek() + " " + w.getStartUtc() + "-" + w.getEndUtc())
                .collect(Collectors.joining(","));
    }

    private static boolean covers(MaintenanceWindow w, DayOfWeek day, LocalTime time) {
        DayOfWeek windowDay = DayOfWeek.valueOf(w.getDayOfWeek().name());
        LocalTime start = w.getStartUtc();
        LocalTime end = w.getEndUtc();
        if (end.isAfter(start)) {
            return day == windowDay && !time.isBefore(start) && time.isBefore(end);
        }
        // Runs past midnight: from the start to the end of its day, then from midnight to the end.
        boolean lateOnWindowDay = day == windowDay && !time.isBefore(start);
        boolean earlyOnNextDay = day == windowDay.plus(1) && time.isBefore(end);
        return lateOnWindowDay || earlyOnNextDay;
    }
}
