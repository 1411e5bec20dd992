package io.fleetguard.alert;

import io.fleetguard.detect.Activity;
import io.fleetguard.detect.Finding;
import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a detector's finding into an {@link IdentityAlert}: deterministic id, catalogue mappings,
 * owner context, and text made safe for downstream consumers.
 */
public final class AlertFactory {

    public static final String RULE_VERSION = "1";

    private AlertFactory() {
    }

    public static IdentityAlert create(Finding finding, Activity activity, DeviceIdentity identity) {
        AlertCatalogue.Entry entry = AlertCatalogue.entry(finding.type());
        Instant at = Instant.ofEpochMilli(activity.timestamp());
        Map<String, String> evidence = new TreeMap<>();
        finding.evidence().forEach((k, v) -> evidence.put(SafeText.clean(k), SafeText.clean(v)));
        return IdentityAlert.newBuilder()
                .setAlertId(AlertIds.of(finding.type(), activity.deviceId(), finding.subject(), activity.eventId()))
                .setType(finding.type())
                .setCategory(entry.category())
                .setSeverity(finding.severity())
                .setActivity(AlertActivity.NEW)
                .setDeviceId(SafeText.clean(activity.deviceId()))
                .setSubject(SafeText.clean(finding.subject()))
                .setEventTime(at)
                .setFirstSeen(at)
                .setLastSeen(at)
                .setCount(1L)
                .setSummary(SafeText.clean(finding.summary()))
                .setEvidence(evidence)
                .setTriggeringEventIds(List.of(SafeText.clean(activity.eventId())))
                .setOwner(identity == null ? null : SafeText.clean(identity.getOwner()))
                .setDeviceClass(identity == null ? null : SafeText.clean(identity.getDeviceClass()))
                .setAttackTechniques(entry.attackTechniques())
                .setOwaspNhi(entry.owaspNhi())
                .setNistCsf(entry.nistCsf())
                .setRecommendedAction(entry.recommendedAction())
                .setRuleVersion(RULE_VERSION)
                .build();
    }
}
