package io.fleetguard.topology;

import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.schema.DeviceIdentity;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Joins every activity (auth, telemetry, config change, support session) with the device's registry
 * entry as of the activity's event time, in event-time order.
 *
 * <p>Kafka Streams hands a task's records over in timestamp order only as far as they are buffered
 * locally: an input partition that looks caught up (often the registry, or a quiet support-session
 * topic) does not hold the others back, so an event can be processed before a registry update or an
 * event of another input that is older than it but arrived later (measured by {@code fleetguard
 * chaos}: events up to minutes of event time ahead). With {@code event.order.grace.ms} > 0 every
 * activity waits in a named buffer until stream time has moved that far past it, and leaves in the
 * order (event time, input, device, offset): registry updates that arrived meanwhile are applied,
 * and every rule downstream sees the device's activities in the order an offline replay does. An
 * activity that arrives later than the grace behind stream time is judged at once, out of order, and
 * counted ({@code fleetguard.events.out.of.order}). With a grace of 0 nothing is buffered and
 * activities are judged in arrival order.
 *
 * <p>The buffer holds what arrived within the last grace period of stream time; it is a named store
 * with a changelog, so a restarted or moved task resumes with it under exactly-once.
 */
final class EventOrderProcessor implements Processor<String, SpecificRecord, String, Observation> {

    static final String STORE = "event-order-buffer";
    private static final Logger LOG = LoggerFactory.getLogger(EventOrderProcessor.class);

    private final long graceMs;
    private final FleetGuardMetrics metrics;
    private final JudgedTime judgedTime;
    private final int maxPerRelease;
    private final EventOrderCodec codec = new EventOrderCodec();
    private ProcessorContext<String, Observation> context;
    private VersionedKeyValueStore<String, DeviceIdentity> registry;
    private KeyValueStore<Bytes, byte[]> buffer;
    private long outOfOrder;
    /** The order key of the last activity released, to recognise one that arrives behind it. */
    private byte[] lastReleased;
    /** Activities due but not released yet: a stream-time jump made more due than one release takes. */
    private boolean backlog;
    /** What this task last told {@link JudgedTime}. */
    private long judgedUpTo;

    private static final Duration RELEASE_EVERY = Duration.ofSeconds(1);
    /** How often a backlog is drained further, in wall-clock time, between transactions. */
    static final Duration DRAIN_EVERY = Duration.ofMillis(100);
    /**
     * Activities judged per release at most, live. A stream-time jump (a quiet spell of the activity
     * inputs ended by a registry export, a device clock far ahead) can make a whole grace period of
     * activities due at once; judging them all in one call made a transaction outlive its timeout
     * (measured by chaos: an hour, about 180,000 activities, fenced every 40 s). The rest is judged by
     * later records and by a wall-clock drain, in the same order.
     */
    static final int MAX_PER_RELEASE = 5_000;
    private static final Bytes FIRST = Bytes.wrap(EventOrderKey.timePrefix(Long.MIN_VALUE));

    private EventOrderProcessor(Duration grace, FleetGuardMetrics metrics, JudgedTime judgedTime, int maxPerRelease) {
        this.graceMs = grace.toMillis();
        this.metrics = metrics;
        this.judgedTime = judgedTime;
        this.maxPerRelease = maxPerRelease;
    }

    /**
     * @param judgedTime where this processor says how far it has judged, for the stream-time
     *                   processors downstream
     */
    static ProcessorSupplier<String, SpecificRecord, String, Observation> supplier(Duration grace, FleetGuardMetrics metrics,
                                                                                StateStores stores, JudgedTime judgedTime) {
        // Offline replay has no transaction to keep short and drives no wall-clock drain: all at once.
        int maxPerRelease = stores == StateStores.EPHEMERAL ? Integer.MAX_VALUE : MAX_PER_RELEASE;
        return supplier(grace, metrics, stores, judgedTime, maxPerRelease);
    }

