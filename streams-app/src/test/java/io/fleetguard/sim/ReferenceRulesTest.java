package io.fleetguard.sim;

import io.fleetguard.schema.DayOfWeek;
import io.fleetguard.schema.MaintenanceWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The oracle is only as good as its matchers. */
class ReferenceRulesTest {

    @Test
    void shouldMatchMqttFiltersLevelByLevel() {
        assertThat(ReferenceRules.mqttMatches("fleet/site-001/cam-000001/telemetry/#", "fleet/site-001/cam-000001/telemetry/state")).isTrue();
        assertThat(ReferenceRules.mqttMatches("fleet/site-001/cam-000001/telemetry/#", "fleet/site-001/cam-000001/telemetry")).isTrue();
        assertThat(ReferenceRules.mqttMatches("fleet/site-001/cam-000001/+/status", "fleet/site-001/cam-000001/fw/status")).isTrue();
        assertThat(ReferenceRules.mqttMatches("fleet/site-001/cam-000001/+/status", "fleet/site-001/cam-000001/cmd/exec")).isFalse();
        assertThat(ReferenceRules.mqttMatches("fleet/site-001/cam-000001/telemetry/#", "fleet/site-002/cam-000001/telemetry/state")).isFalse();
        assertThat(ReferenceRules.mqttMatches("#", "$SYS/broker/clients/connected")).isFalse();
    }

    @Test
    void shouldMatchUrlPrefixesAtAPathBoundary() {
        List<String> allowed = List.of("https://ingest.example.com/v1/devices/cam-000001/");

        assertThat(ReferenceRules.allowsPath(allowed, "https://ingest.example.com/v1/devices/cam-000001/state")).isTrue();
        assertThat(ReferenceRules.allowsPath(allowed, "https://ingest.example.com/v1/devices/cam-0000012/state")).isFalse();
        assertThat(ReferenceRules.urlPrefixMatches("https://a.example/v1", "https://a.example/v1evil")).isFalse();
    }

    @Test
    void shouldCoverInstantsInsideWeeklyWindowsIncludingThoseRunningPastMidnight() {
        List<MaintenanceWindow> lateSunday = List.of(MaintenanceWindow.newBuilder().setDayOfWeek(DayOfWeek.SUNDAY)
                .setStartUtc(LocalTime.of(22, 0)).setEndUtc(LocalTime.of(2, 0)).build());

        // 2026-01-04 is a Sunday.
        assertThat(ReferenceRules.covers(lateSunday, Instant.parse("2026-01-04T22:00:00Z"))).isTrue();
        assertThat(ReferenceRules.covers(lateSunday, Instant.parse("2026-01-05T01:59:59Z"))).isTrue();
        assertThat(ReferenceRules.covers(lateSunday, Instant.parse("2026-01-05T02:00:00Z"))).isFalse();
        assertThat(ReferenceRules.covers(lateSunday, Instant.parse("2026-01-04T21:59:59Z"))).isFalse();
        assertThat(ReferenceRules.covers(lateSunday, Instant.parse("2026-01-04T01:00:00Z"))).isFalse();
    }

    @Test
    void shouldOrderPlainVersionsNumerically() {
        assertThat(ReferenceRules.lower("4.2.1", "4.3.0")).isTrue();
        assertThat(ReferenceRules.lower("4.10.0", "4.9.9")).isFalse();
        assertThat(ReferenceRules.lower("4.2.1", "4.2.1")).isFalse();
        assertThat(ReferenceRules.lower("cam-fw-4.2.1", "cam-fw-4.3.0")).isFalse();
    }

    @Test
    void shouldGroupAddressesByTheir24() {
        assertThat(ReferenceRules.network("10.3.0.17")).isEqualTo("10.3.0.0/24");
        assertThat(ReferenceRules.network("10.3.78.200")).isNotEqualTo(ReferenceRules.network("10.3.0.17"));
    }

    @Test
    void shouldMatchIpv4Cidrs() {
        assertThat(ReferenceRules.inCidr("10.250.0.0/16", "10.250.15.163")).isTrue();
        assertThat(ReferenceRules.inCidr("10.250.0.0/16", "10.251.0.1")).isFalse();
        assertThat(ReferenceRules.inCidr("10.1.0.0/16", "203.0.113.9")).isFalse();
    }
}
