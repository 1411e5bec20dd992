package io.fleetguard.sim;

import io.fleetguard.detect.Policy;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.CredentialType;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The credential rules of DESIGN.md section 5 read as a calendar: when a credential turns stale,
 * expiring or expired under a policy, and when the simulator renews one ahead of all three.
 */
final class CredentialClock {

    static final long DAY = Duration.ofDays(1).toMillis();
    /** Normal traffic renews a credential this long before any threshold, so it never raises an alert. */
    static final long RENEW_AHEAD = 2 * DAY;
    /** Incidents keep this far from every threshold, so a detector's &lt; versus &lt;= cannot matter. */
    static final long MARGIN = Duration.ofMinutes(1).toMillis();
    private static final long CERT_VALIDITY = Duration.ofDays(397).toMillis();
    private static final long TOKEN_VALIDITY = Duration.ofDays(90).toMillis();

    private final Policy policy;

    CredentialClock(Policy policy) {
        this.policy = policy;
    }

    long rotationLimit(CredentialType type) {
        return policy.rotationLimit(type).toMillis();
    }

    long expiringWindow() {
        return policy.expiringWindow().toMillis();
    }

    /** Lifetime of a newly issued credential, or 0 when the type does not expire (passwords, PSKs). */
    long validity(CredentialType type) {
        // Long enough that a fresh credential is not born inside the expiring window.
        long floor = expiringWindow() + 2 * RENEW_AHEAD + DAY;
        return switch (type) {
            case X509_CERT -> Math.max(CERT_VALIDITY, floor);
            case API_TOKEN -> Math.max(TOKEN_VALIDITY, floor);
            case PASSWORD, PSK -> 0;
        };
    }

    /** The age at which normal traffic renews a credential of this type. */
    long renewalAge(CredentialType type) {
        long age = rotationLimit(type);
        long validity = validity(type);
        if (validity > 0) {
            age = Math.min(age, validity - expiringWindow());
        }
        return Math.max(0, age - RENEW_AHEAD);
    }

    boolean needsRenewal(Credential c, long at) {
        if (at - issued(c) >= renewalAge(c.getType())) {
            return true;
        }
        return c.getExpiresAt() != null && at >= c.getExpiresAt().toEpochMilli() - expiringWindow() - RENEW_AHEAD;
    }

    /** The credential alert types a use of {@code c} at {@code at} raises. */
    Set<AlertType> findings(Credential c, long at) {
        Set<AlertType> found = EnumSet.noneOf(AlertType.class);
        if (at - issued(c) > rotationLimit(c.getType())) {
            found.add(AlertType.STALE_CREDENTIAL);
        }
        if (c.getRevoked() || c.getSupersededBy() != null) {
            found.add(AlertType.REVOKED_CREDENTIAL_IN_USE);
        }
        if (c.getExpiresAt() != null) {
            long expires = c.getExpiresAt().toEpochMilli();
            if (expires < at) {
                found.add(AlertType.EXPIRED_CREDENTIAL);
            } else if (expires <= at + expiringWindow()) {
                found.add(AlertType.CREDENTIAL_EXPIRING);
            }
        }
        return found;
    }

    /** True when a use at {@code at} raises exactly {@code type}, at least {@link #MARGIN} from any threshold. */
    boolean raisesOnly(Credential c, long at, AlertType type) {
        return findings(c, at).equals(EnumSet.of(type)) && !nearThreshold(c, at);
    }

    private boolean nearThreshold(Credential c, long at) {
        if (Math.abs(at - issued(c) - rotationLimit(c.getType())) < MARGIN) {
            return true;
        }
        if (c.getExpiresAt() == null) {
            return false;
        }
        long expires = c.getExpiresAt().toEpochMilli();
        return Math.abs(expires - at) < MARGIN || Math.abs(expires - at - expiringWindow()) < MARGIN;
    }

    private static long issued(Credential c) {
        return c.getIssuedAt().toEpochMilli();
    }
}
