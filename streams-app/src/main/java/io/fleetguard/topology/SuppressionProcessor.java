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
 * one window.
 */
final class SuppressionProcessor implements Processor<String, IdentityAlert, String, IdentityAlert> {

    static final String STORE = "alert-suppression-store";
    static final Duration PUNCTUATE_EVERY = Duration.ofMinutes(1);

    private final Suppression suppression;
    private ProcessorContext<String, IdentityAlert> context;
    private KeyValueStore<String, IdentityAlert> held;

    private SuppressionProcessor(Suppression suppression) {
        this.suppression = suppression;
    }

    static ProcessorSupplier<String, IdentityAlert, String, IdentityAlert> supplier(Duration window, Serde<IdentityAlert> serde,
                                                                                StateStores stores) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, IdentityAlert, String, IdentityAlert> get() {
                return new SuppressionProcessor(new Suppression(window));
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores.keyValue(STORE, Serdes.String(), serde));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, IdentityAlert> context) {
        this.context = context;
        this.held = context.getStateStore(STORE);
        context.schedule(PUNCTUATE_EVERY, PunctuationType.STREAM_TIME, this::closeWindows);
    }

    @Override
    public void process(Record<String, IdentityAlert> record) {
        String key = Suppression.key(record.value());
        Suppression.Outcome outcome = suppression.offer(record.value(), held.get(key));
        if (outcome.closedUpdate() != null) {
            emit(outcome.closedUpdate());
        }
        if (outcome.emit() != null) {
            emit(outcome.emit());
        }
        held.put(key, outcome.held());
    }

    private void closeWindows(long streamTime) {
        List<KeyValue<String, IdentityAlert>> closed = new ArrayList<>();
        try (KeyValueIterator<String, IdentityAlert> it = held.all()) {
            while (it.hasNext()) {
                KeyValue<String, IdentityAlert> kv = it.next();
                if (suppression.windowEnd(kv.value) <= streamTime) {
                    closed.add(kv);
                }
            }
        }
        for (KeyValue<String, IdentityAlert> kv : closed) {
            IdentityAlert update = suppression.close(kv.value);
            if (update != null) {
                emit(update);
            }
            held.delete(kv.key);
        }
    }

    private void emit(IdentityAlert alert) {
        context.forward(new Record<>(alert.getDeviceId(), alert, alert.getEventTime().toEpochMilli()));
    }
}
