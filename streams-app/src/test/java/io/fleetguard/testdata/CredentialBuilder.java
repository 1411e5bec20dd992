package io.fleetguard.testdata;

import io.fleetguard.schema.Credential;
import io.fleetguard.schema.CredentialType;

import java.time.Instant;

/** Builds a {@link Credential}; defaults: X509_CERT, principal "cn-" + fingerprint, issued at {@link Builders#EPOCH}, no expiry, live. */
public final class CredentialBuilder {

    private final Credential.Builder credential;

    CredentialBuilder(String fingerprint) {
        credential = Credential.newBuilder()
                .setFingerprint(fingerprint)
                .setType(CredentialType.X509_CERT)
                .setPrincipal("cn-" + fingerprint)
                .setIssuedAt(Builders.EPOCH)
                .setExpiresAt(null)
                .setRevoked(false)
                .setFactoryDefault(false)
                .setSupersededBy(null);
    }

    public CredentialBuilder withType(CredentialType type) {
        credential.setType(type);
        return this;
    }

    public CredentialBuilder withPrincipal(String principal) {
        credential.setPrincipal(principal);
        return this;
    }

    public CredentialBuilder issuedAt(Instant issuedAt) {
        credential.setIssuedAt(issuedAt);
        return this;
    }

    public CredentialBuilder expiresAt(Instant expiresAt) {
        credential.setExpiresAt(expiresAt);
        return this;
    }

    public CredentialBuilder revoked() {
        credential.setRevoked(true);
        return this;
    }

    public CredentialBuilder supersededBy(String fingerprint) {
        credential.setSupersededBy(fingerprint);
        return this;
    }

    public CredentialBuilder factoryDefault() {
        credential.setFactoryDefault(true);
        return this;
    }

    public Credential build() {
        return credential.build();
    }
}
