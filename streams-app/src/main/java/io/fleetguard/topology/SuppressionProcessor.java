package io.fleetguard.topology;

import io.fleetguard.alert.Suppression;
import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies {@link Suppression} to the alert stream. The held alert per (type, device, subject) lives
 * in a named store; a stream-time punctuator closes windows whose end stream time has passed,
 * emitting the aggregated UPDATE and forgetting the key, which bounds the store to the alerts of
 * one window. A second store indexes the held keys by window end, so the punctuator reads only the
 * windows that closed (in window-end order), not every held alert.
 *
 * <p>Its punctuator runs behind stream time, at {@link JudgedTime}: activities wait in the
 * event-order buffer ({@code event.order.grace.ms}), so stream time runs ahead of what this
 * processor has seen by up to the grace (more while the buffer drains a backlog), and judging by it
 * would close ahead of activities still due.
 */
final class SuppressionProcessor implements Processor<String, IdentityAlert, String, IdentityAlert> {

    static final String STORE = "alert-suppression-store";
    /** Held keys by window end: {@code <window end, 16 hex digits>|<key>} to the key. */
    static final String DEADLINES_STORE = "alert-suppression-deadlines";
    static final Duration PUNCTUATE_EVERY = Duration.ofMinutes(1);

    private final Suppression suppression;
    private final JudgedTime judgedTime;
    private final String storeName;
    private final String deadlinesStoreName;
    private ProcessorContext<String, IdentityAlert> context;
    private KeyValueStore<String, IdentityAlert> held;
    private KeyValueStore<String, String> deadlines;

    private SuppressionProcessor(Suppression suppression, JudgedTime judgedTime, String storeName, String deadlinesStoreName) {
        this.suppression = suppression;
        this.judgedTime = judgedTime;
        this.storeName = storeName;
        this.deadlinesStoreName = deadlinesStoreName;
    }

    /** The suppression of the per-device alerts, in {@link #STORE} and {@link #DEADLINES_STORE}. */
    static ProcessorSupplier<String, IdentityAlert, String, IdentityAlert> supplier(Duration window, Serde<IdentityAlert> serde,
                                                                                StateStores stores, JudgedTime judgedTime) {
        return supplier("", window, serde, stores, judgedTime);
    }

    /**
     * A suppression whose stores are named {@code prefix} + {@link #STORE} and {@code prefix} +
     * {@link #DEADLINES_STORE}: each sub-topology that writes alerts suppresses its own, and no two
     * of them ever hold the same (type, device, subject).
     */
    static ProcessorSupplier<String, IdentityAlert, String, IdentityAlert> supplier(String prefix, Duration window,
                                                                                Serde<IdentityAlert> serde,
                                                                                StateStores stores, JudgedTime judgedTime) {
        String storeName = prefix + STORE;
        String deadlinesStoreName = prefix + DEADLINES_STORE;
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, IdentityAlert, String, IdentityAlert> get() {
                return new SuppressionProcessor(new Suppression(window), judgedTime, storeName, deadlinesStoreName);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores.keyValue(storeName, Serdes.String(), serde),
                        stores.keyValue(deadlinesStoreName, Serdes.String(), Serdes.String()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, IdentityAlert> context) {
        this.context = context;
        this.held = context.getStateStore(storeName);
        this.deadlines = context.getStateStore(deadlinesStoreName);
        indexHeldAlertsOnce();
        context.schedule(PUNCTUATE_EVERY, PunctuationType.STREAM_TIME,
                streamTime -> closeWindows(judgedTime.now(context.taskId(), streamTime)));
    }

    @Override
    public void process(Record<String, IdentityAlert> record) {
        String key = Suppression.key(record.value());
        IdentityAlert before = held.get(key);
        Suppression.Outcome outcome = suppression.offer(record.value(), before);
        if (outcome.closedUpdate() != null) {
            emit(outcome.closedUpdate());
        }
        if (outcome.emit() != null) {
            emit(outcome.emit());
        }
        held.put(key, outcome.held());
        long end = suppression.windowEnd(outcome.held());
        if (before == null || suppression.windowEnd(before) != end) {
            if (before != null) {
                deadlines.delete(deadline(suppression.windowEnd(before), key));
            }
            deadlines.put(deadline(end, key), key);
        }
    }

    private void closeWindows(long now) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = deadlines.all()) { // in window-end order
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                if (windowEndOf(kv.key) > now) {
                    break;
                }
                due.add(kv);
            }
        }
        for (KeyValue<String, String> kv : due) {
            IdentityAlert alert = held.get(kv.value);
            if (alert != null) {
                IdentityAlert update = suppression.close(alert);
                if (update != null) {
                    emit(update);
                }
                held.delete(kv.value);
            }
            deadlines.delete(kv.key);
        }
    }

    /**
     * State written before the index existed has held alerts and no deadlines: index them, once.
     * Afterwards the index is never empty while alerts are held.
     */
    private void indexHeldAlertsOnce() {
        try (KeyValueIterator<String, String> it = deadlines.all()) {
            if (it.hasNext()) {
                return;
            }
        }
        try (KeyValueIterator<String, IdentityAlert> it = held.all()) {
            while (it.hasNext()) {
                KeyValue<String, IdentityAlert> kv = it.next();
                deadlines.put(deadline(suppression.windowEnd(kv.value), kv.key), kv.key);
            }
        }
    }

    /** Fixed-width hex sorts like the number it encodes (window ends are never negative). */
    static String deadline(long windowEnd, String key) {
        String hex = Long.toHexString(windowEnd);
        return "0".repeat(16 - hex.length()) + hex + "|" + key;
    }

    private static long windowEndOf(String deadline) {
        return Long.parseUnsignedLong(deadline, 0, 16, 16);
    }

    private void emit(IdentityAlert alert) {
        context.forward(new Record<>(alert.getDeviceId(), alert, alert.getEventTime().toEpochMilli()));
    }
}
