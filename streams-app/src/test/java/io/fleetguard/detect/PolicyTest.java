package io.fleetguard.detect;

import io.fleetguard.schema.CredentialType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PolicyTest {

    private static final Map<CredentialType, Duration> LIMITS = Policy.defaults().rotationLimits();

    @Test
    void shouldDefaultToTheCataloguesThresholds() {
        // When
        Policy policy = Policy.defaults();

        // Then
        assertThat(policy.rotationLimits()).isEqualTo(Map.of(CredentialType.PASSWORD, Duration.ofDays(90),
                CredentialType.PSK, Duration.ofDays(90), CredentialType.API_TOKEN, Duration.ofDays(30),
                CredentialType.X509_CERT, Duration.ofDays(397)));
        assertThat(policy.expiringWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(policy.defaultPrincipals()).containsExactlyInAnyOrder("admin", "root", "administrator", "user",
                "guest", "default", "support", "test", "ubnt", "pi", "mosquitto", "device");
        assertThat(policy.defaultCredentialFingerprints()).isEmpty();
        assertThat(policy.supportMaxDuration()).isEqualTo(Duration.ofHours(4));
        assertThat(policy.burstCount()).isEqualTo(5);
        assertThat(policy.burstWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.dormancy()).isEqualTo(Duration.ofDays(90));
        assertThat(policy.sharedCredentialWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.suppressionWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.classOverrides()).isEmpty();
    }

    @Test
    void shouldKeepTheTwoArgumentConstructorsOtherThresholdsAtTheirDefaults() {
        assertThat(new Policy(LIMITS, Duration.ofDays(30))).isEqualTo(Policy.defaults());
    }

    @Test
    void shouldFallBackToTheFleetWideLimitsForAClassWithoutAnOverride() {
        // Given cameras rotate passwords after 30 d and keep support sessions to 1 h
        Policy policy = Policy.defaults().withClassOverrides(Map.of("Camera", DeviceClassOverride.none()
                .withRotationLimit(CredentialType.PASSWORD, Duration.ofDays(30))
                .withSupportMaxDuration(Duration.ofHours(1))));

        // When / Then the class matches case-insensitively; unset types and other classes fall back
        assertThat(policy.rotationLimit(CredentialType.PASSWORD, "camera")).isEqualTo(Duration.ofDays(30));
        assertThat(policy.rotationLimit(CredentialType.PASSWORD, "CAMERA")).isEqualTo(Duration.ofDays(30));
        assertThat(policy.rotationLimit(CredentialType.PSK, "camera")).isEqualTo(Duration.ofDays(90));
        assertThat(policy.rotationLimit(CredentialType.PASSWORD, "plc")).isEqualTo(Duration.ofDays(90));
        assertThat(policy.rotationLimit(CredentialType.PASSWORD, null)).isEqualTo(Duration.ofDays(90));
        assertThat(policy.supportMaxDuration("camera")).isEqualTo(Duration.ofHours(1));
        assertThat(policy.supportMaxDuration("plc")).isEqualTo(Duration.ofHours(4));
        assertThat(policy.supportMaxDuration(null)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void shouldKeepTheFleetWideSupportLimitForAClassThatOverridesOnlyRotation() {
        // Given
        Policy policy = Policy.defaults().withClassOverrides(Map.of("plc",
                DeviceClassOverride.none().withRotationLimit(CredentialType.X509_CERT, Duration.ofDays(730))));

        // When / Then
        assertThat(policy.supportMaxDuration("plc")).isEqualTo(Duration.ofHours(4));
        assertThat(policy.rotationLimit(CredentialType.X509_CERT, "plc")).isEqualTo(Duration.ofDays(730));
    }

    @Test
    void shouldCompareDefaultPrincipalsAndFingerprintsIgnoringCase() {
        // Given
        Policy policy = Policy.defaults()
                .withDefaultPrincipals(Set.of("Admin", " Operator "))
                .withDefaultCredentialFingerprints(Set.of("ABCDEF01"));

        // When / Then
        assertThat(policy.defaultPrincipals()).containsExactlyInAnyOrder("admin", "operator");
        assertThat(policy.isDefaultPrincipal("ADMIN")).isTrue();
        assertThat(policy.isDefaultPrincipal(" operator")).isTrue();
        assertThat(policy.isDefaultPrincipal("root")).isFalse();
        assertThat(policy.isDefaultPrincipal(null)).isFalse();
        assertThat(policy.isKnownDefaultFingerprint("abcdef01")).isTrue();
        assertThat(policy.isKnownDefaultFingerprint("abcdef02")).isFalse();
        assertThat(policy.isKnownDefaultFingerprint(null)).isFalse();
    }

    @Test
    void shouldRejectThresholdsThatCannotWork() {
        Duration zero = Duration.ZERO;
        Set<String> principals = Set.of("admin");
        assertThatIllegalArgumentException().isThrownBy(() -> new Policy(LIMITS, Duration.ofDays(30), principals,
                Set.of(), zero, 5, Duration.ofMinutes(5), Duration.ofDays(90), Duration.ofHours(24), Duration.ofHours(1), Map.of()))
                .withMessage("supportMaxDuration must be positive, was PT0S");
        assertThatIllegalArgumentException().isThrownBy(() -> new Policy(LIMITS, Duration.ofDays(30), principals,
                Set.of(), Duration.ofHours(4), 1, Duration.ofMinutes(5), Duration.ofDays(90), Duration.ofHours(24), Duration.ofHours(1), Map.of()))
                .withMessage("burstCount must be at least 2, was 1");
        assertThatIllegalArgumentException().isThrownBy(() -> new Policy(LIMITS, Duration.ofDays(30), principals,
                Set.of(), Duration.ofHours(4), 5, Duration.ofMinutes(5), Duration.ofDays(-1), Duration.ofHours(24), Duration.ofHours(1), Map.of()))
                .withMessage("dormancy must be positive, was PT-24H");
        assertThatIllegalArgumentException().isThrownBy(() -> DeviceClassOverride.none().withSupportMaxDuration(zero))
                .withMessage("supportMaxDuration must be positive, was PT0S");
        assertThatIllegalArgumentException().isThrownBy(() -> new Policy(Map.of(CredentialType.PASSWORD, Duration.ofDays(1)), Duration.ofDays(30)))
                .withMessageStartingWith("no rotation limit for credential type");
    }
}
