package io.fleetguard.replay;

import io.fleetguard.config.ConfigKeys;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a named cluster replay lives: its own application id (so its consumer group, internal
 * topics and local state never touch the live app's) and its own alert and dead-letter topics.
 *
 * @param alertTopic      {@code fleetguard.alerts.replay.<name>} unless overridden
 * @param deadLetterTopic {@code fleetguard.dead-letter.replay.<name>}: replayed poison pills must not
 *                        land a second time in the live dead-letter topic
 */
public record ReplayTarget(String name, String applicationId, String alertTopic, String deadLetterTopic) {

    /** Topic-name characters, so that the name fits in the application id and the topic names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public static ReplayTarget of(String name, String alertTopicOverride) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("replay name '" + name + "' must be 1-100 letters, digits, '.', '_' or '-'"
                    + " and start with a letter or digit");
        }
        String alerts = alertTopicOverride != null ? alertTopicOverride : "fleetguard.alerts.replay." + name;
        return new ReplayTarget(name, "fleetguard-replay-" + name, alerts, "fleetguard.dead-letter.replay." + name);
    }

    /**
     * Settings that turn the live configuration into this replay's, applied with the highest
     * precedence. The broker-log normalizer is off: the live app already wrote normalized events to
     * the input topics, and a replay must never write to them again.
     */
    public Map<String, String> overrides() {
        return Map.of(ConfigKeys.APPLICATION_ID, applicationId,
                ConfigKeys.TOPIC_ALERTS, alertTopic,
                ConfigKeys.TOPIC_ALERTS_OCSF, alertTopic + ".ocsf",
                ConfigKeys.TOPIC_DEAD_LETTER, deadLetterTopic,
                ConfigKeys.INGEST_ENABLED, "false");
    }
}
