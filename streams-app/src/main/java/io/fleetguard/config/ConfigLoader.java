package io.fleetguard.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a {@link FleetGuardConfig} from three sources with precedence
 * properties file &lt; environment ({@code FLEETGUARD_...}) &lt; command line, and validates the
 * result as a whole: every problem is collected and reported at once.
 */
public final class ConfigLoader {

    /** Kafka settings FleetGuard owns itself; setting them under kafka.* would be silently wrong. */
    private static final Map<String, String> RESERVED_KAFKA_KEYS = Map.of(
            StreamsConfig.APPLICATION_ID_CONFIG, ConfigKeys.APPLICATION_ID,
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, ConfigKeys.TOPIC_DEAD_LETTER,
            StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, "(keys are UTF-8 strings)",
            StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, ConfigKeys.VALUE_SERDE_CLASS,
            StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
            ConfigKeys.ROCKSDB_MEMORY_BYTES + " and " + ConfigKeys.ROCKSDB_MEMTABLE_FRACTION + " (memory is bounded by FleetGuard)");

    private static final String ENV_PREFIX = "FLEETGUARD_";
    private static final String ENV_KAFKA_PREFIX = ENV_PREFIX + "KAFKA_";

    private ConfigLoader() {
    }

    /**
     * @param file properties file, or null for none
     * @param env  the process environment (only FLEETGUARD_* variables are read)
     * @param cli  key=value overrides from the command line
     * @throws InvalidConfigurationException listing every problem
     */
    public static FleetGuardConfig load(Path file, Map<String, String> env, Map<String, String> cli) {
        List<String> problems = new ArrayList<>();
        Map<String, String> merged = new TreeMap<>();
        if (file != null) {
            merged.putAll(readFile(file, problems));
        }
        merged.putAll(fromEnvironment(env, problems));
        merged.putAll(cli);
        return validate(merged, problems);
    }

    /** Validates an already merged key/value map (used by the embedded modes). */
    public static FleetGuardConfig fromMap(Map<String, String> settings) {
        return validate(new TreeMap<>(settings), new ArrayList<>());
    }

    /** Keys of earlier versions and what replaced them, so that an old file fails with the way forward. */
    private static final Map<String, String> RENAMED = Map.of("registry.join.grace.ms", ConfigKeys.EVENT_ORDER_GRACE_MS);

    /**
     * Every problem of settings that will be merged over others supplied later (e.g. {@code bench --set},
     * before the bench has a broker to name): all the checks of {@link #fromMap} but that required keys are present.
     */
    public static List<String> problemsOfOverrides(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        check(new TreeMap<>(settings), problems, new HashMap<>(), new LinkedHashMap<>(), false);
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    private static FleetGuardConfig validate(Map<String, String> merged, List<String> problems) {
        Map<String, String> declared = new HashMap<>();
        Map<String, String> kafka = new LinkedHashMap<>();
        check(merged, problems, declared, kafka, true);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(List.copyOf(new LinkedHashSet<>(problems)));
        }
        return new FleetGuardConfig(declared, kafka);
    }

