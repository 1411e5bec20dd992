package io.fleetguard.sim;

import io.fleetguard.schema.AuthMethod;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.CredentialType;
import io.fleetguard.schema.DeviceIdentity;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static io.fleetguard.sim.CredentialClock.DAY;

/**
 * Issues the fleet's credentials. Generation g of device i always has the same fingerprint; its
 * dates depend on the device's role: healthy devices hold credentials well inside the policy,
 * reserved devices hold the stale, lapsed or expiring credential their incident needs.
 */
final class CredentialIssuer {

    private final long seed;
    private final long start;
    private final CredentialClock clock;

    CredentialIssuer(long seed, Instant start, CredentialClock clock) {
        this.seed = seed;
        this.start = start.toEpochMilli();
        this.clock = clock;
    }

    /** Generation {@code generation} of the device's credential, with the type's standard lifetime. */
    Credential issue(DeviceProfile p, int generation, long issuedAt) {
        long validity = clock.validity(p.credentialType());
        return issue(p, generation, issuedAt, validity > 0 ? Long.valueOf(issuedAt + validity) : null);
    }

    /** The device's registered credentials, oldest first, the last one current. */
    List<Credential> initial(DeviceProfile p, long updatedAt) {
        SplittableRandom random = Seeds.random(seed, Seeds.CREDENTIALS, p.index());
        return switch (p.role()) {
            case STALE -> List.of(stale(p, random));
            case LAPSED -> List.of(lapsed(p, random));
            case EXPIRING -> List.of(expiring(p, random));
            case GATEWAY, NORMAL -> healthy(p, random, updatedAt);
        };
    }

    /** The credential a device presents: the newest neither revoked nor superseded. */
    static Credential current(DeviceIdentity identity) {
        List<Credential> credentials = identity.getCredentials();
        for (int i = credentials.size() - 1; i >= 0; i--) {
            Credential c = credentials.get(i);
            if (!c.getRevoked() && c.getSupersededBy() == null) {
                return c;
            }
        }
        throw new IllegalStateException("device " + identity.getDeviceId() + " has no live credential");
    }

    /**
     * The credential as rotated out by {@code successor}, and revoked if asked. Built field by
     * field: Avro's copy builders deep-copy enums through a class check that rejects our
     * generated classes unless org.apache.avro.SERIALIZABLE_PACKAGES is set.
     */
    static Credential retired(Credential c, String successor, boolean revoked) {
        return Credential.newBuilder()
                .setFingerprint(c.getFingerprint())
                .setType(c.getType())
                .setPrincipal(c.getPrincipal())
                .setIssuedAt(c.getIssuedAt())
                .setExpiresAt(c.getExpiresAt())
                .setRevoked(revoked)
                .setFactoryDefault(c.getFactoryDefault())
                .setSupersededBy(successor)
                .build();
    }

    static AuthMethod method(CredentialType type) {
        return switch (type) {
            case X509_CERT -> AuthMethod.MTLS;
            case API_TOKEN -> AuthMethod.TOKEN;
            case PASSWORD -> AuthMethod.PASSWORD;
            case PSK -> AuthMethod.PSK;
        };
    }

    static String principal(CredentialType type, String deviceId) {
        return switch (type) {
            case X509_CERT, PASSWORD -> deviceId;
            case API_TOKEN -> "device:" + deviceId;
            case PSK -> "psk:" + deviceId;
        };
    }

    private Credential issue(DeviceProfile p, int generation, long issuedAt, Long expiresAt) {
        return Credential.newBuilder()
                .setFingerprint(FakeSecrets.fingerprint(seed, FakeSecrets.FLEET, p.index(), generation))
                .setType(p.credentialType())
                .setPrincipal(principal(p.credentialType(), p.deviceId()))
                .setIssuedAt(Instant.ofEpochMilli(issuedAt))
                .setExpiresAt(expiresAt == null ? null : Instant.ofEpochMilli(expiresAt))
                .setRevoked(false)
                .setFactoryDefault(false)
                .setSupersededBy(null)
                .build();
    }

    // Issued before the registry record was written and at least ten days short of renewal.
    private List<Credential> healthy(DeviceProfile p, SplittableRandom random, long updatedAt) {
        long maxAge = Math.max(0, clock.renewalAge(p.credentialType()) - 10 * DAY);
        long issuedAt = updatedAt - random.nextLong(maxAge + 1);
        if (!p.history()) {
            return List.of(issue(p, 0, issuedAt));
        }
        Credential current = issue(p, 1, issuedAt);
        Credential previous = issue(p, 0, issuedAt - (30 + random.nextLong(300)) * DAY);
        return List.of(retired(previous, current.getFingerprint(), p.historyRevoked()), current);
    }

    // Past the rotation limit at start, but expiring (if at all) years later: stale and only stale.
    private Credential stale(DeviceProfile p, SplittableRandom random) {
        CredentialType type = p.credentialType();
        long issuedAt = start - clock.rotationLimit(type) - (15 + random.nextLong(200)) * DAY;
        Long expiresAt = switch (type) {
            case X509_CERT -> start + 3000 * DAY;
            case API_TOKEN -> start + 700 * DAY;
            case PASSWORD, PSK -> null;
        };
        return issue(p, 0, issuedAt, expiresAt);
    }

    // A 90-day certificate that lapsed up to a month before start: expired, yet young.
    private Credential lapsed(DeviceProfile p, SplittableRandom random) {
        long expiresAt = start - (1 + random.nextLong(30)) * DAY;
        return issue(p, 0, expiresAt - 90 * DAY, expiresAt);
    }

    // Cohort k expires about (k + 1) * 3/4 of an expiring window after start, so at any time
    // before the last cohort expires one cohort is inside its expiring window.
    private Credential expiring(DeviceProfile p, SplittableRandom random) {
        long spacing = expiringSpacing();
        int cohort = FleetLayout.expiringCohort(p.index());
        long expiresAt = start + spacing * (cohort + 1) + random.nextLong(spacing / 8 + 1);
        long lifetime = Math.min(365 * DAY, clock.rotationLimit(CredentialType.X509_CERT) - 2 * DAY);
        return issue(p, 0, expiresAt - lifetime, expiresAt);
    }

    long expiringSpacing() {
        return clock.expiringWindow() * 3 / 4;
    }

    /** The cohort inside its expiring window at {@code at}, or -1 when none will be. */
    int expiringCohortAt(long at) {
        long spacing = expiringSpacing();
        if (spacing <= 0) {
            return -1;
        }
        long cohort = Math.max(0, (at + CredentialClock.MARGIN - start) / spacing);
        return cohort < FleetLayout.EXPIRING_COHORTS ? (int) cohort : -1;
    }
}
