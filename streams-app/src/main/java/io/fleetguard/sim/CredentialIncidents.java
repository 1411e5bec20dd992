package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.CredentialType;

import java.util.Locale;

/**
 * Credential incidents. Stale, expired and expiring uses come from the devices reserved for
 * them, whose registry records already hold such a credential; a revoked use follows a
 * rotation that retires the device's fresh credential seconds before it is presented again.
 * Each use is emitted only if it raises exactly its type, well clear of any threshold, and only
 * while the device is not quiet: reserved devices are used by incidents alone, so one left
 * unused for the dormancy period is never used again (see {@link UseLog}).
 */
final class CredentialIncidents {

    private static final int ATTEMPTS = 16;
    // Short, so that even a demo of a few seconds sees the reuse.
    private static final long MAX_REUSE_DELAY = 9_000;

    private final SimContext ctx;

    CredentialIncidents(SimContext ctx) {
        this.ctx = ctx;
    }

    boolean stale(long at) {
        return reserved(at, FleetLayout.STALE_OFFSET, AlertType.STALE_CREDENTIAL);
    }

    boolean expired(long at) {
        return reserved(at, FleetLayout.LAPSED_OFFSET, AlertType.EXPIRED_CREDENTIAL);
    }

    /** Only the cohort whose certificates are inside the expiring window at {@code at} can serve. */
    boolean expiring(long at) {
        int cohort = ctx.fleet.issuer().expiringCohortAt(at);
        int cells = ctx.layout.reservedCount(FleetLayout.EXPIRING_OFFSET);
        if (cohort < 0 || cohort >= cells) {
            return false;
        }
        int members = (cells - 1 - cohort) / FleetLayout.EXPIRING_COHORTS + 1;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int cell = cohort + FleetLayout.EXPIRING_COHORTS * ctx.random.nextInt(members);
            int index = ctx.layout.reservedIndex(cell, FleetLayout.EXPIRING_OFFSET);
            if (useIfOnly(index, at, AlertType.CREDENTIAL_EXPIRING)) {
                return true;
            }
        }
        return false;
    }

    boolean revoked(long at) {
        int index = ctx.pickEligible(at, p -> p.direct() && ctx.rotatable(p.index(), at));
        if (!ctx.rotatable(index, at)) {
            return false;
        }
        long rotatedAt = ctx.renewIfDue(index, at);
        Credential old = ctx.currentCredential(index);
        boolean revoke = ctx.random.nextBoolean();
        long reusedAt = rotatedAt + SimContext.RENEWAL_LEAD + ctx.random.nextLong(MAX_REUSE_DELAY);
        Credential retired = CredentialIssuer.retired(old, "pending", revoke);
        if (!ctx.clock.raisesOnly(retired, reusedAt, AlertType.REVOKED_CREDENTIAL_IN_USE)) {
            return false;
        }
        ctx.rotate(index, rotatedAt, revoke);
        ctx.pin(index, at, reusedAt);
        DeviceProfile p = ctx.profile(index);
        String label = p.deviceId() + " used its " + (revoke ? "revoked" : "rotated-out") + " "
                + noun(old.getType()) + " after rotation";
        ctx.use(p, old, reusedAt, ctx.random.nextBoolean(), new Incident(AlertType.REVOKED_CREDENTIAL_IN_USE, label));
        return true;
    }

    private boolean reserved(long at, int offset, AlertType type) {
        int cells = ctx.layout.reservedCount(offset);
        for (int attempt = 0; attempt < ATTEMPTS && cells > 0; attempt++) {
            int index = ctx.layout.reservedIndex(ctx.random.nextInt(cells), offset);
            if (useIfOnly(index, at, type)) {
                return true;
            }
        }
        return false;
    }

    private boolean useIfOnly(int index, long at, AlertType type) {
        if (!ctx.usable(index, at)) {
            return false;
        }
        Credential credential = ctx.currentCredential(index);
        if (!ctx.clock.raisesOnly(credential, at, type)) {
            return false;
        }
        DeviceProfile p = ctx.profile(index);
        Incident incident = new Incident(type, label(type, p, credential, at));
        ctx.use(p, credential, at, ctx.random.nextBoolean(), incident);
        return true;
    }

    private static String label(AlertType type, DeviceProfile p, Credential c, long at) {
        String noun = noun(c.getType());
        return switch (type) {
            case STALE_CREDENTIAL -> String.format(Locale.ROOT, "%s used a %s issued %d days ago", p.deviceId(), noun,
                    days(at - c.getIssuedAt().toEpochMilli()));
            case EXPIRED_CREDENTIAL -> String.format(Locale.ROOT, "%s used a %s that expired %d days ago",
                    p.deviceId(), noun, days(at - c.getExpiresAt().toEpochMilli()));
            case CREDENTIAL_EXPIRING -> String.format(Locale.ROOT, "%s used a %s that expires in %d days",
                    p.deviceId(), noun, days(c.getExpiresAt().toEpochMilli() - at));
            default -> throw new IllegalArgumentException("not a reserved-device incident: " + type);
        };
    }

    private static long days(long millis) {
        return millis / CredentialClock.DAY;
    }

    private static String noun(CredentialType type) {
        return switch (type) {
            case X509_CERT -> "certificate";
            case API_TOKEN -> "token";
            case PASSWORD -> "password";
            case PSK -> "pre-shared key";
        };
    }
}
