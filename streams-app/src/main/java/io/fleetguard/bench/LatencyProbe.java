package io.fleetguard.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Reads an app's outputs as a downstream consumer would (read_committed) and records, for each
 * output, the wall-clock time it became readable minus the event time of the event behind it.
 * Runs on its own thread from {@link #start()} until {@link #drain} has seen every committed output.
 */
final class LatencyProbe implements AutoCloseable {

    /** A consumer waits at most this long for new data, which bounds what the probe itself adds. */
    private static final int FETCH_MAX_WAIT_MS = 10;
    private static final Duration POLL = Duration.ofMillis(20);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Collection<String> topics;
    private final ToLongFunction<ConsumerRecord<byte[], byte[]>> eventTimeOf;
    private final Thread thread;
    private final LatencyStats.Recorder samples = new LatencyStats.Recorder();
    private volatile long fromEventTime = Long.MAX_VALUE;
    private volatile boolean draining;
    private volatile RuntimeException failure;

    /**
     * @param eventTimeOf the event time behind an output record (its record timestamp, or a field of it)
     */
    LatencyProbe(String bootstrap, Collection<String> topics, ToLongFunction<ConsumerRecord<byte[], byte[]>> eventTimeOf) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = List.copyOf(topics);
        this.eventTimeOf = eventTimeOf;
        this.thread = new Thread(this::run, "bench-latency-probe");
        thread.setDaemon(true);
    }

    void start() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread.start();
    }

    /** Only outputs of events at or after this event time are sampled (earlier ones were not paced). */
    void sampleFrom(long eventTime) {
        fromEventTime = eventTime;
    }

    /**
     * Lets the probe read up to the last committed output and stop. Call it once the app has caught
     * up with its input, so that every output exists.
     */
    void drain(Duration timeout) throws InterruptedException {
        draining = true;
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            consumer.wakeup();
            thread.join();
            throw new IllegalStateException("latency probe did not reach the end of " + topics + " within " + timeout);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The samples drained of outputs whose events are at or after {@code fromMs} (wall clock = event time). */
    LatencyStats statsFrom(long fromMs) {
        return samples.statsFrom(fromMs);
    }

    /** The samples drained, cut by event time into windows of {@code windowMs} from where sampling began. */
    List<LatencyStats.Window> windows(long windowMs) {
        return samples.windows(fromEventTime, windowMs);
    }

    private void run() {
        try {
            while (true) {
                boolean drainRequested = draining;
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    long now = System.currentTimeMillis();
                    long eventTime = eventTimeOf.applyAsLong(r);
                    if (eventTime >= fromEventTime) {
                        samples.add(eventTime, now - eventTime);
                    }
                }
                if (drainRequested && atEnd()) {
                    return;
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopped) {
            // drain timed out
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** With read_committed, end offsets are the last stable offsets: nothing more is readable. */
    private boolean atEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            consumer.wakeup();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
