package io.fleetguard.detect;

import io.fleetguard.schema.CredentialType;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The thresholds one device class sets apart from the fleet-wide policy; whatever it leaves
 * unset falls back to the fleet-wide value.
 *
 * @param rotationLimits     rotation limits of the credential types this class overrides (may be
 *                           empty; types absent here use the fleet-wide limit)
 * @param supportMaxDuration the longest allowed remote-support session, or null to inherit it
 */
public record DeviceClassOverride(Map<CredentialType, Duration> rotationLimits, Duration supportMaxDuration) {

    public DeviceClassOverride {
        rotationLimits = Map.copyOf(rotationLimits);
        rotationLimits.forEach((type, limit) -> Policy.requirePositive(limit, "rotation limit of " + type));
        if (supportMaxDuration != null) {
            Policy.requirePositive(supportMaxDuration, "supportMaxDuration");
        }
    }

    /** An override that changes nothing. */
    public static DeviceClassOverride none() {
        return new DeviceClassOverride(Map.of(), null);
    }

    /** This override with one more rotation limit. */
    public DeviceClassOverride withRotationLimit(CredentialType type, Duration limit) {
        Objects.requireNonNull(type, "type");
        Map<CredentialType, Duration> limits = new java.util.EnumMap<>(CredentialType.class);
        limits.putAll(rotationLimits);
        limits.put(type, limit);
        return new DeviceClassOverride(limits, supportMaxDuration);
    }

    /** This override with a support-session limit of its own. */
    public DeviceClassOverride withSupportMaxDuration(Duration limit) {
        return new DeviceClassOverride(rotationLimits, Objects.requireNonNull(limit, "limit"));
    }
}