    static ProcessorSupplier<String, SpecificRecord, String, Observation> supplier(Duration grace, FleetGuardMetrics metrics,
                                                                                StateStores stores, JudgedTime judgedTime,
                                                                                int maxPerRelease) {
        if (maxPerRelease < 1) {
            throw new IllegalArgumentException("maxPerRelease must be at least 1, not " + maxPerRelease);
        }
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, SpecificRecord, String, Observation> get() {
                return new EventOrderProcessor(grace, metrics, judgedTime, maxPerRelease);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return grace.isZero() ? null : Set.of(stores.buffer(STORE, Serdes.Bytes(), Serdes.ByteArray()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Observation> context) {
        this.context = context;
        this.registry = context.getStateStore(FleetGuardTopology.REGISTRY_STORE);
        if (graceMs > 0) {
            this.buffer = context.getStateStore(STORE);
            // Until the first release, the restored buffer may hold anything: nothing downstream closes.
            judgedUpTo = Long.MIN_VALUE;
            judgedTime.judgedUpTo(context.taskId(), judgedUpTo);
            // Registry records and other sub-topologies' inputs move stream time too, without an
            // activity reaching process(): release what they made due, so the end of a history (or a
            // quiet spell of the activity inputs) does not leave activities waiting in the buffer.
            context.schedule(RELEASE_EVERY, PunctuationType.STREAM_TIME, streamTime -> release(streamTime - graceMs));
            context.schedule(DRAIN_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> {
                if (backlog) {
                    release(context.currentStreamTimeMs() - graceMs);
                }
            });
        }
    }

    @Override
    public void close() {
        if (buffer != null) {
            judgedTime.forget(context.taskId());
        }
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (buffer == null) {
            judge(record.key(), record.value(), record.timestamp());
            return;
        }
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(0L);
        ActivityInput input = ActivityInput.of(record.value());
        byte[] key = EventOrderKey.encode(record.timestamp(), input.rank(), record.key(), offset, 0);
        for (int n = 1; buffer.get(Bytes.wrap(key)) != null; n++) { // the same event time, device and offset twice
            key = EventOrderKey.encode(record.timestamp(), input.rank(), record.key(), offset, n);
        }
        if (lastReleased != null && Bytes.BYTES_LEXICO_COMPARATOR.compare(key, lastReleased) < 0) {
            metrics.eventOutOfOrder(input.inputName());
            if (++outOfOrder <= 20 || outOfOrder % 1000 == 0) { // a few lines, not one per event of a burst
                LOG.info("{} activity of {} at {} arrived behind the event-order watermark {} ({} so far in this task)",
                        input.inputName(), record.key(), Instant.ofEpochMilli(record.timestamp()),
                        Instant.ofEpochMilli(EventOrderKey.time(lastReleased)), outOfOrder);
            }
        }
        buffer.put(Bytes.wrap(key), codec.encode(record.value()));
        release(context.currentStreamTimeMs() - graceMs);
    }

    /**
     * Judges, in order, the buffered activities at or before {@code watermark}: all of them, or the
     * first {@link #maxPerRelease} (then the rest stays due, and {@link #backlog} says so).
     */
    private void release(long watermark) {
        List<KeyValue<Bytes, byte[]>> due = new ArrayList<>();
        // Only the due keys: the in-memory store copies the key set of the range it iterates, so all()
        // here cost the whole buffer on every record (quadratic; an hour's grace made offline replay
        // of 300,000 events take minutes). Every key of a time up to the watermark sorts below the
        // bare 8-byte prefix of the next millisecond.
        boolean more;
        try (KeyValueIterator<Bytes, byte[]> it = buffer.range(FIRST, Bytes.wrap(EventOrderKey.timePrefix(watermark + 1)))) {
            while (due.size() < maxPerRelease && it.hasNext()) {
                due.add(it.next());
            }
            more = it.hasNext();
        }
        for (KeyValue<Bytes, byte[]> kv : due) {
            buffer.delete(kv.key);
            lastReleased = kv.key.get();
            byte[] k = kv.key.get();
            judge(EventOrderKey.deviceId(k), codec.decode(EventOrderKey.rank(k), kv.value), EventOrderKey.time(k));
        }
        backlog = more;
        // With more due, activities of the last released time may still be held: judged up to just before it.
        long judged = more ? EventOrderKey.time(lastReleased) - 1 : watermark;
        if (judged != judgedUpTo) { // most records move no watermark: no shared-map write for them
            judgedUpTo = judged;
            judgedTime.judgedUpTo(context.taskId(), judged);
        }
    }

    private void judge(String deviceId, SpecificRecord event, long timestamp) {
        VersionedRecord<DeviceIdentity> identity = registry.get(deviceId, timestamp);
        context.forward(new Record<>(deviceId, new Observation(ActivityInput.of(event).activity(event), identity == null ? null : identity.value()),
                timestamp));
    }
}
