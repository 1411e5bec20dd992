package io.fleetguard.ocsf;

import io.fleetguard.alert.AlertCatalogue;
import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an {@link IdentityAlert} the way AlertFactory would: catalogue mappings for the type, one
 * triggering event, a device with an owner. {@code anAlert(IMPERSONATED_TELEMETRY).update().build()}.
 */
public final class AlertBuilder {

    static final Instant T = Instant.parse("2024-06-01T12:00:00Z");

    private final IdentityAlert.Builder alert;

    private AlertBuilder(AlertType type) {
        AlertCatalogue.Entry entry = AlertCatalogue.entry(type);
        alert = IdentityAlert.newBuilder()
                .setAlertId("a1b2c3d4")
                .setType(type)
                .setCategory(entry.category())
                .setSeverity(entry.severity())
                .setActivity(AlertActivity.NEW)
                .setDeviceId("cam-7")
                .setSubject("9f86d081884c7d65")
                .setEventTime(T)
                .setFirstSeen(T)
                .setLastSeen(T)
                .setCount(1L)
                .setSummary("Telemetry for cam-7 sent with another device's credential")
                .setEvidence(new TreeMap<>(Map.of("activity", "TELEMETRY", "eventId", "t-42", "sourceIp", "10.0.0.10",
                        "principal", "cam-8", "credentialFingerprint", "9f86d081884c7d65")))
                .setTriggeringEventIds(List.of("t-42"))
                .setOwner("ops-team")
                .setDeviceClass("camera")
                .setAttackTechniques(entry.attackTechniques())
                .setOwaspNhi(entry.owaspNhi())
                .setNistCsf(entry.nistCsf())
                .setRecommendedAction(entry.recommendedAction())
                .setRuleVersion("1");
    }

    public static AlertBuilder anAlert(AlertType type) {
        return new AlertBuilder(type);
    }

    /** A suppressed repeat of the same finding: same id, later event, higher count. */
    public AlertBuilder update() {
        alert.setActivity(AlertActivity.UPDATE)
                .setEventTime(T.plusSeconds(600))
                .setLastSeen(T.plusSeconds(600))
                .setCount(3L);
        return this;
    }

    public AlertBuilder withId(String alertId) {
        alert.setAlertId(alertId);
        return this;
    }

    public AlertBuilder withSubject(String subject) {
        alert.setSubject(subject);
        return this;
    }

    public AlertBuilder withSeverity(Severity severity) {
        alert.setSeverity(severity);
        return this;
    }

    public AlertBuilder withSummary(String summary) {
        alert.setSummary(summary);
        return this;
    }

    public AlertBuilder withEvidence(Map<String, String> evidence) {
        alert.setEvidence(new TreeMap<>(evidence));
        return this;
    }

    public AlertBuilder withDeviceId(String deviceId) {
        alert.setDeviceId(deviceId);
        return this;
    }

    public AlertBuilder withoutOwner() {
        alert.setOwner(null).setDeviceClass(null);
        return this;
    }

    public AlertBuilder withTriggeringEventIds(List<String> ids) {
        alert.setTriggeringEventIds(ids);
        return this;
    }

    public AlertBuilder withAttackTechniques(List<String> ids) {
        alert.setAttackTechniques(ids);
        return this;
    }

    public IdentityAlert build() {
        return alert.build();
    }
}
