package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

class UnlistedCredentialRuleTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private final UnlistedCredentialRule rule = new UnlistedCredentialRule(Policy.defaults());

    /** Versions oldest first, each valid from its updatedAt. */
    private static UnlistedCredentialRule.History history(List<UnlistedCredentialRule.Version> versions) {
        return validFrom -> {
            UnlistedCredentialRule.Version best = null;
            for (UnlistedCredentialRule.Version v : versions) {
                if (v.validFrom() < validFrom) {
                    best = v;
                }
            }
            return best;
        };
    }

    private static UnlistedCredentialRule.Version version(Instant at, String... fingerprints) {
        var device = aDevice("cam-1").updatedAt(at);
        for (String fp : fingerprints) {
            device.withCredential(aCredential(fp).withPrincipal("cam-1").issuedAt(T0));
        }
        return new UnlistedCredentialRule.Version(device.build(), at.toEpochMilli());
    }

    @Test
    void shouldReportACredentialThatLeftTheRegistryAsRotatedOutNamingWhenItLeft() {
        // Given fp-a listed from T0, replaced by fp-b at T0+10d, then an unrelated update at T0+20d
        List<UnlistedCredentialRule.Version> versions = List.of(version(T0, "fp-a"),
                version(T0.plus(Duration.ofDays(10)), "fp-b"), version(T0.plus(Duration.ofDays(20)), "fp-b"));
        Activity use = anAuthEvent("e1", "cam-1", T0.plus(Duration.ofDays(25))).success().withFingerprint("fp-a")
                .toActivity();

        // When
        List<Finding> findings = rule.detect(use, versions.get(2), history(versions));

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.REVOKED_CREDENTIAL_IN_USE, Severity.HIGH, "fp-a",
                "Device cam-1 used X509_CERT credential fp-a, which left its registry entry at 2026-05-11T00:00:00Z",
                Map.ofEntries(entry("activity", "AUTH"), entry("eventId", "e1"), entry("credentialFingerprint", "fp-a"),
                        entry("credentialType", "X509_CERT"), entry("principal", "cam-1"),
                        entry("issuedAt", "2026-05-01T00:00:00Z"), entry("clientId", "cam-1"), entry("sourceIp", "10.0.0.10"),
                        entry("reason", "removed-from-registry"), entry("removedFromRegistryAt", "2026-05-11T00:00:00Z"),
                        entry("lastListedSince", "2026-05-01T00:00:00Z"))));
    }

    @Test
    void shouldReportACredentialNeverListedInTheHistoryAsACloneOfTheIdentity() {
        // Given
        List<UnlistedCredentialRule.Version> versions = List.of(version(T0, "fp-a"), version(T0.plus(Duration.ofDays(10)), "fp-b"));
        Activity use = anAuthEvent("e1", "cam-1", T0.plus(Duration.ofDays(11))).success().withFingerprint("fp-z")
                .toActivity();

        // When
        List<Finding> findings = rule.detect(use, versions.get(1), history(versions));

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.CLONED_IDENTITY, Severity.HIGH, "fp-z",
                "Device cam-1 authenticated over credential fp-z, which was never registered to it",
                Map.of("activity", "AUTH", "eventId", "e1", "reason", "unlisted-credential", "credentialFingerprint", "fp-z",
                        "clientId", "cam-1", "sourceIp", "10.0.0.10", "brokerId", "broker-1",
                        "registryHistoryFrom", "2026-05-01T00:00:00Z")));
    }

    @Test
    void shouldMatchAPrincipalWithoutFingerprintAgainstTheHistoryToo() {
        // Given a password login by principal cam-1, whose credential left the registry
        List<UnlistedCredentialRule.Version> versions = List.of(version(T0, "fp-a"), version(T0.plus(Duration.ofDays(1))));
        Activity byName = anAuthEvent("e1", "cam-1", T0.plus(Duration.ofDays(2))).success().withPrincipal("cam-1").toActivity();
        Activity stranger = anAuthEvent("e2", "cam-1", T0.plus(Duration.ofDays(2))).success().withPrincipal("eve").toActivity();

        // When / Then
        assertThat(rule.detect(byName, versions.get(1), history(versions))).extracting(Finding::type, Finding::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertType.REVOKED_CREDENTIAL_IN_USE, "fp-a"));
        assertThat(rule.detect(stranger, versions.get(1), history(versions))).extracting(Finding::type, Finding::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertType.CLONED_IDENTITY, "principal:eve"));
    }

    @Test
    void shouldStayOutOfListedCredentialsFailuresTelemetryDefaultsAndUnknownDevices() {
        UnlistedCredentialRule.Version current = version(T0, "fp-a");
        DeviceIdentity identity = current.identity();

        assertThat(rule.applies(anAuthEvent("e1", "cam-1", T0).success().withFingerprint("FP-A").toActivity(), identity)).isFalse();
        assertThat(rule.applies(anAuthEvent("e2", "cam-1", T0).failure("bad").withFingerprint("fp-z").toActivity(), identity)).isFalse();
        assertThat(rule.applies(aTelemetry("t1", "cam-1", T0).withFingerprint("fp-z").toActivity(), identity)).isFalse();
        assertThat(rule.applies(anAuthEvent("e3", "cam-1", T0).success().withPrincipal("admin").toActivity(), identity)).isFalse();
        assertThat(rule.applies(anAuthEvent("e4", "cam-1", T0).success().toActivity(), identity)).isFalse();
        assertThat(rule.applies(anAuthEvent("e5", "cam-9", T0).success().withFingerprint("fp-z").toActivity(), null)).isFalse();
        assertThat(rule.applies(anAuthEvent("e6", "cam-1", T0).success().withFingerprint("fp-z").toActivity(), identity)).isTrue();
    }

    @Test
    void shouldReadAtMostTheBoundedNumberOfOlderVersions() {
        // Given fp-a listed only in the oldest of 100 versions
        List<UnlistedCredentialRule.Version> versions = new ArrayList<>();
        versions.add(version(T0, "fp-a"));
        for (int i = 1; i < 100; i++) {
            versions.add(version(T0.plus(Duration.ofHours(i)), "fp-b"));
        }
        int[] reads = {0};
        UnlistedCredentialRule.History all = history(versions);
        UnlistedCredentialRule.History counted = validFrom -> {
            reads[0]++;
            return all.before(validFrom);
        };
        Activity use = anAuthEvent("e1", "cam-1", T0.plus(Duration.ofDays(10))).success().withFingerprint("fp-a").toActivity();

        // When
        List<Finding> findings = rule.detect(use, versions.get(99), counted);

        // Then the walk stops before it: reported as never listed in the history it read
        assertThat(reads[0]).isEqualTo(UnlistedCredentialRule.MAX_VERSIONS);
        assertThat(findings).extracting(Finding::type).containsExactly(AlertType.CLONED_IDENTITY);
        assertThat(findings.get(0).evidence()).containsEntry("registryHistoryFrom",
                T0.plus(Duration.ofHours(99 - UnlistedCredentialRule.MAX_VERSIONS)).toString());
    }
}
