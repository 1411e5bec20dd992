package io.fleetguard.replay;

import io.fleetguard.config.ConfigKeys;
import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.ingest.BrokerLogTimes;
import io.fleetguard.ingest.LogFormat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration of an offline replay: the user's FleetGuard settings (policy thresholds,
 * validation limits, topic names, ingest.* parsing) with everything that concerns a cluster replaced.
 * Offline there is no broker and no Schema Registry: the serde round trip goes through an in-memory
 * registry.
 */
final class OfflineSettings {

    private OfflineSettings() {
    }

    /**
     * @param settings      the merged user settings (file &lt; environment &lt; command line); {@code kafka.*}
     *                      client settings are dropped, they mean nothing without a broker
     * @param brokerFormats the format of each broker whose raw log is replayed; with none, the
     *                      broker-log normalizer is off, as it has nothing to read
     */
    static FleetGuardConfig config(Map<String, String> settings, Map<String, LogFormat> brokerFormats, Path stateDir,
                                   String registryScope) {
        Map<String, String> s = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (!k.startsWith(ConfigKeys.KAFKA_PREFIX) && !k.startsWith("schema.registry.")) {
                s.put(k, v);
            }
        });
        s.put("kafka.bootstrap.servers", "offline.invalid:9092"); // required by the declarations, never contacted
        s.put("kafka.state.dir", stateDir.toString());
        // Records are processed one at a time and the run restarts from scratch if it fails:
        // transactions would only slow it down.
        s.put("kafka.processing.guarantee", "at_least_once");
        // Records are piped in event-time order already; never wait for "other partitions" (the
        // waiting logic also formats log text on every record).
        s.put("kafka.max.task.idle.ms", "-1");
        s.put("schema.registry.url", "mock://" + registryScope);
        s.put(ConfigKeys.AUTO_REGISTER_SCHEMAS, "true");
        s.put(ConfigKeys.APPLICATION_ID, "fleetguard-replay-offline");
        // Offline, records arrive in event-time order (ties in the event-order buffer's input order),
        // so the grace reorders nothing. It still sets how far behind stream time suppression updates
        // and overdue-session alerts fall due, so a replay given a live instance's grace emits what
        // that instance emitted by the end of the same input; the last grace period of activities then
        // waits, as it does live. Without one, 0: everything is judged.
        s.putIfAbsent(ConfigKeys.EVENT_ORDER_GRACE_MS, "0");
        s.put(ConfigKeys.INGEST_ENABLED, Boolean.toString(!brokerFormats.isEmpty()));
        if (!brokerFormats.isEmpty()) {
            // As the live app is told: ingest.formats, where the formats given with the files win.
            s.put(ConfigKeys.INGEST_FORMATS, formats(s.getOrDefault(ConfigKeys.INGEST_FORMATS, ""), brokerFormats));
        }
        return ConfigLoader.fromMap(s);
    }

    /** Reads broker log times as the normalizer does, under the ingest.mosquitto.* time settings. */
    static BrokerLogTimes brokerLogTimes(FleetGuardConfig config) {
        String pattern = config.getString(ConfigKeys.INGEST_MOSQUITTO_TIMESTAMP_PATTERN);
        return new BrokerLogTimes(ZoneId.of(config.getString(ConfigKeys.INGEST_MOSQUITTO_TIMEZONE)),
                pattern.isBlank() ? null : pattern);
    }

    /** The user's broker:format entries for other brokers, then one per replayed broker. */
    private static String formats(String userEntries, Map<String, LogFormat> brokerFormats) {
        List<String> entries = new ArrayList<>();
        for (String entry : userEntries.split(",")) {
            String e = entry.trim();
            int colon = e.lastIndexOf(':');
            if (!e.isEmpty() && !(colon > 0 && brokerFormats.containsKey(e.substring(0, colon).trim()))) {
                entries.add(e);
            }
        }
        brokerFormats.forEach((broker, format) -> entries.add(broker + ":" + format.origin()));
        return String.join(",", entries);
    }
}
