package io.fleetguard.it;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Producers and read_committed consumers for integration tests; waits poll with a deadline, never sleep. */
final class KafkaTestClients {

    private KafkaTestClients() {
    }

    static <K, V> KafkaProducer<K, V> producer(String bootstrap, Serializer<K> keys, Serializer<V> values) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), keys, values);
    }

    /**
     * Reads a topic from the beginning with isolation.level=read_committed until {@code done} holds
     * for what was read, or the deadline passes; returns what was read either way.
     */
    static <K, V> List<ConsumerRecord<K, V>> readUntil(String bootstrap, String topic, Deserializer<K> keys,
                                                        Deserializer<V> values, Duration timeout,
                                                        Predicate<List<ConsumerRecord<K, V>>> done) {
        return readUntil(bootstrap, Map.of(), topic, keys, values, timeout, done);
    }

    /** As above, with extra client settings (security). */
    static <K, V> List<ConsumerRecord<K, V>> readUntil(String bootstrap, Map<String, String> extra, String topic,
                                                        Deserializer<K> keys, Deserializer<V> values, Duration timeout,
                                                        Predicate<List<ConsumerRecord<K, V>>> done) {
        Map<String, Object> config = new java.util.HashMap<>(extra);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<K, V>> read = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(read) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }
}
