package io.fleetguard.config;

import io.fleetguard.detect.DeviceClassOverride;
import io.fleetguard.detect.Policy;
import io.fleetguard.schema.CredentialType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PolicyConfigTest {

    private static final Map<String, String> REQUIRED = Map.of(
            "kafka.bootstrap.servers", "broker:9092",
            "schema.registry.url", "mock://test");

    @Test
    void shouldBuildTheDefaultPolicyWhenNothingIsSet() {
        // When
        Policy policy = ConfigLoader.load(null, Map.of(), REQUIRED).policy();

        // Then
        assertThat(policy).isEqualTo(Policy.defaults());
    }

    @Test
    void shouldBuildEveryThresholdFromItsKey() {
        // Given
        Map<String, String> cli = new HashMap<>(REQUIRED);
        cli.put("policy.default.principals", "admin, Operator");
        cli.put("policy.default.credential.fingerprints", "ABCDEF01,0123");
        cli.put("policy.support.max.minutes", "90");
        cli.put("policy.burst.count", "10");
        cli.put("policy.burst.window.seconds", "60");
        cli.put("policy.dormancy.days", "30");
        cli.put("policy.shared.credential.window.hours", "12");
        cli.put("policy.suppression.window.minutes", "15");
        cli.put("policy.class.overrides", "camera:password.days=30, Camera:support.max.minutes=60, plc:cert.days=730");
        Map<String, String> env = Map.of("FLEETGUARD_POLICY_DORMANCY_DAYS", "45");

        // When
        Policy policy = ConfigLoader.load(null, env, cli).policy();

        // Then the command line wins over the environment, as for every key
        assertThat(policy).isEqualTo(new Policy(Policy.defaults().rotationLimits(), Duration.ofDays(30),
                Set.of("admin", "operator"), Set.of("abcdef01", "0123"), Duration.ofMinutes(90), 10,
                Duration.ofSeconds(60), Duration.ofDays(30), Duration.ofHours(12), Duration.ofMinutes(15),
                Map.of("camera", new DeviceClassOverride(Map.of(CredentialType.PASSWORD, Duration.ofDays(30)),
                                Duration.ofMinutes(60)),
                        "plc", new DeviceClassOverride(Map.of(CredentialType.X509_CERT, Duration.ofDays(730)), null))));
        assertThat(policy.rotationLimit(CredentialType.PASSWORD, "camera")).isEqualTo(Duration.ofDays(30));
        assertThat(policy.supportMaxDuration("CAMERA")).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void shouldAllowEmptyListsOfPrincipalsFingerprintsAndOverrides() {
        // Given
        Map<String, String> cli = new HashMap<>(REQUIRED);
        cli.put("policy.default.principals", "");
        cli.put("policy.class.overrides", "");

        // When
        Policy policy = ConfigLoader.load(null, Map.of(), cli).policy();

        // Then
        assertThat(policy.defaultPrincipals()).isEmpty();
        assertThat(policy.classOverrides()).isEmpty();
    }

    @Test
    void shouldReportEveryBadPolicyValueAndEveryBadEntry() {
        // Given
        Map<String, String> cli = new HashMap<>(REQUIRED);
        cli.put("policy.default.principals", "admin,,root, ");
        cli.put("policy.default.credential.fingerprints", "abcd,xyz,12:34");
        cli.put("policy.support.max.minutes", "0");
        cli.put("policy.burst.count", "1");
        cli.put("policy.burst.window.seconds", "-5");
        cli.put("policy.dormancy.days", "0");
        cli.put("policy.shared.credential.window.hours", "a day");
        cli.put("policy.suppression.window.minutes", "0");
        cli.put("policy.class.overrides", "camera:password.days=30,camera=30,plc:cert.days=0,plc:colour.days=3");

        // When
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> ConfigLoader.load(null, Map.of(), cli));

        // Then
        assertThat(e.problems()).containsExactly(
                "Invalid value [admin, , root, ] for configuration policy.default.principals: blank entries: '', ''",
                "Invalid value [abcd, xyz, 12:34] for configuration policy.default.credential.fingerprints: "
                        + "not hex fingerprints: 'xyz', '12:34'",
                "Invalid value 0 for configuration policy.support.max.minutes: Value must be at least 1",
                "Invalid value 1 for configuration policy.burst.count: Value must be at least 2",
                "Invalid value -5 for configuration policy.burst.window.seconds: Value must be at least 1",
                "Invalid value 0 for configuration policy.dormancy.days: Value must be at least 1",
                "Invalid value a day for configuration policy.shared.credential.window.hours: Not a number of type INT",
                "Invalid value 0 for configuration policy.suppression.window.minutes: Value must be at least 1",
                "Invalid value [camera:password.days=30, camera=30, plc:cert.days=0, plc:colour.days=3] for configuration "
                        + "policy.class.overrides: 'camera=30' is not <class>:<setting>=<value>; "
                        + "'plc:cert.days=0' needs a whole number of at least 1; "
                        + "'plc:colour.days=3' has unknown setting 'colour.days' "
                        + "(one of password.days, psk.days, token.days, cert.days, support.max.minutes)");
    }
}
