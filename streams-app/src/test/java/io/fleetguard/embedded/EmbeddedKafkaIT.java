package io.fleetguard.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedKafkaIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
        System.out.printf("EmbeddedKafkaIT: broker at %s ready in %d ms%n",
            kafka.bootstrapServers(), kafka.startupDuration().toMillis());
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldCreateTopicsWithTheRequestedPartitionCounts() throws Exception {
        kafka.createTopics(Map.of("devices", 3, "alerts", 1));

        kafka.createTopics(Map.of("devices", 3)); // again: already exists is fine

        try (Admin admin = Admin.create(kafka.adminConfig())) {
            Map<String, TopicDescription> topics = admin.describeTopics(Set.of("devices", "alerts"))
                .allTopicNames().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(topics.get("devices").partitions()).hasSize(3);
            assertThat(topics.get("alerts").partitions()).hasSize(1);
        }
    }

    @Test
    void shouldGiveTopicsWithoutPartitionCountFourPartitions() throws Exception {
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            admin.createTopics(List.of(new NewTopic("defaulted", Optional.empty(), Optional.empty())))
                .all().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

            TopicDescription topic = admin.describeTopics(Set.of("defaulted"))
                .allTopicNames().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).get("defaulted");
            assertThat(topic.partitions()).hasSize(4);
        }
    }

    @Test
    void shouldCreateCompactedTopic() throws Exception {
        kafka.createCompactedTopic("identities", 2);

        try (Admin admin = Admin.create(kafka.adminConfig())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "identities");
            Config config = admin.describeConfigs(Set.of(resource))
                .all().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            // Small sparse index maps: the kernel's read-ahead zeroes less of them (BrokerSettings.INDEX_BYTES)
            assertThat(config.get(TopicConfig.SEGMENT_INDEX_BYTES_CONFIG).value()).isEqualTo("1048576");
            TopicDescription topic = admin.describeTopics(Set.of("identities"))
                .allTopicNames().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).get("identities");
            assertThat(topic.partitions()).hasSize(2);
        }
    }

    @Test
    void shouldShowReadCommittedConsumerOnlyTheCommittedTransaction() throws Exception {
        TopicPartition partition = new TopicPartition("transactional", 0);
        kafka.createTopics(Map.of(partition.topic(), 1));

        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            List.of("committed-1", "committed-2", "committed-3")
                .forEach(v -> producer.send(new ProducerRecord<>(partition.topic(), "k", v)));
            producer.commitTransaction();
            producer.beginTransaction();
            List.of("aborted-1", "aborted-2").forEach(v -> producer.send(new ProducerRecord<>(partition.topic(), "k", v)));
            producer.flush();
            producer.abortTransaction();
        }

        assertThat(readCommittedValues(partition)).containsExactly("committed-1", "committed-2", "committed-3");
        // The aborted records did reach the log: 3 committed, commit marker, 2 aborted, abort marker.
        assertThat(logEndOffset(partition)).isEqualTo(7);
    }

    @Test
    void shouldDeleteLogDirOnCloseAndTolerateASecondClose() {
        EmbeddedKafka broker = EmbeddedKafka.start();
        System.out.printf("EmbeddedKafkaIT: second broker in the same JVM ready in %d ms%n",
            broker.startupDuration().toMillis());
        Path logDir = broker.logDir();
        assertThat(logDir).isDirectory();

        broker.close();

        assertThat(logDir).doesNotExist();
        assertThatCode(broker::close).doesNotThrowAnyException();
        assertThatThrownBy(() -> broker.createTopics(Map.of("too-late", 1))).isInstanceOf(IllegalStateException.class);
    }

    private static long logEndOffset(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                .partitionResult(partition).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).offset();
        }
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-it");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Reads from the start up to the last stable offset, which lies past the abort marker. */
    private static List<String> readCommittedValues(TopicPartition partition) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long lastStableOffset = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (consumer.position(partition) < lastStableOffset) {
                if (System.nanoTime() > deadline) {
                    fail("Read only " + values + " before offset " + lastStableOffset + " within " + WAIT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
