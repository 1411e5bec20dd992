package io.fleetguard.sim;

import io.fleetguard.schema.DayOfWeek;
import io.fleetguard.schema.MaintenanceWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceWindowsTest {

    // Sunday 22:00 to Monday 02:00 UTC.
    private static final List<MaintenanceWindow> SUNDAY_NIGHT = List.of(MaintenanceWindow.newBuilder()
            .setDayOfWeek(DayOfWeek.SUNDAY).setStartUtc(LocalTime.of(22, 0)).setEndUtc(LocalTime.of(2, 0)).build());

    @Test
    void shouldFindAWindowThatRunsPastMidnight() {
        long mondayOneAm = millis("2026-01-05T01:00:00Z");

        assertThat(MaintenanceWindows.openUntil(SUNDAY_NIGHT, mondayOneAm)).isEqualTo(millis("2026-01-05T02:00:00Z"));
        assertThat(MaintenanceWindows.openUntil(SUNDAY_NIGHT, millis("2026-01-04T22:00:00Z")))
                .isEqualTo(millis("2026-01-05T02:00:00Z"));
    }

    @Test
    void shouldFindNoWindowJustBeforeItOpensOrWhenItHasClosed() {
        assertThat(MaintenanceWindows.openUntil(SUNDAY_NIGHT, millis("2026-01-04T21:59:59Z"))).isEqualTo(-1);
        assertThat(MaintenanceWindows.openUntil(SUNDAY_NIGHT, millis("2026-01-05T02:00:00Z"))).isEqualTo(-1);
        assertThat(MaintenanceWindows.openUntil(SUNDAY_NIGHT, millis("2026-01-06T01:00:00Z"))).isEqualTo(-1);
    }

    @Test
    void shouldGiveEverySiteANightlyFourHourWindowOpenJustAfterMidnight() {
        List<MaintenanceWindow> windows = MaintenanceWindows.forSite(42, 3);

        assertThat(windows.stream().map(MaintenanceWindow::getDayOfWeek)).containsExactly(DayOfWeek.values());
        assertThat(windows.stream().map(MaintenanceWindow::getStartUtc).distinct()).hasSize(1);
        assertThat(windows).allSatisfy(w -> assertThat(w.getEndUtc()).isEqualTo(w.getStartUtc().plusHours(4)));
        assertThat(MaintenanceWindows.openUntil(windows, millis("2026-01-07T00:30:00Z"))).isPositive();
        assertThat(MaintenanceWindows.forSite(42, 3)).isEqualTo(windows);
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
