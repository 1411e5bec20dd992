package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.time.Instant;
import java.util.List;

/**
 * A successful authentication of a registered device over a credential (fingerprint, else
 * principal) that its registry entry as of event time does not list is never silent: a credential
 * the device held in an earlier registry version was rotated out by replacement
 * (REVOKED_CREDENTIAL_IN_USE, HIGH); one it never held in the history kept is someone else's
 * credential presenting the device's identity (CLONED_IDENTITY, HIGH). A known default credential
 * or default principal is left to DEFAULT_CREDENTIAL, which already reports it.
 */
public final class UnlistedCredentialRule {

    private final Policy policy;

    public UnlistedCredentialRule(Policy policy) {
        this.policy = policy;
    }

    /** Older versions are read one at a time; a registry rewritten this often in the history kept is cut off. */
    static final int MAX_VERSIONS = 64;

    /** One registry version of the device and the event time from which it was valid. */
    public record Version(DeviceIdentity identity, long validFrom) {
    }

    /** The device's registry history, newest first. */
    @FunctionalInterface
    public interface History {
        /** @return the version valid just before {@code validFrom}, or null when none is kept */
        Version before(long validFrom);
    }

    /** True when the activity is a successful authentication over a credential the identity does not list. */
    public boolean applies(Activity activity, DeviceIdentity identity) {
        if (identity == null || activity.kind() != Activity.Kind.AUTH || !activity.success()) {
            return false;
        }
        String fingerprint = CredentialLookup.presentedFingerprint(activity);
        return (fingerprint != null || activity.principal() != null)
                && !policy.isKnownDefaultFingerprint(fingerprint) && !policy.isDefaultPrincipal(activity.principal())
                && CredentialLookup.find(identity, activity) == null;
    }

    /**
     * @param current the version valid at the activity's event time
     * @return one finding when {@link #applies} holds, else none
     */
    public List<Finding> detect(Activity activity, Version current, History history) {
        if (current == null || !applies(activity, current.identity())) {
            return List.of();
        }
        Version newer = current;
        for (int i = 0; i < MAX_VERSIONS; i++) {
            Version older = history.before(newer.validFrom());
            if (older == null) {
                break;
            }
            Credential held = CredentialLookup.find(older.identity(), activity);
            if (held != null) {
                return List.of(rotatedOut(activity, held, older, newer));
            }
            newer = older;
        }
        return List.of(notItsOwn(activity, newer.validFrom()));
    }

    // Same subject as the revoked-credential detector, so both ways of retiring a credential share
    // one suppression key.
    private static Finding rotatedOut(Activity activity, Credential held, Version lastListing, Version removal) {
        Instant removedAt = Instant.ofEpochMilli(removal.validFrom());
        String summary = "Device " + activity.deviceId() + " used " + held.getType() + " credential "
                + held.getFingerprint() + ", which left its registry entry at " + removedAt;
        Evidence evidence = Evidence.ofCredentialUse(activity, held)
                .put("reason", "removed-from-registry")
                .put("removedFromRegistryAt", removedAt)
                .put("lastListedSince", Instant.ofEpochMilli(lastListing.validFrom()));
        return new Finding(AlertType.REVOKED_CREDENTIAL_IN_USE, Severity.HIGH, held.getFingerprint(), summary,
                evidence.toMap());
    }

    private static Finding notItsOwn(Activity activity, long historyFrom) {
        String fingerprint = CredentialLookup.presentedFingerprint(activity);
        String presented = fingerprint != null ? "credential " + fingerprint : "principal " + activity.principal();
        String summary = "Device " + activity.deviceId() + " authenticated over " + presented
                + ", which was never registered to it";
        Evidence evidence = Evidence.of(activity)
                .put("reason", "unlisted-credential")
                .put("credentialFingerprint", fingerprint)
                .put("principal", activity.principal())
                .put("clientId", activity.clientId())
                .put("sourceIp", activity.sourceIp())
                .put("brokerId", activity.brokerId())
                .put("registryHistoryFrom", Instant.ofEpochMilli(historyFrom));
        return new Finding(AlertType.CLONED_IDENTITY, Severity.HIGH,
                fingerprint != null ? fingerprint : "principal:" + activity.principal(), summary, evidence.toMap());
    }
}
