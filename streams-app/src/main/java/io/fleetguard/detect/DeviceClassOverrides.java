package io.fleetguard.detect;

import io.fleetguard.schema.CredentialType;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses per-device-class overrides written as {@code <class>:<setting>=<value>}, e.g.
 * {@code camera:password.days=30} or {@code plc:support.max.minutes=480}. The settings mirror
 * the fleet-wide {@code policy.rotation.*.days} and {@code policy.support.max.minutes} keys;
 * values are whole numbers of at least 1; class names are matched case-insensitively.
 */
public final class DeviceClassOverrides {

    public static final String SUPPORT_MAX_MINUTES = "support.max.minutes";

    /** Setting name → what it overrides: a credential type's rotation limit in days, or null for support minutes. */
    private static final Map<String, CredentialType> SETTINGS = Collections.unmodifiableMap(settings());

    private static final Pattern ENTRY = Pattern.compile("([^\\s:=]+):([^\\s=]+)=(\\S+)");

    private DeviceClassOverrides() {
    }

    /**
     * @param overrides the valid entries, by lower-case device class
     * @param problems  one line per bad entry, in input order; empty when every entry is valid
     */
    public record Parsed(Map<String, DeviceClassOverride> overrides, List<String> problems) {

        public Parsed {
            overrides = Map.copyOf(overrides);
            problems = List.copyOf(problems);
        }
    }

    /** The setting names an entry may use, in documentation order. */
    public static Set<String> settingNames() {
        return SETTINGS.keySet();
    }

    /** Parses every entry, collecting a problem for each bad one instead of stopping at the first. */
    public static Parsed parse(List<String> entries) {
        Map<String, DeviceClassOverride> overrides = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : entries) {
            Matcher m = ENTRY.matcher(entry.strip());
            if (!m.matches()) {
                problems.add("'" + entry + "' is not <class>:<setting>=<value>");
                continue;
            }
            String deviceClass = m.group(1).toLowerCase(Locale.ROOT);
            String setting = m.group(2);
            Integer value = positiveInt(m.group(3));
            if (!SETTINGS.containsKey(setting)) {
                problems.add("'" + entry + "' has unknown setting '" + setting + "' (one of "
                        + String.join(", ", SETTINGS.keySet()) + ")");
            } else if (value == null) {
                problems.add("'" + entry + "' needs a whole number of at least 1");
            } else if (!seen.add(deviceClass + ":" + setting)) {
                problems.add("'" + entry + "' sets " + deviceClass + ":" + setting + " more than once");
            } else {
                DeviceClassOverride current = overrides.getOrDefault(deviceClass, DeviceClassOverride.none());
                overrides.put(deviceClass, apply(current, setting, value));
            }
        }
        return new Parsed(overrides, problems);
    }

    private static DeviceClassOverride apply(DeviceClassOverride override, String setting, int value) {
        CredentialType type = SETTINGS.get(setting);
        return type == null
                ? override.withSupportMaxDuration(Duration.of(value, ChronoUnit.MINUTES))
                : override.withRotationLimit(type, Duration.ofDays(value));
    }

    private static Integer positiveInt(String text) {
        try {
            int value = Integer.parseInt(text);
            return value >= 1 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, CredentialType> settings() {
        Map<String, CredentialType> settings = new LinkedHashMap<>();
        settings.put("password.days", CredentialType.PASSWORD);
        settings.put("psk.days", CredentialType.PSK);
        settings.put("token.days", CredentialType.API_TOKEN);
        settings.put("cert.days", CredentialType.X509_CERT);
        settings.put(SUPPORT_MAX_MINUTES, null);
        return settings;
    }
}
