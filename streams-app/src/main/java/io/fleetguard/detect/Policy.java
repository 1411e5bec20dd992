package io.fleetguard.detect;

import io.fleetguard.schema.CredentialType;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Detection thresholds, built once from configuration. Defaults follow DESIGN.md section 5:
 * rotation limits of 90 d for passwords and PSKs, 30 d for tokens, and 397 d for X.509
 * certificates (the CA/Browser Forum's maximum TLS certificate lifetime); a credential
 * "expiring" within 30 d.
 */
public record Policy(Map<CredentialType, Duration> rotationLimits, Duration expiringWindow) {

    public Policy {
        Objects.requireNonNull(expiringWindow, "expiringWindow");
        EnumMap<CredentialType, Duration> copy = new EnumMap<>(CredentialType.class);
        copy.putAll(rotationLimits);
        for (CredentialType t : CredentialType.values()) {
            if (!copy.containsKey(t)) {
                throw new IllegalArgumentException("no rotation limit for credential type " + t);
            }
        }
        rotationLimits = Map.copyOf(copy);
    }

    public static Policy defaults() {
        return new Policy(Map.of(
                CredentialType.PASSWORD, Duration.ofDays(90),
                CredentialType.PSK, Duration.ofDays(90),
                CredentialType.API_TOKEN, Duration.ofDays(30),
                CredentialType.X509_CERT, Duration.ofDays(397)),
                Duration.ofDays(30));
    }

    public Duration rotationLimit(CredentialType type) {
        return rotationLimits.get(type);
    }
}
