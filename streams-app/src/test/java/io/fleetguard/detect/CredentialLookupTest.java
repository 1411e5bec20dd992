package io.fleetguard.detect;

import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

class CredentialLookupTest {

    private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
    private static final Instant MARCH = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant MAY = Instant.parse("2024-05-01T00:00:00Z");

    @Test
    void shouldFindCredentialByFingerprintIgnoringCase() {
        // Given
        Credential cert = aCredential("ABCDEF01").build();
        DeviceIdentity device = aDevice("cam-1").withCredential(aCredential("1111")).withCredential(cert).build();
        Activity auth = anAuthEvent("e1", "cam-1", T).withFingerprint("abcdef01").toActivity();

        // When
        Credential found = CredentialLookup.find(device, auth);

        // Then
        assertThat(found).isEqualTo(cert);
    }

    @Test
    void shouldNotFallBackToPrincipalWhenTheFingerprintIsUnknown() {
        // Given a known principal presented with an unknown credential
        DeviceIdentity device = aDevice("cam-1").withCredential(aCredential("aaaa").withPrincipal("cam-1")).build();
        Activity auth = anAuthEvent("e1", "cam-1", T).withFingerprint("ffff").withPrincipal("cam-1").toActivity();

        // When
        Credential found = CredentialLookup.find(device, auth);

        // Then
        assertThat(found).isNull();
    }

    @Test
    void shouldFindCredentialByPrincipalWhenNoFingerprint() {
        // Given
        Credential password = aCredential("aaaa").withPrincipal("cam-1").build();
        DeviceIdentity device = aDevice("cam-1").withCredential(aCredential("bbbb").withPrincipal("other")).withCredential(password).build();

        // When
        Credential found = CredentialLookup.find(device, aTelemetry("t1", "cam-1", T).withPrincipal("cam-1").toActivity());

        // Then
        assertThat(found).isEqualTo(password);
    }

    @Test
    void shouldTreatBlankFingerprintAsAbsent() {
        // Given
        Credential password = aCredential("aaaa").withPrincipal("cam-1").build();
        DeviceIdentity device = aDevice("cam-1").withCredential(password).build();
        Activity auth = anAuthEvent("e1", "cam-1", T).withFingerprint(" ").withPrincipal("cam-1").toActivity();

        // When / Then
        assertThat(CredentialLookup.find(device, auth)).isEqualTo(password);
    }

    @Test
    void shouldPreferTheLiveCredentialAmongRotatedOnesSharingAPrincipal() {
        // Given an older rotated-out credential, the live one, and a newer revoked one under one principal
        Credential rotatedOut = aCredential("0001").withPrincipal("cam-1").issuedAt(MARCH).supersededBy("0002").build();
        Credential live = aCredential("0002").withPrincipal("cam-1").issuedAt(MARCH.plusSeconds(60)).build();
        Credential revokedNewer = aCredential("0003").withPrincipal("cam-1").issuedAt(MAY).revoked().build();
        DeviceIdentity device = aDevice("cam-1").withCredential(rotatedOut).withCredential(revokedNewer).withCredential(live).build();

        // When
        Credential found = CredentialLookup.find(device, anAuthEvent("e1", "cam-1", T).withPrincipal("cam-1").toActivity());

        // Then
        assertThat(found).isEqualTo(live);
    }

    @Test
    void shouldPreferTheNewestAmongEquallyLiveCredentials() {
        // Given
        Credential older = aCredential("0001").withPrincipal("cam-1").issuedAt(MARCH).build();
        Credential newer = aCredential("0002").withPrincipal("cam-1").issuedAt(MAY).build();
        Credential retiredOlder = aCredential("0003").withPrincipal("gw").issuedAt(MARCH).revoked().build();
        Credential retiredNewer = aCredential("0004").withPrincipal("gw").issuedAt(MAY).supersededBy("9999").build();
        DeviceIdentity device = aDevice("cam-1")
                .withCredential(newer).withCredential(older).withCredential(retiredOlder).withCredential(retiredNewer).build();

        // When / Then
        assertThat(CredentialLookup.find(device, anAuthEvent("e1", "cam-1", T).withPrincipal("cam-1").toActivity())).isEqualTo(newer);
        assertThat(CredentialLookup.find(device, anAuthEvent("e2", "cam-1", T).withPrincipal("gw").toActivity())).isEqualTo(retiredNewer);
    }

    @Test
    void shouldFindNothingWithoutFingerprintAndPrincipal() {
        // Given
        DeviceIdentity device = aDevice("cam-1").withCredential(aCredential("aaaa")).build();

        // When / Then
        assertThat(CredentialLookup.find(device, anAuthEvent("e1", "cam-1", T).toActivity())).isNull();
    }

    @Test
    void shouldFindNothingForAnUnregisteredDeviceOrUnknownPrincipal() {
        // Given
        Activity auth = anAuthEvent("e1", "cam-1", T).withPrincipal("cam-1").toActivity();

        // When / Then
        assertThat(CredentialLookup.find(null, auth)).isNull();
        assertThat(CredentialLookup.find(aDevice("cam-1").withCredential(aCredential("aaaa")).build(), auth)).isNull();
    }

    @Test
    void shouldFindAUsedCredentialOnlyForUses() {
        // Given
        Credential cert = aCredential("aaaa").build();
        DeviceIdentity device = aDevice("cam-1").withCredential(cert).build();

        // When / Then a failed attempt is a try, not a use
        assertThat(CredentialLookup.findUsed(device, anAuthEvent("e1", "cam-1", T).withFingerprint("aaaa").toActivity()))
                .isEqualTo(cert);
        assertThat(CredentialLookup.findUsed(device, anAuthEvent("e2", "cam-1", T).withFingerprint("aaaa").failure("bad cert").toActivity()))
                .isNull();
    }
}
