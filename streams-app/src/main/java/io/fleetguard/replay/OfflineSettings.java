package io.fleetguard.replay;

import io.fleetguard.config.ConfigKeys;
import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration of an offline replay: the user's FleetGuard settings (policy thresholds,
 * validation limits, topic names) with everything that concerns a cluster replaced. Offline there is
 * no broker and no Schema Registry: the serde round trip goes through an in-memory registry.
 */
final class OfflineSettings {

    private OfflineSettings() {
    }

    /**
     * @param settings the merged user settings (file &lt; environment &lt; command line); {@code kafka.*}
     *                 client settings are dropped, they mean nothing without a broker
     */
    static FleetGuardConfig config(Map<String, String> settings, Path stateDir, String registryScope) {
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
        // Offline, records arrive in event-time order, so a registry version always precedes the
        // events it governs: holding events back (the live remedy for late registry updates) would
        // change nothing but leave the last grace period of events unjoined at the end of the input.
        s.put(ConfigKeys.REGISTRY_JOIN_GRACE_MS, "0");
        s.put(ConfigKeys.INGEST_ENABLED, "false"); // broker logs are not an offline input (yet)
        return ConfigLoader.fromMap(s);
    }
}
