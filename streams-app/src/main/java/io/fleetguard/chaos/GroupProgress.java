package io.fleetguard.chaos;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How far the app's consumer group is through its input topics, by committed offsets (which move only with committed transactions). */
final class GroupProgress {

    private static final long CALL_SECONDS = 30;

    private final Admin admin;
    private final String group;
    private final List<String> inputs;

    GroupProgress(Admin admin, String group, List<String> inputs) {
        this.admin = admin;
        this.group = group;
        this.inputs = List.copyOf(inputs);
    }

    /** Committed and end offset of each input partition. */
    record Snapshot(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end) {
        long done() {
            return end.keySet().stream().mapToLong(tp -> Math.min(committed.getOrDefault(tp, 0L), end.get(tp))).sum();
        }

        long total() {
            return end.values().stream().mapToLong(Long::longValue).sum();
        }

        double fraction() {
            return total() == 0 ? 1 : (double) done() / total();
        }

        boolean complete() {
            return end.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
        }

        /** Partitions with records still to process. */
        List<TopicPartition> backlog() {
            return end.keySet().stream().filter(tp -> committed.getOrDefault(tp, 0L) < end.get(tp)).toList();
        }
    }

    Snapshot snapshot() throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(inputs).allTopicNames().get(CALL_SECONDS, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new HashMap<>();
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                    : admin.listOffsets(latest).all().get(CALL_SECONDS, TimeUnit.SECONDS).entrySet()) {
                end.put(e.getKey(), e.getValue().offset());
            }
            Map<TopicPartition, Long> committed = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(CALL_SECONDS, TimeUnit.SECONDS);
            offsets.forEach((tp, o) -> {
                if (o != null && end.containsKey(tp)) {
                    committed.put(tp, o.offset());
                }
            });
            return new Snapshot(committed, end);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the progress of group " + group + ": " + e, e);
        }
    }

    /** Waits until every input partition is committed up to its end offset (telling {@code onPoll} every 10 s); false on timeout. */
    boolean awaitComplete(Duration timeout, java.util.function.Consumer<Snapshot> onPoll) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int poll = 0; System.nanoTime() < deadline; poll++) {
            Snapshot s;
            try {
                s = snapshot();
            } catch (IllegalStateException brokerBusy) {
                Thread.sleep(1000);
                continue;
            }
            if (poll % 10 == 0) {
                onPoll.accept(s);
            }
            if (s.complete()) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }
}
