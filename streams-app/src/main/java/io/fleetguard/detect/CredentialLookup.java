package io.fleetguard.detect;

import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;

/**
 * Finds which of a device's registered credentials an activity used: by fingerprint when the
 * activity carries one, otherwise by principal.
 */
public final class CredentialLookup {

    private CredentialLookup() {
    }

    /**
     * @return the credential the activity used, or null when the identity is null, the activity
     *         names neither fingerprint nor principal, or nothing registered matches. A fingerprint
     *         that matches nothing is not retried by principal: a known username over an unknown
     *         secret is not a use of the registered credential.
     */
    public static Credential find(DeviceIdentity identity, Activity activity) {
        if (identity == null) {
            return null;
        }
        String fingerprint = presentedFingerprint(activity);
        if (fingerprint != null) {
            for (Credential c : identity.getCredentials()) {
                if (fingerprint.equalsIgnoreCase(c.getFingerprint())) {
                    return c;
                }
            }
            return null;
        }
        String principal = activity.principal();
        return principal == null ? null : byPrincipal(identity, principal);
    }

    /** Like {@link #find}, but only for activities that count as a use of a credential. */
    public static Credential findUsed(DeviceIdentity identity, Activity activity) {
        return activity.isCredentialUse() ? find(identity, activity) : null;
    }

    /** The fingerprint the activity presented, or null when it has none (a blank one counts as none). */
    static String presentedFingerprint(Activity activity) {
        String fingerprint = activity.credentialFingerprint();
        return fingerprint == null || fingerprint.isBlank() ? null : fingerprint;
    }

    /** True when the credential has been revoked or rotated out (superseded by another). */
    public static boolean isRetired(Credential c) {
        return c.getRevoked() || c.getSupersededBy() != null;
    }

    // Rotation keeps old credentials under the same principal, so a principal alone is
    // attributed to the live one; among equals the newest issue wins.
    private static Credential byPrincipal(DeviceIdentity identity, String principal) {
        Credential best = null;
        for (Credential c : identity.getCredentials()) {
            if (principal.equals(c.getPrincipal()) && (best == null || isPreferred(c, best))) {
                best = c;
            }
        }
        return best;
    }

    private static boolean isPreferred(Credential candidate, Credential current) {
        boolean candidateLive = !isRetired(candidate);
        boolean currentLive = !isRetired(current);
        if (candidateLive != currentLive) {
            return candidateLive;
        }
        return candidate.getIssuedAt().isAfter(current.getIssuedAt());
    }
}
