package io.fleetguard.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DataPathsTest {

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource({
            "https://api.x.com/v1, https://api.x.com/v1, true",
            "https://api.x.com/v1, https://api.x.com/v1/readings, true",
            "https://api.x.com/v1, https://api.x.com/v1?batch=2, true",
            "https://api.x.com/v1, 'https://api.x.com/v1#top', true",
            "https://api.x.com/v1, https://api.x.com/v1evil, false",
            "https://api.x.com/v1, https://api.x.com/v2, false",
            "https://api.x.com/v1, http://api.x.com/v1, false",
            "https://api.x.com/v1/, https://api.x.com/v1/readings, true",
            "https://api.x.com/v1/, https://api.x.com/v1, false",
            "https://api.x.com, https://api.x.com.evil.net/v1, false",
            "https://api.x.com, https://api.x.com:8443/v1, false",
            "https://api.x.com, https://api.x.com@evil.net/, false"
    })
    void shouldAllowUrlOnlyAtAComponentBoundaryOfThePrefix(String prefix, String destination, boolean expected) {
        // When
        boolean allowed = DataPaths.allows(List.of(prefix), destination);

        // Then
        assertThat(allowed).isEqualTo(expected);
    }

    @Test
    void shouldTreatEntriesWithoutSchemeAsMqttFilters() {
        // Given
        List<String> allowed = List.of("devices/cam-1/#", "fleet/+/status");

        // When / Then
        assertThat(DataPaths.allows(allowed, "devices/cam-1/telemetry")).isTrue();
        assertThat(DataPaths.allows(allowed, "fleet/cam-1/status")).isTrue();
        assertThat(DataPaths.allows(allowed, "devices/cam-2/telemetry")).isFalse();
    }

    @Test
    void shouldAllowWhenAnyEntryOfAMixedListAllows() {
        // Given
        List<String> allowed = List.of("devices/cam-1/#", "https://ingest.example.com/v1");

        // When / Then
        assertThat(DataPaths.allows(allowed, "https://ingest.example.com/v1/frames")).isTrue();
        assertThat(DataPaths.allows(allowed, "devices/cam-1/frames")).isTrue();
        assertThat(DataPaths.allows(allowed, "https://other.example.com/v1")).isFalse();
    }

    @Test
    void shouldAllowNothingForAnEmptyListOrMissingDestination() {
        assertThat(DataPaths.allows(List.of(), "devices/cam-1/telemetry")).isFalse();
        assertThat(DataPaths.allows(List.of("#"), null)).isFalse();
    }

    @Test
    void shouldSkipNullAndInvalidEntries() {
        // Given
        List<String> allowed = Arrays.asList(null, "devices/#/x", "devices/cam-1/+");

        // When / Then
        assertThat(DataPaths.allows(allowed, "devices/cam-1/telemetry")).isTrue();
        assertThat(DataPaths.allows(allowed, "devices/cam-1/telemetry/x")).isFalse();
    }
}
