package io.fleetguard.bench;

import io.fleetguard.config.ConfigKeys;
import io.fleetguard.embedded.EmbeddedKafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data set of the bench: FleetGuard's topics under a name prefix, plus the baseline's outputs.
 * The throughput phase shares one set between both apps; each latency phase gets a fresh one, so
 * no app ever reads another phase's records.
 *
 * @param prefix prepended to every topic name, e.g. {@code bench.}
 */
public record BenchTopics(String prefix) {

    /** Suffix of the baseline output topic of each event topic. */
    static final String JOINED_SUFFIX = ".joined";
    private static final Duration SERVING_TIMEOUT = Duration.ofSeconds(30);

    public String registry() {
        return prefix + "registry";
    }

    /** The four activity topics, in a fixed order. */
    public List<String> events() {
        return List.of(prefix + "auth-events", prefix + "telemetry", prefix + "config-changes", prefix + "support-sessions");
    }

    /** Everything both apps consume: the registry and the event topics. */
    public List<String> inputs() {
        List<String> inputs = new ArrayList<>();
        inputs.add(registry());
        inputs.addAll(events());
        return inputs;
    }

    /**
     * One baseline output per event topic: under TopicNameStrategy a subject holds one record type,
     * so the serializer's per-topic schema-id cache stays hot, as it does for FleetGuard's alert topic.
     */
    public List<String> baselineOutputs() {
        return events().stream().map(BenchTopics::joinedOf).toList();
    }

    static String joinedOf(String eventTopic) {
        return eventTopic + JOINED_SUFFIX;
    }

    public String alerts() {
        return prefix + "alerts";
    }

    public String deadLetter() {
        return prefix + "dead-letter";
    }

    /** FleetGuard's {@code topic.*} settings for this set. */
    public Map<String, String> fleetGuardSettings() {
        List<String> events = events();
        Map<String, String> s = new LinkedHashMap<>();
        s.put(ConfigKeys.TOPIC_REGISTRY, registry());
        s.put(ConfigKeys.TOPIC_AUTH_EVENTS, events.get(0));
        s.put(ConfigKeys.TOPIC_TELEMETRY, events.get(1));
        s.put(ConfigKeys.TOPIC_CONFIG_CHANGES, events.get(2));
        s.put(ConfigKeys.TOPIC_SUPPORT_SESSIONS, events.get(3));
        s.put(ConfigKeys.TOPIC_BROKER_LOGS, prefix + "broker-logs");
        s.put(ConfigKeys.TOPIC_ALERTS, alerts());
        s.put(ConfigKeys.TOPIC_ALERTS_OCSF, prefix + "alerts.ocsf");
        s.put(ConfigKeys.TOPIC_DEAD_LETTER, deadLetter());
        // The bench feeds normalized events; the broker-log normalizer would only idle on an empty topic.
        s.put(ConfigKeys.INGEST_ENABLED, "false");
        return s;
    }

    /**
     * Creates the registry (compacted), event, alert, dead-letter and baseline output topics, and
     * returns once the broker serves all of them.
     */
    void create(EmbeddedKafka kafka, int partitions, CatchUp offsets) throws InterruptedException {
        kafka.createCompactedTopic(registry(), partitions);
        Map<String, Integer> others = new HashMap<>();
        events().forEach(t -> others.put(t, partitions));
        baselineOutputs().forEach(t -> others.put(t, partitions));
        others.put(alerts(), partitions);
        others.put(prefix + "alerts.ocsf", partitions);
        others.put(deadLetter(), partitions);
        kafka.createTopics(others);
        List<String> all = new ArrayList<>(others.keySet());
        all.add(registry());
        offsets.awaitServing(all, SERVING_TIMEOUT);
    }
}
