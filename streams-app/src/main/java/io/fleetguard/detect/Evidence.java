package io.fleetguard.detect;

import io.fleetguard.schema.Credential;

import java.util.HashMap;
import java.util.Map;

/**
 * Collects the evidence map of a finding, keeping only non-null facts; instants are written as
 * ISO-8601 UTC by {@code Instant.toString()}.
 */
final class Evidence {

    private final Map<String, String> facts = new HashMap<>();

    private Evidence() {
    }

    /** Starts with what every finding names: the activity kind and its event id. */
    static Evidence of(Activity activity) {
        return new Evidence()
                .put("activity", activity.kind().name())
                .put("eventId", activity.eventId());
    }

    /** The facts of a credential use: the registered credential and where the use came from. */
    static Evidence ofCredentialUse(Activity activity, Credential credential) {
        return of(activity)
                .put("credentialFingerprint", credential.getFingerprint())
                .put("credentialType", credential.getType())
                .put("principal", credential.getPrincipal())
                .put("issuedAt", credential.getIssuedAt())
                .put("expiresAt", credential.getExpiresAt())
                .put("clientId", activity.clientId())
                .put("sourceIp", activity.sourceIp());
    }

    Evidence put(String key, Object value) {
        if (value != null) {
            facts.put(key, value.toString());
        }
        return this;
    }

    Map<String, String> toMap() {
        return facts;
    }
}
