package io.fleetguard.detect;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.CredentialType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DefaultCredentialDetectorTest {

    private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
    private final Detector detector = new DefaultCredentialDetector();

    private final DeviceIdentity factoryDefault = aDevice("cam-1")
            .withCredential(aCredential("dfdf").withType(CredentialType.PASSWORD).withPrincipal("cam-1").factoryDefault())
            .build();

    @Test
    void shouldRaiseCriticalWhenAFactoryDefaultCredentialIsUsed() {
        // Given
        Activity auth = anAuthEvent("e1", "cam-1", T).withFingerprint("dfdf").toActivity();

        // When
        List<Finding> findings = detector.detect(auth, factoryDefault, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.DEFAULT_CREDENTIAL, Severity.CRITICAL, "dfdf",
                "Device cam-1 used factory-default PASSWORD credential dfdf",
                Map.ofEntries(entry("activity", "AUTH"), entry("eventId", "e1"), entry("credentialFingerprint", "dfdf"),
                        entry("credentialType", "PASSWORD"), entry("principal", "cam-1"),
                        entry("issuedAt", "2024-01-01T00:00:00Z"), entry("clientId", "cam-1"),
                        entry("sourceIp", "10.0.0.10"), entry("reason", "factory-default"), entry("outcome", "used"))));
    }

    @Test
    void shouldRaiseMediumWhenAFactoryDefaultCredentialIsOnlyTried() {
        // Given
        Activity failed = anAuthEvent("e1", "cam-1", T).withFingerprint("DFDF").failure("account disabled").toActivity();

        // When
        List<Finding> findings = detector.detect(failed, factoryDefault, Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::severity, Finding::subject, Finding::summary, f -> f.evidence().get("outcome"))
                .containsExactly(tuple(Severity.MEDIUM, "dfdf", "Device cam-1 tried factory-default PASSWORD credential dfdf", "tried"));
    }

    @Test
    void shouldRaiseMediumWhenAnUnknownDeviceTriesADefaultPrincipal() {
        // Given an unregistered device failing as "Admin"
        Activity failed = anAuthEvent("e1", "cam-9", T).withPrincipal("Admin").failure("bad password").toActivity();

        // When
        List<Finding> findings = detector.detect(failed, null, Policy.defaults());

        // Then the subject is case-folded so "admin" and "Admin" are one alert
        assertThat(findings).containsExactly(new Finding(AlertType.DEFAULT_CREDENTIAL, Severity.MEDIUM, "principal:admin",
                "Device cam-9 tried default principal admin",
                Map.of("activity", "AUTH", "eventId", "e1", "principal", "Admin", "clientId", "cam-9",
                        "sourceIp", "10.0.0.10", "reason", "default-principal", "outcome", "tried")));
    }

    @Test
    void shouldRaiseCriticalForTelemetryOverAKnownDefaultFingerprint() {
        // Given a publicly known default secret, presented by a registered device that does not hold it
        Policy policy = Policy.defaults().withDefaultCredentialFingerprints(Set.of("badc0de"));
        Activity telemetry = aTelemetry("t1", "cam-1", T).withFingerprint("BADC0DE").withPrincipal("cam-1").toActivity();

        // When
        List<Finding> findings = detector.detect(telemetry, factoryDefault, policy);

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.DEFAULT_CREDENTIAL, Severity.CRITICAL, "badc0de",
                "Device cam-1 used known default credential badc0de",
                Map.of("activity", "TELEMETRY", "eventId", "t1", "principal", "cam-1", "credentialFingerprint", "BADC0DE",
                        "clientId", "cam-1", "sourceIp", "10.0.0.10", "reason", "known-default-fingerprint",
                        "outcome", "used")));
    }

    @Test
    void shouldNameTheRegisteredFactoryDefaultBeforeTheDefaultPrincipal() {
        // Given a factory-default credential whose principal is also a default principal
        DeviceIdentity device = aDevice("cam-1")
                .withCredential(aCredential("dfdf").withType(CredentialType.PASSWORD).withPrincipal("admin").factoryDefault())
                .build();
        Activity auth = anAuthEvent("e1", "cam-1", T).withPrincipal("admin").toActivity();

        // When
        List<Finding> findings = detector.detect(auth, device, Policy.defaults());

        // Then one finding, about the credential
        assertThat(findings).extracting(Finding::subject, f -> f.evidence().get("reason"))
                .containsExactly(tuple("dfdf", "factory-default"));
    }

    @Test
    void shouldRaiseCriticalWhenADefaultPrincipalIsUsedWithARegisteredCredential() {
        // Given a live, non-default credential that is nevertheless named "root"
        DeviceIdentity device = aDevice("cam-1").withCredential(aCredential("aaaa").withPrincipal("root")).build();
        Activity auth = anAuthEvent("e1", "cam-1", T).withPrincipal("root").toActivity();

        // When
        List<Finding> findings = detector.detect(auth, device, Policy.defaults());

        // Then
        assertThat(findings).extracting(Finding::severity, Finding::subject)
                .containsExactly(tuple(Severity.CRITICAL, "principal:root"));
    }

    @Test
    void shouldNotFireForAnOrdinaryCredentialOrPrincipal() {
        // Given
        DeviceIdentity device = aDevice("cam-1").withCredential(aCredential("aaaa")).build();

        // When / Then
        assertThat(detector.detect(anAuthEvent("e1", "cam-1", T).withFingerprint("aaaa").toActivity(), device,
                Policy.defaults())).isEmpty();
        assertThat(detector.detect(aTelemetry("t1", "cam-1", T).withPrincipal("cam-1").toActivity(), device,
                Policy.defaults())).isEmpty();
        assertThat(detector.detect(anAuthEvent("e2", "cam-9", T).withPrincipal("administrators").failure("x").toActivity(),
                null, Policy.defaults())).isEmpty();
        assertThat(detector.detect(anAuthEvent("e3", "cam-9", T).toActivity(), null, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldIgnoreConfigChangesAndSupportSessions() {
        // Given activities whose actor or operator is "admin"
        Activity change = aConfigChange("c1", "cam-1", T).byActor("admin", ActorType.OWNER).toActivity();
        Activity session = aSupportSession("s1", "cam-1", T).withOperator("root").toActivity();

        // When / Then
        assertThat(detector.detect(change, factoryDefault, Policy.defaults())).isEmpty();
        assertThat(detector.detect(session, factoryDefault, Policy.defaults())).isEmpty();
    }

    @Test
    void shouldUseTheConfiguredPrincipals() {
        // Given
        Policy policy = Policy.defaults().withDefaultPrincipals(Set.of("operator"));

        // When
        List<Finding> admin = detector.detect(anAuthEvent("e1", "cam-9", T).withPrincipal("admin").toActivity(), null, policy);
        List<Finding> operator = detector.detect(anAuthEvent("e2", "cam-9", T).withPrincipal("OPERATOR").toActivity(), null, policy);

        // Then
        assertThat(admin).isEmpty();
        assertThat(operator).extracting(Finding::severity, Finding::subject)
                .containsExactly(tuple(Severity.CRITICAL, "principal:operator"));
    }
}
