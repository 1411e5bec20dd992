package io.fleetguard.detect;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A configuration change by anyone but the device's owner or automation that names no support session, or a firmware change to a lower semantic version, is unauthorized, one finding per reason. */
public final class UnauthorizedConfigChangeDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.UNAUTHORIZED_CONFIG_CHANGE;
    }

    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        ConfigChange change = activity.configChange();
        if (identity == null || change == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>(2);
        if (!isAuthorizedActor(change, identity) && isBlank(change.getSupportSessionId())) {
            String summary = change.getChangeType() + " change on device " + activity.deviceId() + " by "
                    + change.getActorType() + " " + change.getActor() + " outside any support session";
            findings.add(finding("change:" + change.getEventId(), summary,
                    base(activity, change, "unauthorized-actor").put("owner", identity.getOwner())));
        }
        if (isDowngrade(change)) {
            String summary = "Firmware of device " + activity.deviceId() + " downgraded from " + change.getFromValue()
                    + " to " + change.getToValue() + " by " + change.getActorType() + " " + change.getActor();
            findings.add(finding("firmware:" + change.getFromValue() + "->" + change.getToValue(), summary,
                    base(activity, change, "firmware-downgrade")));
        }
        return findings.isEmpty() ? List.of() : List.copyOf(findings);
    }

    // Automation and the registered owner may change the device on their own; anyone else needs
    // a support session. This stateless rule trusts a supportSessionId's presence: whether that
    // session was approved and covered the change time needs the session's history, which is
    // state, and is judged by the stateful correlation, not here.
    private static boolean isAuthorizedActor(ConfigChange change, DeviceIdentity identity) {
        if (change.getActorType() == ActorType.AUTOMATION) {
            return true;
        }
        String owner = identity.getOwner();
        return change.getActorType() == ActorType.OWNER && owner != null && !owner.isBlank()
                && owner.strip().equalsIgnoreCase(change.getActor().strip());
    }

    // Downgrades are judged only between two semantic versions; any other value claims no order.
    private static boolean isDowngrade(ConfigChange change) {
        if (change.getChangeType() != ChangeType.FIRMWARE) {
            return false;
        }
        Optional<SemanticVersion> from = SemanticVersion.parse(change.getFromValue());
        Optional<SemanticVersion> to = SemanticVersion.parse(change.getToValue());
        return from.isPresent() && to.isPresent() && to.get().isLowerThan(from.get());
    }

    private Finding finding(String subject, String summary, Evidence evidence) {
        return new Finding(type(), Severity.HIGH, subject, summary, evidence.toMap());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * A credential change's values are meant to be fingerprints, but a change tool may log the
     * secret itself (a new password, a PSK): only a sha256 fingerprint is shown, anything else is
     * {@code [hidden]}. Found by {@code fleetguard chaos} (planted secrets reached alerts and OCSF).
     */
    static String shown(ConfigChange change, String value) {
        if (value == null || change.getChangeType() != ChangeType.CREDENTIAL || FINGERPRINT.matcher(value).matches()) {
            return value;
        }
        return "[hidden]";
    }

    private static Evidence base(Activity activity, ConfigChange change, String reason) {
        return Evidence.of(activity)
                .put("reason", reason)
                .put("actor", change.getActor())
                .put("actorType", change.getActorType())
                .put("changeType", change.getChangeType())
                .put("fromValue", shown(change, change.getFromValue()))
                .put("toValue", shown(change, change.getToValue()))
                .put("ticketId", change.getTicketId())
                .put("supportSessionId", change.getSupportSessionId());
    }
}
