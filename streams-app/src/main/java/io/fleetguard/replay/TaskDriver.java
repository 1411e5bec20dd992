package io.fleetguard.replay;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.internals.StreamTask;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a topology's single task in-process, as {@link TopologyTestDriver} does, but without the
 * driver's per-record bookkeeping, which costs more than the topology itself on FleetGuard's
 * topology: for every piped and every produced record the driver compiles each source topic name
 * as a regular expression, commits, checkpoints, and keeps every output record in a list.
 *
 * <p>The driver is still what builds and closes the task (state stores, record collector, metrics,
 * serdes, exception handlers: the production code paths). This class only takes over the loop:
 * enqueue a record on its source partition, process until nothing is queued, route what the task
 * produced (to a source or repartition topic: back into the task; to a requested output topic:
 * kept until read; anything else: dropped), and commit every {@link #COMMIT_EVERY} records. It
 * processes records in exactly the order the driver does, so the output is the same.
 *
 * <p>It reads five private fields of the driver and copies the driver's processing loop
 * ({@code completeAllProcessableWork}) of the Kafka Streams version it was verified against,
 * {@link #VERIFIED_KAFKA_STREAMS_VERSION}. A version that renames a field fails here at
 * construction with a message saying so; a version that changes the loop (4.4.0 added
 * {@code maybeFlushTerminalE2ELatency}) would not, so {@code TaskDriverVersionTest} fails on any
 * other version until the loop has been compared again and this constant updated.
 */
final class TaskDriver implements AutoCloseable {

    /** The Kafka Streams version whose TopologyTestDriver internals this class was checked against. */
    static final String VERIFIED_KAFKA_STREAMS_VERSION = "4.4.0";

    /** Records between commits; a commit flushes the record collector and the stores. */
    static final int COMMIT_EVERY = 10_000;

    private final TopologyTestDriver driver;
    private final StreamTask task;
    private final MockProducer<byte[], byte[]> producer;
    private final Time wallClock;
    private final Map<String, TopicPartition> sources;
    private final Map<TopicPartition, AtomicLong> nextOffsets;
    private final Map<String, List<ProducerRecord<byte[], byte[]>>> outputs = new HashMap<>();
    private long uncommitted;

    /**
     * @param outputTopics the sink topics whose records are read with {@link #read}; records for
     *                     other topics that are not sources of the task are dropped
     */
    TaskDriver(Topology topology, Properties properties, Set<String> outputTopics) {
        driver = new TopologyTestDriver(topology, properties);
        try {
            task = field("task", StreamTask.class);
            producer = field("producer", MockProducer.class);
            wallClock = field("mockWallClockTime", Time.class);
            sources = field("partitionsByInputTopic", Map.class);
            nextOffsets = field("offsetsByTopicOrPatternPartition", Map.class);
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
        if (task == null) {
            driver.close();
            throw new IllegalArgumentException("the topology has no source topics");
        }
        for (String topic : outputTopics) {
            outputs.put(topic, new ArrayList<>());
        }
    }

    /** Processes one record completely, with everything it causes inside the topology. */
    void pipe(String topic, byte[] key, byte[] value, long timestamp) {
        TopicPartition partition = sources.get(topic);
        if (partition == null) {
            throw new IllegalArgumentException("not a source topic of the topology: " + topic);
        }
        enqueue(partition, key, value, timestamp, new RecordHeaders());
        long now = wallClock.milliseconds();
        task.resumePollingForPartitionsWithAvailableSpace();
        task.updateLags(); // with max.task.idle.ms >= 0, empty partitions must be known to be caught up
        while (task.hasRecordsQueued() && task.isProcessable(now)) {
            task.process(now);
            task.maybeFlushTerminalE2ELatency(now); // as the driver does since 4.4.0 (a metric only)
            task.maybePunctuateStreamTime();
            routeProduced();
        }
        if (++uncommitted >= COMMIT_EVERY) {
            commit();
        }
    }

    /** What the topology wrote to {@code topic} since the last call, in order. */
    List<ProducerRecord<byte[], byte[]>> read(String topic) {
        List<ProducerRecord<byte[], byte[]>> records = outputs.get(topic);
        if (records == null) {
            throw new IllegalArgumentException("not a requested output topic: " + topic);
        }
        if (records.isEmpty()) {
            return List.of();
        }
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(records);
        records.clear();
        return out;
    }

    private void enqueue(TopicPartition partition, byte[] key, byte[] value, long timestamp,
                         Headers headers) {
        long offset = nextOffsets.get(partition).getAndIncrement();
        task.addRecords(partition, List.of(new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                timestamp, TimestampType.CREATE_TIME, key == null ? ConsumerRecord.NULL_SIZE : key.length,
                value == null ? ConsumerRecord.NULL_SIZE : value.length, key, value, headers, Optional.empty())));
    }

    private void routeProduced() {
        List<ProducerRecord<byte[], byte[]>> produced = producer.history();
        if (produced.isEmpty()) {
            return;
        }
        producer.clear();
        for (ProducerRecord<byte[], byte[]> r : produced) {
            TopicPartition partition = sources.get(r.topic());
            if (partition != null) {
                enqueue(partition, r.key(), r.value(), r.timestamp(), r.headers());
            } else {
                List<ProducerRecord<byte[], byte[]>> out = outputs.get(r.topic());
                if (out != null) {
                    out.add(r);
                }
            }
        }
    }

    private void commit() {
        task.prepareCommit(true);
        task.postCommit(true);
        routeProduced();
        uncommitted = 0;
    }

    @SuppressWarnings("unchecked")
    private <T> T field(String name, Class<?> type) {
        try {
            Field f = TopologyTestDriver.class.getDeclaredField(name);
            f.setAccessible(true);
            Object value = f.get(driver);
            if (value != null && !type.isInstance(value)) {
                throw new IllegalStateException("TopologyTestDriver." + name + " is a " + value.getClass().getName()
                        + ", expected " + type.getName());
            }
            return (T) value;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException("this Kafka Streams version's TopologyTestDriver has no usable field '"
                    + name + "'; the offline replay engine needs updating for it", e);
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
