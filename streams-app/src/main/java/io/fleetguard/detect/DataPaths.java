package io.fleetguard.detect;

import java.util.List;

/**
 * Decides whether a destination lies within a device's allowed data paths: entries containing
 * "://" are URL prefixes that must end at a path, query or fragment boundary; all others are
 * MQTT topic filters.
 */
public final class DataPaths {

    private DataPaths() {
    }

    /** @return true when any allowed entry admits the destination; false for a null destination */
    public static boolean allows(List<String> allowed, String destination) {
        if (destination == null) {
            return false;
        }
        for (String entry : allowed) {
            if (entry == null) {
                continue;
            }
            boolean match = entry.contains("://")
                    ? urlPrefixAllows(entry, destination)
                    : MqttTopicFilter.matches(entry, destination);
            if (match) {
                return true;
            }
        }
        return false;
    }

    // A bare startsWith would let "https://api.x.com/v1" admit "https://api.x.com/v1evil" or
    // "https://api.x.com.evil.net": the prefix must end exactly at a URL component boundary.
    static boolean urlPrefixAllows(String prefix, String destination) {
        if (!destination.startsWith(prefix)) {
            return false;
        }
        if (prefix.endsWith("/") || destination.length() == prefix.length()) {
            return true;
        }
        char next = destination.charAt(prefix.length());
        return next == '/' || next == '?' || next == '#';
    }
}
