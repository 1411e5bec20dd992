package io.fleetguard.it;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The operations side of a running instance on a real broker: the Prometheus scrape carries
 * FleetGuard's counters and Kafka Streams' metrics, the health endpoints follow the client's state,
 * every RocksDB store uses the one shared cache, and the port is released on close.
 */
class OperationsIT extends WithEmbeddedKafka {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long ROCKSDB_BYTES = 32L * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path stateDir;

    @Test
    void shouldServeMetricsAndHealthWhileRunningAndReleaseThePortOnClose() throws Exception {
        int port;
        // Given the app as `run` starts it, its endpoints on a free loopback port and a 32 MiB RocksDB budget
        try (ItApp it = ItApp.served(kafka, stateDir, Map.of("metrics.http.port", "0", "metrics.http.host", "127.0.0.1",
                "rocksdb.memory.bytes", Long.toString(ROCKSDB_BYTES)))) {
            port = it.app.opsAddress().orElseThrow().getPort();
            FleetGuardTopics topics = it.topics;

            // When two unregistered devices log in and a third one fails to
            try (KafkaProducer<String, AuthEvent> p = KafkaTestClients.producer(kafka.bootstrapServers(),
                    topics.authEvents().keySerde().serializer(), topics.authEvents().valueSerde().serializer())) {
                send(p, topics.authEvents().name(), anAuthEvent("a-1", "ghost-1", T0).success().build());
                send(p, topics.authEvents().name(), anAuthEvent("a-2", "ghost-2", T0.plusSeconds(1)).success().build());
                send(p, topics.authEvents().name(), anAuthEvent("a-3", "ghost-3", T0.plusSeconds(2)).failure("bad password").build());
            }
            List<ConsumerRecord<String, IdentityAlert>> alerts = KafkaTestClients.readUntil(kafka.bootstrapServers(),
                    topics.alerts().name(), new StringDeserializer(), topics.alerts().valueSerde().deserializer(), WAIT,
                    read -> read.size() >= 3);
            assertThat(alerts).extracting(r -> r.key() + " " + r.value().getType() + " " + r.value().getSeverity())
                    .containsExactlyInAnyOrder("ghost-1 UNKNOWN_DEVICE HIGH", "ghost-2 UNKNOWN_DEVICE HIGH",
                            "ghost-3 UNKNOWN_DEVICE MEDIUM");

            // Then the scrape counts those alerts by type and severity, and the records in by input
            List<String> scraped = get(port, "/metrics").body().lines().toList();
            assertThat(scraped).contains(
                    "fleetguard_alerts_total{severity=\"HIGH\",type=\"UNKNOWN_DEVICE\"} 2.0",
                    "fleetguard_alerts_total{severity=\"MEDIUM\",type=\"UNKNOWN_DEVICE\"} 1.0",
                    "fleetguard_records_in_total{input=\"" + topics.authEvents().name() + "\"} 3.0");
            // And it carries Kafka Streams' own client and thread metrics
            assertThat(scraped).anyMatch(line -> line.matches("kafka_stream_alive_stream_threads\\{.*} 1\\.0"));
            assertThat(scraped).anyMatch(line -> line.startsWith("kafka_stream_thread_process_total{"));

            // And the health endpoints say the running client is live and ready; other paths are 404
            assertThat(it.app.awaitRunning(WAIT)).as("app reached RUNNING").isTrue();
            assertThat(status(get(port, "/health/ready"))).isEqualTo("200 {\"status\":\"UP\",\"state\":\"RUNNING\"}\n");
            assertThat(status(get(port, "/health/live"))).isEqualTo("200 {\"status\":\"UP\",\"state\":\"RUNNING\"}\n");
            assertThat(get(port, "/healthz").statusCode()).isEqualTo(404);

            // And every RocksDB store reports the capacity of the one shared cache, not a cache of its own
            List<Object> capacities = it.app.streams().metrics().values().stream()
                    .filter(m -> m.metricName().name().equals("block-cache-capacity"))
                    .map(Metric::metricValue).toList();
            assertThat(capacities).isNotEmpty().allSatisfy(c -> assertThat(c).isEqualTo(BigInteger.valueOf(ROCKSDB_BYTES)));
        }

        // When the app is closed, the port no longer answers
        assertThatThrownBy(() -> get(port, "/health/live")).isInstanceOf(ConnectException.class);
    }

    private static void send(KafkaProducer<String, AuthEvent> p, String topic, AuthEvent event) throws Exception {
        p.send(new ProducerRecord<>(topic, null, event.getTimestamp().toEpochMilli(), event.getDeviceId(), event)).get();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String status(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }
}
