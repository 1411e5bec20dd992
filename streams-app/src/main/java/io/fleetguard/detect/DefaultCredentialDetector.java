package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.util.List;
import java.util.Locale;

/** An authentication or telemetry record presenting a factory-default credential, a known default-credential fingerprint or a default principal (admin, root, ...) is a default credential: CRITICAL when used, MEDIUM when only tried. */
public final class DefaultCredentialDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.DEFAULT_CREDENTIAL;
    }

    // One finding per activity, naming the strongest reason: a registered factory-default
    // credential, then a publicly known default secret, then a default user name. Works without
    // an identity too: an unknown device trying "admin" is still a default-credential attempt.
    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        if (activity.kind() != Activity.Kind.AUTH && activity.kind() != Activity.Kind.TELEMETRY) {
            return List.of();
        }
        boolean used = activity.isCredentialUse();
        Credential registered = CredentialLookup.find(identity, activity);
        String fingerprint = CredentialLookup.presentedFingerprint(activity);
        String principal = activity.principal();
        if (registered != null && registered.getFactoryDefault()) {
            return finding(used, registered.getFingerprint(), "factory-default " + registered.getType()
                    + " credential " + registered.getFingerprint(), activity,
                    Evidence.ofCredentialUse(activity, registered).put("reason", "factory-default"));
        }
        if (policy.isKnownDefaultFingerprint(fingerprint)) {
            String subject = fingerprint.toLowerCase(Locale.ROOT);
            return finding(used, subject, "known default credential " + subject, activity,
                    base(activity).put("reason", "known-default-fingerprint"));
        }
        if (policy.isDefaultPrincipal(principal)) {
            String name = principal.strip().toLowerCase(Locale.ROOT);
            return finding(used, "principal:" + name, "default principal " + name, activity,
                    base(activity).put("reason", "default-principal"));
        }
        return List.of();
    }

    private List<Finding> finding(boolean used, String subject, String what, Activity activity, Evidence evidence) {
        String summary = "Device " + activity.deviceId() + (used ? " used " : " tried ") + what;
        Severity severity = used ? Severity.CRITICAL : Severity.MEDIUM;
        evidence.put("outcome", used ? "used" : "tried");
        return List.of(new Finding(type(), severity, subject, summary, evidence.toMap()));
    }

    private static Evidence base(Activity activity) {
        return Evidence.of(activity)
                .put("principal", activity.principal())
                .put("credentialFingerprint", activity.credentialFingerprint())
                .put("clientId", activity.clientId())
                .put("sourceIp", activity.sourceIp());
    }
}
