package io.fleetguard.embedded;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "Started" is not "ready": a broker counts as ready once an acks=all produce to a fresh
 * topic is acknowledged. The probe topic is deleted afterwards.
 */
final class ReadinessProbe {

    private static final String PROBE_TOPIC = "_embedded-kafka-readiness-probe";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    private ReadinessProbe() {
    }

    static void await(TopicAdmin admin, Map<String, Object> clientConfig, Deadline deadline)
        throws InterruptedException {
        admin.awaitBrokerRegistered(deadline);
        admin.create(List.of(new NewTopic(PROBE_TOPIC, 1, (short) 1)), deadline);
        produceOne(clientConfig, deadline);
        admin.delete(PROBE_TOPIC, deadline);
    }

    private static void produceOne(Map<String, Object> clientConfig, Deadline deadline) throws InterruptedException {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deadline.remainingMs());
        var serializer = new ByteArraySerializer();
        var producer = new KafkaProducer<>(config, serializer, serializer);
        try {
            byte[] value = "ready?".getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(PROBE_TOPIC, value)).get(deadline.remainingMs(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new EmbeddedKafkaException("Probe produce failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new EmbeddedKafkaException("Probe produce not acknowledged within " + deadline, e);
        } finally {
            // Bounded: a plain close() would wait out delivery.timeout.ms for an unacknowledged probe.
            producer.close(CLOSE_TIMEOUT);
        }
    }
}
