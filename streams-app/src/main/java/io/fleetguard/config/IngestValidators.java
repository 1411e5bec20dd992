package io.fleetguard.config;

import io.fleetguard.ingest.IdentityMapping;
import io.fleetguard.ingest.LogFormat;
import org.apache.kafka.common.config.ConfigException;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Validators of the ingest.* keys; each reports every bad entry of a list in one message. */
final class IngestValidators {

    private IngestValidators() {
    }

    static void format(String name, Object value) {
        if (LogFormat.fromName(String.valueOf(value)).isEmpty()) {
            throw new ConfigException(name, value, "must be mosquitto, emqx or aws-iot");
        }
    }

    static void formats(String name, Object value) {
        List<String> bad = new ArrayList<>();
        for (Object o : (List<?>) value) {
            String entry = String.valueOf(o).trim();
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || LogFormat.fromName(entry.substring(colon + 1).trim()).isEmpty()) {
                bad.add(entry);
            }
        }
        if (!bad.isEmpty()) {
            throw new ConfigException(name, value, "entries must be broker:format with format mosquitto, emqx or aws-iot; bad: " + bad);
        }
    }

    static void deviceIdFrom(String name, Object value) {
        try {
            IdentityMapping.of(String.valueOf(value), null);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, "must be clientId, username, cn or principal");
        }
    }

    static void regex(String name, Object value) {
        String s = String.valueOf(value);
        if (s.isBlank()) {
            return;
        }
        try {
            if (Pattern.compile(s).matcher("").groupCount() != 1) {
                throw new ConfigException(name, value, "must have exactly one capture group");
            }
        } catch (PatternSyntaxException e) {
            throw new ConfigException(name, value, "not a regular expression: " + e.getDescription());
        }
    }

    static void ports(String name, Object value) {
        List<String> bad = new ArrayList<>();
        for (Object o : (List<?>) value) {
            try {
                int p = Integer.parseInt(String.valueOf(o).trim());
                if (p < 1 || p > 65535) {
                    bad.add(String.valueOf(o));
                }
            } catch (NumberFormatException e) {
                bad.add(String.valueOf(o));
            }
        }
        if (!bad.isEmpty()) {
            throw new ConfigException(name, value, "ports must be 1-65535; bad: " + bad);
        }
    }

    static void zone(String name, Object value) {
        try {
            ZoneId.of(String.valueOf(value));
        } catch (DateTimeException e) {
            throw new ConfigException(name, value, "not a time zone id such as UTC or Europe/Berlin");
        }
    }
}
