package io.fleetguard.replay;

import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The offsets that bound a replay of [from, to] on each input partition. Kafka finds offsets by
 * record timestamp (which FleetGuard's producers set to the event time): the event topics start at
 * the first record at or after {@code from}, the registry at its beginning (the versioned table
 * needs every version to judge the first events), and every input stops before the first record
 * after {@code to}, or at the (read_committed) end captured now when there is none.
 *
 * @param start offset of the first record to replay, per partition
 * @param stop  offset of the first record not to replay, per partition
 */
public record ReplayPlan(Map<TopicPartition, Long> start, Map<TopicPartition, Long> stop) {

    private static final long TIMEOUT_S = 60;

    public static ReplayPlan compute(Admin admin, FleetGuardTopics topics, Instant from, Instant to)
            throws InterruptedException {
        return compute(admin, topics, from, OffsetSpec.forTimestamp(to.toEpochMilli() + 1));
    }

    /** Like {@link #compute} but stopping at the end offsets of now, whatever the timestamps there. */
    public static ReplayPlan untilEnd(Admin admin, FleetGuardTopics topics, Instant from) throws InterruptedException {
        return compute(admin, topics, from, OffsetSpec.latest());
    }

    private static ReplayPlan compute(Admin admin, FleetGuardTopics topics, Instant from, OffsetSpec stopSpec)
            throws InterruptedException {
        List<String> inputs = topics.inputTopics();
        Map<String, TopicDescription> described = get(admin.describeTopics(inputs).allTopicNames());
        Map<TopicPartition, OffsetSpec> startSpecs = new HashMap<>();
        Map<TopicPartition, OffsetSpec> stopSpecs = new HashMap<>();
        Map<TopicPartition, OffsetSpec> endSpecs = new HashMap<>();
        for (String topic : inputs) {
            boolean registry = topic.equals(topics.registry().name());
            described.get(topic).partitions().forEach(p -> {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                startSpecs.put(tp, registry ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(from.toEpochMilli()));
                stopSpecs.put(tp, stopSpec);
                endSpecs.put(tp, OffsetSpec.latest());
            });
        }
        Map<TopicPartition, Long> end = offsets(admin, endSpecs, Map.of());
        return new ReplayPlan(offsets(admin, startSpecs, end), offsets(admin, stopSpecs, end));
    }

    /** Records in the plan (an upper bound on a compacted registry, whose offsets have gaps). */
    public long records() {
        return start.entrySet().stream().mapToLong(e -> Math.max(0, stop.get(e.getKey()) - e.getValue())).sum();
    }

    /** @param fallback where a timestamp lookup that finds no record points: the end */
    private static Map<TopicPartition, Long> offsets(Admin admin, Map<TopicPartition, OffsetSpec> specs,
                                                     Map<TopicPartition, Long> fallback) throws InterruptedException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = get(admin.listOffsets(specs,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
        Map<TopicPartition, Long> out = new HashMap<>();
        found.forEach((tp, info) -> out.put(tp, info.offset() >= 0 ? info.offset() : fallback.get(tp)));
        return out;
    }

    static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Kafka cluster did not answer within " + TIMEOUT_S + " s", e);
        }
    }
}
