package io.fleetguard.detect;

import io.fleetguard.schema.CredentialType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceClassOverridesTest {

    @Test
    void shouldParseEverySettingByLowerCaseClass() {
        // Given
        List<String> entries = List.of("camera:password.days=30", "Camera:support.max.minutes=60",
                "plc:cert.days=730", "plc:psk.days=180", "sensor:token.days=7");

        // When
        DeviceClassOverrides.Parsed parsed = DeviceClassOverrides.parse(entries);

        // Then
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.overrides()).isEqualTo(Map.of(
                "camera", new DeviceClassOverride(Map.of(CredentialType.PASSWORD, Duration.ofDays(30)), Duration.ofMinutes(60)),
                "plc", new DeviceClassOverride(Map.of(CredentialType.X509_CERT, Duration.ofDays(730),
                        CredentialType.PSK, Duration.ofDays(180)), null),
                "sensor", new DeviceClassOverride(Map.of(CredentialType.API_TOKEN, Duration.ofDays(7)), null)));
    }

    @Test
    void shouldReportEveryBadEntryAndKeepTheGoodOnes() {
        // Given
        List<String> entries = List.of("camera=30", "camera:pasword.days=30", "camera:token.days=0",
                "plc:cert.days=lots", "camera:password.days=30", "CAMERA:password.days=45", "", "gw:psk.days=99999999999",
                "a b:psk.days=1");

        // When
        DeviceClassOverrides.Parsed parsed = DeviceClassOverrides.parse(entries);

        // Then
        assertThat(parsed.problems()).containsExactly(
                "'camera=30' is not <class>:<setting>=<value>",
                "'camera:pasword.days=30' has unknown setting 'pasword.days' "
                        + "(one of password.days, psk.days, token.days, cert.days, support.max.minutes)",
                "'camera:token.days=0' needs a whole number of at least 1",
                "'plc:cert.days=lots' needs a whole number of at least 1",
                "'CAMERA:password.days=45' sets camera:password.days more than once",
                "'' is not <class>:<setting>=<value>",
                "'gw:psk.days=99999999999' needs a whole number of at least 1",
                "'a b:psk.days=1' is not <class>:<setting>=<value>");
        assertThat(parsed.overrides()).isEqualTo(Map.of(
                "camera", new DeviceClassOverride(Map.of(CredentialType.PASSWORD, Duration.ofDays(30)), null)));
    }

    @Test
    void shouldParseNoEntriesToNoOverrides() {
        assertThat(DeviceClassOverrides.parse(List.of()))
                .isEqualTo(new DeviceClassOverrides.Parsed(Map.of(), List.of()));
    }
}
