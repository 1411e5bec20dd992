package io.fleetguard.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is what a user runs first and CI cannot start it (no Docker engine): this test
 * holds it to the configuration declarations, the default topics and ports, and the broker's listeners.
 */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    /** Compose's {@code ${NAME:-default}}: the test reads the values a plain {@code docker compose up} uses. */
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

    private static JsonNode services;

    @BeforeAll
    static void readCompose() throws IOException {
        services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).path("services");
    }

    @Test
    void shouldSetOnlyDeclaredConfigurationKeys() {
        Map<String, String> env = environment("fleetguard");

        List<String> undeclared = env.keySet().stream()
                .filter(name -> name.startsWith("FLEETGUARD_"))
                .filter(name -> !declaredEnvNames().contains(name) && !isKafkaClientKey(name))
                .toList();

        assertThat(undeclared).isEmpty();
        assertThat(env.keySet()).allMatch(name -> name.startsWith("FLEETGUARD_"));
        // The configuration the container starts with is valid as a whole (required keys, types, Kafka values).
        FleetGuardConfig config = ConfigLoader.load(null, env, Map.of());
        assertThat(config.kafkaProperties()).containsEntry("bootstrap.servers", "kafka:9092");
    }

    @Test
    void shouldCreateTheDefaultTopicsCoPartitionedWithTheRegistryCompacted() {
        Map<String, String> env = environment("create-topics");
        List<String> compacted = words(env.get("COMPACTED_TOPICS"));
        List<String> others = words(env.get("TOPICS"));

        List<Object> defaults = ConfigKeys.TOPIC_KEYS.stream().map(DockerComposeTest::defaultOf).toList();
        assertThat(compacted).containsExactly((String) defaultOf(ConfigKeys.TOPIC_REGISTRY));
        assertThat(Stream.<Object>concat(compacted.stream(), others.stream()).toList()).containsExactlyInAnyOrderElementsOf(defaults);
        assertThat(env.get("PARTITIONS")).isEqualTo("4");
        assertThat(env.get("BOOTSTRAP")).isEqualTo(environment("fleetguard").get("FLEETGUARD_KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(services.path("fleetguard").path("depends_on").path("create-topics").path("condition").asText())
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void shouldPublishTheMetricsPortOfTheConfiguration() {
        FleetGuardConfig config = ConfigLoader.load(null, environment("fleetguard"), Map.of());

        assertThat(config.metricsHttpPort()).isEqualTo((int) (Integer) defaultOf(ConfigKeys.METRICS_HTTP_PORT));
        // A host port range, so that --scale fleetguard=3 does not collide on one host port.
        assertThat(ports("fleetguard")).containsExactly("9464-9466:" + config.metricsHttpPort());
        assertThat(ports("schema-registry")).containsExactly("8081:8081");
        assertThat(ports("kafka")).containsExactly("9094:9094");
    }

    @Test
    void shouldPointFleetGuardAtAnAdvertisedListenerOfTheBroker() {
        Map<String, String> kafka = environment("kafka");
        Map<String, String> advertised = listeners(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
        Map<String, String> bound = listeners(kafka.get("KAFKA_LISTENERS"));
        String bootstrap = environment("fleetguard").get("FLEETGUARD_KAFKA_BOOTSTRAP_SERVERS");

        assertThat(advertised).containsEntry("PLAINTEXT", bootstrap).containsEntry("HOST", "localhost:9094");
        // Same listener, same port: kafka:9092 is where the broker really listens.
        assertThat(bound).containsEntry("PLAINTEXT", ":9092").containsEntry("HOST", ":9094");
        assertThat(bootstrap).isEqualTo("kafka:9092");
        assertThat(environment("schema-registry").get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS")).isEqualTo(bootstrap);
        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
                .isEqualTo("CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,HOST:PLAINTEXT");
    }

    @Test
    void shouldPointFleetGuardAtTheRegistryService() {
        String url = environment("fleetguard").get("FLEETGUARD_SCHEMA_REGISTRY_URL");

        assertThat(url).isEqualTo("http://schema-registry:8081");
        assertThat(environment("schema-registry").get("SCHEMA_REGISTRY_LISTENERS")).isEqualTo("http://0.0.0.0:8081");
    }

    @Test
    void shouldNameEveryImageInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> images = new ArrayList<>();
        services.forEach(service -> images.add(service.path("image").asText()));

        assertThat(images).containsExactly("apache/kafka:4.1.0", "confluentinc/cp-schema-registry:7.7.1",
                "apache/kafka:4.1.0", "eclipse-temurin:17-jre");
        assertThat(images).allMatch(image -> readme.contains("`" + image + "`"));
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        services.path(service).path("environment").properties().forEach(e -> {
            Matcher m = DEFAULTED.matcher(e.getValue().asText());
            env.put(e.getKey(), m.replaceAll(r -> Matcher.quoteReplacement(r.group(1))));
        });
        return env;
    }

    private static List<String> ports(String service) {
        List<String> ports = new ArrayList<>();
        services.path(service).path("ports").forEach(p -> ports.add(p.asText()));
        return ports;
    }

    private static Set<String> declaredEnvNames() {
        return ConfigKeys.DEFINITION.names().stream().map(ConfigKeys::envName).collect(Collectors.toSet());
    }

    /** FLEETGUARD_KAFKA_X_Y is handed to Kafka as x.y: it must be a key Kafka Streams or its clients declare. */
    private static boolean isKafkaClientKey(String envName) {
        if (!envName.startsWith("FLEETGUARD_KAFKA_")) {
            return false;
        }
        String key = envName.substring("FLEETGUARD_KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
        return StreamsConfig.configDef().names().contains(key) || ConsumerConfig.configNames().contains(key)
                || ProducerConfig.configNames().contains(key) || AdminClientConfig.configNames().contains(key);
    }

    /** PLAINTEXT://kafka:9092,HOST://localhost:9094 as listener name to host:port. */
    private static Map<String, String> listeners(String value) {
        Map<String, String> byName = new TreeMap<>();
        for (String listener : value.split(",")) {
            String[] parts = listener.strip().split("://", 2);
            byName.put(parts[0], parts[1]);
        }
        return byName;
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.strip().split("\\s+")).toList();
    }

    private static Object defaultOf(String key) {
        return ConfigKeys.DEFINITION.configKeys().get(key).defaultValue;
    }
}
