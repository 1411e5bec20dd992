package io.fleetguard.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells when a Kafka Streams app has caught up: its group's committed offsets have reached the end
 * offsets of every partition it reads, inputs and its own repartition topics. Under exactly_once_v2
 * offsets commit in the same transaction as the outputs, and under at_least_once only after the
 * outputs were flushed, so at that point every output is readable with read_committed.
 */
final class CatchUp implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final long REQUEST_TIMEOUT_S = 30;

    /**
     * @param behind         records between the committed and the end offsets, summed over all partitions read
     * @param consumedInputs committed offsets summed over the input partitions: records consumed from them
     */
    record Lag(long behind, long consumedInputs) {
    }

    private final Admin admin;

    CatchUp(Map<String, Object> adminConfig) {
        this.admin = Admin.create(adminConfig);
    }

    /** Blocks until the client is RUNNING and returns {@link System#nanoTime()} at that moment. */
    static long awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
                    || state == KafkaStreams.State.PENDING_ERROR) {
                throw new IllegalStateException("app stopped before it ran: " + state);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("app not RUNNING within " + timeout + " (" + state + ")");
            }
            Thread.sleep(5);
        }
        return System.nanoTime();
    }

    /**
     * Blocks until the broker serves every partition of the topics as leader, shown by answering
     * for its end offset. {@code createTopics} returns once metadata names a leader, which can be
     * before the leader serves: a producer writing at once then sees NOT_LEADER_OR_FOLLOWER, and an
     * idempotent one was seen stuck on OUT_OF_ORDER_SEQUENCE_NUMBER afterwards until its delivery
     * timeout.
     */
    void awaitServing(Collection<String> topics, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (TopicDescription d : get(admin.describeTopics(topics).allTopicNames()).values()) {
                    d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
                }
                get(admin.listOffsets(latest).all());
                return;
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /** Polls until nothing is behind; returns the last lag seen (behind = 0). */
    Lag await(String groupId, Collection<String> inputs, KafkaStreams streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Lag lag = lag(groupId, inputs);
            if (lag.behind() == 0) {
                return lag;
            }
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException(groupId + " stopped with " + lag.behind() + " records to go: " + streams.state());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(groupId + " still " + lag.behind() + " records behind after " + timeout);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    Lag lag(String groupId, Collection<String> inputs) throws InterruptedException {
        Set<String> read = new LinkedHashSet<>(inputs);
        get(admin.listTopics().names()).stream()
                .filter(t -> t.startsWith(groupId + "-") && t.endsWith("-repartition"))
                .forEach(read::add);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription d : get(admin.describeTopics(read).allTopicNames()).values()) {
            d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        long behind = 0;
        long consumedInputs = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            long position = c == null ? 0 : c.offset();
            behind += Math.max(0, end.getValue().offset() - position);
            if (inputs.contains(end.getKey().topic())) {
                consumedInputs += position;
            }
        }
        return new Lag(behind, consumedInputs);
    }

    private static <T> T get(KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(REQUEST_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("admin request failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("admin request timed out after " + REQUEST_TIMEOUT_S + " s", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