    /** Sorts {@code merged} into FleetGuard's keys and Kafka's, adding every problem found to {@code problems}. */
    private static void check(Map<String, String> merged, List<String> problems, Map<String, String> declared,
                              Map<String, String> kafka, boolean requireAll) {
        Set<String> known = ConfigKeys.DEFINITION.names();
        for (Map.Entry<String, String> e : merged.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(ConfigKeys.KAFKA_PREFIX)) {
                kafka.put(key.substring(ConfigKeys.KAFKA_PREFIX.length()), e.getValue());
            } else if (known.contains(key)) {
                declared.put(key, e.getValue());
            } else if (RENAMED.containsKey(key)) {
                problems.add("'" + key + "' was renamed: use '" + RENAMED.get(key) + "' (same value, now also orders the inputs)");
            } else {
                problems.add("unknown key '" + key + "' (FleetGuard keys are listed in README; Kafka settings go under 'kafka.')");
            }
        }
        Map<String, ConfigValue> checked = ConfigKeys.DEFINITION.validateAll(declared);
        for (String key : ConfigKeys.DEFINITION.configKeys().keySet()) { // declaration order: stable output
            // The first message is the cause; ConfigDef adds a "must be non-null" echo after a parse error.
            checked.get(key).errorMessages().stream().limit(1).forEach(problems::add);
        }
        if (requireAll) {
            checkRequired(merged, problems);
        }
        checkReserved(kafka, problems);
        checkTopicsDistinct(declared, problems);
        checkKafkaValues(declared, kafka, problems);
    }

    private static Map<String, String> readFile(Path file, List<String> problems) {
        Set<String> duplicates = new LinkedHashSet<>();
        Properties props = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    duplicates.add(String.valueOf(key));
                }
                return super.put(key, value);
            }
        };
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            problems.add("cannot read config file " + file + ": " + e.getMessage());
        }
        duplicates.forEach(k -> problems.add("key '" + k + "' is set more than once in " + file));
        Map<String, String> out = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k.trim(), props.getProperty(k).trim()));
        return out;
    }

    private static Map<String, String> fromEnvironment(Map<String, String> env, List<String> problems) {
        Map<String, String> byEnvName = new HashMap<>();
        ConfigKeys.DEFINITION.names().forEach(k -> byEnvName.put(ConfigKeys.envName(k), k));
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(ENV_PREFIX)) {
                continue;
            }
            if (byEnvName.containsKey(name)) {
                out.put(byEnvName.get(name), e.getValue());
            } else if (name.startsWith(ENV_KAFKA_PREFIX) && name.length() > ENV_KAFKA_PREFIX.length()) {
                String kafkaKey = name.substring(ENV_KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                out.put(ConfigKeys.KAFKA_PREFIX + kafkaKey, e.getValue());
            } else {
                problems.add("environment variable " + name + " matches no configuration key");
            }
        }
        return out;
    }

    private static void checkRequired(Map<String, String> merged, List<String> problems) {
        for (String key : ConfigKeys.REQUIRED) {
            String v = merged.get(key);
            if (v == null || v.isBlank()) {
                problems.add("'" + key + "' is required (or " + ConfigKeys.envName(key) + ")");
            }
        }
    }

    private static void checkReserved(Map<String, String> kafka, List<String> problems) {
        RESERVED_KAFKA_KEYS.forEach((kafkaKey, instead) -> {
            if (kafka.containsKey(kafkaKey)) {
                problems.add("'" + ConfigKeys.KAFKA_PREFIX + kafkaKey + "' is managed by FleetGuard; use " + instead);
            }
        });
    }

    private static void checkTopicsDistinct(Map<String, String> declared, List<String> problems) {
        Map<String, String> seen = new HashMap<>();
        for (String key : ConfigKeys.TOPIC_KEYS) {
            String topic = declared.getOrDefault(key, (String) ConfigKeys.DEFINITION.configKeys().get(key).defaultValue);
            String other = seen.putIfAbsent(topic, key);
            if (other != null) {
                problems.add("'" + key + "' and '" + other + "' name the same topic '" + topic + "'");
            }
        }
    }

    /** Lets Kafka Streams' own declarations check the pass-through values FleetGuard was given. */
    private static void checkKafkaValues(Map<String, String> declared, Map<String, String> kafka, List<String> problems) {
        Map<String, String> streams = new HashMap<>(kafka);
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, declared.getOrDefault(ConfigKeys.APPLICATION_ID, "fleetguard"));
        streams.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unset:9092");
        Map<String, ConfigDef.ConfigKey> streamsKeys = StreamsConfig.configDef().configKeys();
        for (ConfigValue v : StreamsConfig.configDef().validate(streams)) {
            if (kafka.containsKey(v.name()) && streamsKeys.containsKey(v.name())) {
                v.errorMessages().forEach(m -> problems.add(ConfigKeys.KAFKA_PREFIX + v.name() + ": " + m));
            }
        }
    }
}
