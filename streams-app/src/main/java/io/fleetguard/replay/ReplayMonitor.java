package io.fleetguard.replay;

import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.runtime.FleetGuardApp;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Watches a cluster replay through its consumer group's committed offsets (what Kafka Streams has
 * processed and, under exactly-once, whose output is committed) until every input partition has
 * reached its stop offset, printing progress every few seconds.
 */
public final class ReplayMonitor {

    private static final long POLL_MS = 500;
    private static final long PRINT_EVERY_NS = 3_000_000_000L;

    private final Admin admin;
    private final String group;
    private final ReplayPlan plan;
    private final Duration idleTimeout;
    private final PrintStream console;
    private final FleetGuardMetrics metrics;

    ReplayMonitor(Admin admin, String group, ReplayPlan plan, Duration idleTimeout, PrintStream console,
                  FleetGuardMetrics metrics) {
        this.admin = admin;
        this.group = group;
        this.plan = plan;
        this.idleTimeout = idleTimeout;
        this.console = console;
        this.metrics = metrics;
    }

    /**
     * @return the partitions that did not reach their stop offset: empty when the replay is complete;
     *         otherwise the committed offsets stood still for the idle timeout (e.g. a transaction
     *         marker at the end of a partition, or records that cannot be read)
     */
    private static final long SETTLE_NS = Duration.ofSeconds(2).toNanos();

    List<TopicPartition> awaitCompletion(FleetGuardApp app) throws InterruptedException {
        long total = plan.records();
        long lastDone = -1;
        long lastMove = System.nanoTime();
        long lastPrint = System.nanoTime();
        while (true) {
            KafkaStreams.State state = app.state();
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("the replay's Kafka Streams instance stopped (" + state + "); see the log");
            }
            Map<TopicPartition, OffsetAndMetadata> committed = ReplayPlan.get(
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            List<TopicPartition> remaining = new ArrayList<>();
            long done = 0;
            for (Map.Entry<TopicPartition, Long> stop : plan.stop().entrySet()) {
                long start = plan.start().get(stop.getKey());
                OffsetAndMetadata c = committed.get(stop.getKey());
                long position = c == null ? start : c.offset();
                done += Math.max(0, Math.min(position, stop.getValue()) - start);
                if (position < stop.getValue()) {
                    remaining.add(stop.getKey());
                }
            }
            long now = System.nanoTime();
            if (remaining.isEmpty()) {
                // The inputs are done; what was re-keyed (repartition topics) may still be in flight.
                awaitSettled(admin, group, idleTimeout);
                return List.of();
            }
            if (done != lastDone) {
                lastDone = done;
                lastMove = now;
            } else if (now - lastMove > idleTimeout.toNanos()) {
                console.printf("No progress for %s; stopping with %d partitions short of their stop offset: %s%n",
                        idleTimeout, remaining.size(), remaining);
                return remaining;
            }
            if (now - lastPrint > PRINT_EVERY_NS) {
                lastPrint = now;
                console.printf("replay: %,d of %,d records (%d%%), %,.0f alerts so far%n", done, total,
                        total == 0 ? 100 : done * 100 / total, metrics.alerts());
            }
            Thread.sleep(POLL_MS);
        }
    }

    /**
     * Waits until the group's committed offsets, internal repartition topics included, stop moving
     * for two seconds (many commit intervals): then the records re-keyed inside the topology are
     * processed too. Gives up after {@code limit}.
     */
    public static void awaitSettled(Admin admin, String group, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<TopicPartition, OffsetAndMetadata> last = null;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> now = ReplayPlan.get(
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > SETTLE_NS) {
                return;
            }
            Thread.sleep(POLL_MS);
        }
    }
}
