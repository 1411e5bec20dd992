package io.fleetguard.detect;

import io.fleetguard.schema.DayOfWeek;
import io.fleetguard.schema.MaintenanceWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceWindowsTest {

    // 2024-06-01 is a Saturday, 2024-06-03 a Monday, 2024-06-05 a Wednesday.
    private static final MaintenanceWindow SATURDAY_NIGHT = window(DayOfWeek.SATURDAY, "22:00", "02:00");
    private static final MaintenanceWindow MONDAY_DAYTIME = window(DayOfWeek.MONDAY, "09:00", "17:00");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2024-06-03T08:59:59.999Z, false",
            "2024-06-03T09:00:00Z, true",
            "2024-06-03T16:59:59.999Z, true",
            "2024-06-03T17:00:00Z, false",
            "2024-06-04T10:00:00Z, false",
            "2024-06-10T12:00:00Z, true"})
    void shouldIncludeTheStartAndExcludeTheEndOfASameDayWindow(String at, boolean inside) {
        assertThat(MaintenanceWindows.covers(List.of(MONDAY_DAYTIME), Instant.parse(at))).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2024-06-01T21:59:59.999Z, false",
            "2024-06-01T22:00:00Z, true",
            "2024-06-01T23:59:59.999Z, true",
            "2024-06-02T00:00:00Z, true",
            "2024-06-02T01:59:59.999Z, true",
            "2024-06-02T02:00:00Z, false",
            "2024-06-01T01:00:00Z, false",
            "2024-06-02T22:30:00Z, false"})
    void shouldRunAWindowWhoseEndIsBeforeItsStartPastMidnight(String at, boolean inside) {
        assertThat(MaintenanceWindows.covers(List.of(SATURDAY_NIGHT), Instant.parse(at))).isEqualTo(inside);
    }

    @Test
    void shouldWrapASundayNightWindowIntoMonday() {
        // Given
        List<MaintenanceWindow> windows = List.of(window(DayOfWeek.SUNDAY, "23:00", "01:00"));

        // When / Then
        assertThat(MaintenanceWindows.covers(windows, Instant.parse("2024-06-03T00:30:00Z"))).isTrue();
        assertThat(MaintenanceWindows.covers(windows, Instant.parse("2024-06-04T00:30:00Z"))).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2024-06-05T05:59:59.999Z, false",
            "2024-06-05T06:00:00Z, true",
            "2024-06-06T05:59:59.999Z, true",
            "2024-06-06T06:00:00Z, false"})
    void shouldReadAnEndEqualToTheStartAsAWholeDay(String at, boolean inside) {
        // Given a window from Wednesday 06:00 to 06:00
        List<MaintenanceWindow> windows = List.of(window(DayOfWeek.WEDNESDAY, "06:00", "06:00"));

        // When / Then
        assertThat(MaintenanceWindows.covers(windows, Instant.parse(at))).isEqualTo(inside);
    }

    @Test
    void shouldCoverWhenAnyWindowDoesAndNothingWithoutWindows() {
        // Given
        Instant mondayNoon = Instant.parse("2024-06-03T12:00:00Z");

        // When / Then
        assertThat(MaintenanceWindows.covers(List.of(SATURDAY_NIGHT, MONDAY_DAYTIME), mondayNoon)).isTrue();
        assertThat(MaintenanceWindows.covers(List.of(), mondayNoon)).isFalse();
    }

    @Test
    void shouldDescribeTheWindows() {
        assertThat(MaintenanceWindows.describe(List.of(SATURDAY_NIGHT, MONDAY_DAYTIME)))
                .isEqualTo("SATURDAY 22:00-02:00,MONDAY 09:00-17:00");
    }

    private static MaintenanceWindow window(DayOfWeek day, String start, String end) {
        return new MaintenanceWindow(day, LocalTime.parse(start), LocalTime.parse(end));
    }
}
