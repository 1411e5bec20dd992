package io.fleetguard.detect;

import io.fleetguard.schema.CredentialType;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Detection thresholds, built once from configuration. Defaults follow DESIGN.md section 5:
 * rotation limits of 90 d for passwords and PSKs, 30 d for tokens, and 397 d for X.509
 * certificates (the CA/Browser Forum's maximum TLS certificate lifetime); a credential
 * "expiring" within 30 d; support sessions of at most 4 h; 5 failures in 5 min make a burst;
 * 90 d of silence make a device dormant; a credential shared within 24 h; 1 h of suppression.
 *
 * <p>Per-device-class overrides replace the rotation limits and the support-session limit for
 * one class (matched case-insensitively); everything else is fleet-wide. Principals, fingerprints
 * and class names are held in lower case, so every lookup here is case-insensitive.
 *
 * @param defaultPrincipals             user names that devices ship with (DEFAULT_CREDENTIAL)
 * @param defaultCredentialFingerprints fingerprints of publicly known default secrets or certificates
 * @param supportMaxDuration            the longest allowed remote-support session (UNAPPROVED_REMOTE_SUPPORT)
 * @param burstCount                    failures within {@code burstWindow} that make an AUTH_FAILURE_BURST
 * @param dormancy                      silence after which a use is DORMANT_IDENTITY_REACTIVATED
 * @param sharedCredentialWindow        window in which one credential on 2+ devices is SHARED_CREDENTIAL
 * @param suppressionWindow             how long the same (type, device, subject) is raised only once
 * @param classOverrides                overrides by device class (lower case)
 */
public record Policy(
        Map<CredentialType, Duration> rotationLimits,
        Duration expiringWindow,
        Set<String> defaultPrincipals,
        Set<String> defaultCredentialFingerprints,
        Duration supportMaxDuration,
        int burstCount,
        Duration burstWindow,
        Duration dormancy,
        Duration sharedCredentialWindow,
        Duration suppressionWindow,
        Map<String, DeviceClassOverride> classOverrides) {

    /**
     * Principals IoT devices commonly ship with: generic administrator and user accounts, and the
     * well-known ones of Ubiquiti (ubnt), Raspberry Pi OS (pi) and Mosquitto sample configurations.
     */
    public static final List<String> DEFAULT_PRINCIPALS = List.of("admin", "root", "administrator", "user",
            "guest", "default", "support", "test", "ubnt", "pi", "mosquitto", "device");

    public Policy {
        Objects.requireNonNull(expiringWindow, "expiringWindow");
        EnumMap<CredentialType, Duration> copy = new EnumMap<>(CredentialType.class);
        copy.putAll(rotationLimits);
        for (CredentialType t : CredentialType.values()) {
            if (!copy.containsKey(t)) {
                throw new IllegalArgumentException("no rotation limit for credential type " + t);
            }
        }
        rotationLimits = Map.copyOf(copy);
        defaultPrincipals = lowerCase(defaultPrincipals);
        defaultCredentialFingerprints = lowerCase(defaultCredentialFingerprints);
        requirePositive(supportMaxDuration, "supportMaxDuration");
        if (burstCount < 2) { // a single failure is no burst
            throw new IllegalArgumentException("burstCount must be at least 2, was " + burstCount);
        }
        requirePositive(burstWindow, "burstWindow");
        requirePositive(dormancy, "dormancy");
        requirePositive(sharedCredentialWindow, "sharedCredentialWindow");
        requirePositive(suppressionWindow, "suppressionWindow");
        Map<String, DeviceClassOverride> byClass = new HashMap<>();
        classOverrides.forEach((deviceClass, override) -> byClass.put(key(deviceClass), override));
        classOverrides = Map.copyOf(byClass);
    }

    /** The given rotation limits and expiring window with every other threshold at its default. */
    public Policy(Map<CredentialType, Duration> rotationLimits, Duration expiringWindow) {
        this(rotationLimits, expiringWindow, Set.copyOf(DEFAULT_PRINCIPALS), Set.of(), Duration.ofHours(4),
                5, Duration.ofMinutes(5), Duration.ofDays(90), Duration.ofHours(24), Duration.ofHours(1), Map.of());
    }

    public static Policy defaults() {
        return new Policy(Map.of(
                CredentialType.PASSWORD, Duration.ofDays(90),
                CredentialType.PSK, Duration.ofDays(90),
                CredentialType.API_TOKEN, Duration.ofDays(30),
                CredentialType.X509_CERT, Duration.ofDays(397)),
                Duration.ofDays(30));
    }

    /** The fleet-wide rotation limit of a credential type. */
    public Duration rotationLimit(CredentialType type) {
        return rotationLimits.get(type);
    }

    /** The rotation limit for a device class: its override if it has one, else the fleet-wide limit. */
    public Duration rotationLimit(CredentialType type, String deviceClass) {
        Duration override = classOverride(deviceClass).rotationLimits().get(type);
        return override != null ? override : rotationLimit(type);
    }

    /** The longest allowed support session for a device class: its override if any, else the fleet-wide one. */
    public Duration supportMaxDuration(String deviceClass) {
        Duration override = classOverride(deviceClass).supportMaxDuration();
        return override != null ? override : supportMaxDuration;
    }

    /** The override of a device class; {@link DeviceClassOverride#none()} for a class without one or null. */
    public DeviceClassOverride classOverride(String deviceClass) {
        DeviceClassOverride override = deviceClass == null ? null : classOverrides.get(key(deviceClass));
        return override != null ? override : DeviceClassOverride.none();
    }

    /** True when the principal, ignoring case and surrounding blanks, is a default principal. */
    public boolean isDefaultPrincipal(String principal) {
        return principal != null && defaultPrincipals.contains(key(principal));
    }

    /** True when the fingerprint, ignoring case, is a known default credential's. */
    public boolean isKnownDefaultFingerprint(String fingerprint) {
        return fingerprint != null && defaultCredentialFingerprints.contains(key(fingerprint));
    }

    public Policy withDefaultPrincipals(Set<String> principals) {
        return new Policy(rotationLimits, expiringWindow, principals, defaultCredentialFingerprints, supportMaxDuration,
                burstCount, burstWindow, dormancy, sharedCredentialWindow, suppressionWindow, classOverrides);
    }

    public Policy withDefaultCredentialFingerprints(Set<String> fingerprints) {
        return new Policy(rotationLimits, expiringWindow, defaultPrincipals, fingerprints, supportMaxDuration,
                burstCount, burstWindow, dormancy, sharedCredentialWindow, suppressionWindow, classOverrides);
    }

    public Policy withSupportMaxDuration(Duration limit) {
        return new Policy(rotationLimits, expiringWindow, defaultPrincipals, defaultCredentialFingerprints, limit,
                burstCount, burstWindow, dormancy, sharedCredentialWindow, suppressionWindow, classOverrides);
    }

    public Policy withDormancy(Duration silence) {
        return new Policy(rotationLimits, expiringWindow, defaultPrincipals, defaultCredentialFingerprints,
                supportMaxDuration, burstCount, burstWindow, silence, sharedCredentialWindow, suppressionWindow, classOverrides);
    }

    public Policy withClassOverrides(Map<String, DeviceClassOverride> overrides) {
        return new Policy(rotationLimits, expiringWindow, defaultPrincipals, defaultCredentialFingerprints,
                supportMaxDuration, burstCount, burstWindow, dormancy, sharedCredentialWindow, suppressionWindow, overrides);
    }

    static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    private static Set<String> lowerCase(Set<String> values) {
        Set<String> out = new HashSet<>();
        values.forEach(v -> out.add(key(v)));
        return Set.copyOf(out);
    }

    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
