package io.fleetguard.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Idempotent topic creation that returns only once every partition has a leader. */
final class TopicAdmin implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final Admin admin;

    TopicAdmin(Map<String, Object> adminConfig) {
        this.admin = Admin.create(adminConfig);
    }

    void awaitBrokerRegistered(Deadline deadline) throws InterruptedException {
        while (true) {
            try {
                if (!await(admin.describeCluster().nodes(), deadline).isEmpty()) {
                    return;
                }
            } catch (EmbeddedKafkaException retriable) {
                // not answering yet; the deadline below decides
            }
            if (deadline.expired()) {
                throw new EmbeddedKafkaException("No broker registered within " + deadline);
            }
            deadline.pause(POLL_INTERVAL);
        }
    }

    void create(Collection<NewTopic> topics, Deadline deadline) throws InterruptedException {
        CreateTopicsResult result = admin.createTopics(topics);
        for (Map.Entry<String, KafkaFuture<Void>> created : result.values().entrySet()) {
            try {
                created.getValue().get(deadline.remainingMs(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new EmbeddedKafkaException("Could not create topic " + created.getKey(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new EmbeddedKafkaException("Topic " + created.getKey() + " not created within " + deadline, e);
            }
        }
        awaitLeaders(topics.stream().map(NewTopic::name).collect(Collectors.toSet()), deadline);
    }

    void delete(String topic, Deadline deadline) throws InterruptedException {
        await(admin.deleteTopics(Set.of(topic)).all(), deadline);
    }

    private void awaitLeaders(Set<String> names, Deadline deadline) throws InterruptedException {
        while (true) {
            try {
                Map<String, TopicDescription> described = await(admin.describeTopics(names).allTopicNames(), deadline);
                if (described.values().stream().allMatch(TopicAdmin::allPartitionsLed)) {
                    return;
                }
            } catch (EmbeddedKafkaException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (deadline.expired()) {
                throw new EmbeddedKafkaException("Topics " + names + " had no leader within " + deadline);
            }
            deadline.pause(POLL_INTERVAL);
        }
    }

    private static boolean allPartitionsLed(TopicDescription topic) {
        return topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    private static <T> T await(KafkaFuture<T> future, Deadline deadline) throws InterruptedException {
        try {
            return future.get(deadline.remainingMs(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new EmbeddedKafkaException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new EmbeddedKafkaException("Admin request did not complete within " + deadline, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
