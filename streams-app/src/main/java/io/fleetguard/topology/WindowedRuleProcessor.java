package io.fleetguard.topology;

import io.fleetguard.alert.AlertFactory;
import io.fleetguard.detect.Finding;
import io.fleetguard.detect.RecentEvents;
import io.fleetguard.detect.Step;
import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Kafka plumbing for a windowed rule over {@link RecentEvents}: loads the key's state from a named
 * store, applies the pure rule, stores the new state and emits an alert per finding. A stream-time
 * punctuator deletes keys idle for longer than {@code retention}, which bounds the store; with no
 * retention (null) nothing is forgotten, for state bounded by the fleet itself. The punctuator runs
 * at {@link JudgedTime} (see {@link SuppressionProcessor}).
 */
final class WindowedRuleProcessor implements FixedKeyProcessor<String, Observation, IdentityAlert> {

    private final String storeName;
    private final BiFunction<RecentEvents, Observation, Step> rule;
    private final Duration retention;
    private final JudgedTime judgedTime;
    private FixedKeyProcessorContext<String, IdentityAlert> context;
    private KeyValueStore<String, byte[]> store;

    private WindowedRuleProcessor(String storeName, BiFunction<RecentEvents, Observation, Step> rule, Duration retention,
                                  JudgedTime judgedTime) {
        this.storeName = storeName;
        this.rule = rule;
        this.retention = retention;
        this.judgedTime = judgedTime;
    }

    static FixedKeyProcessorSupplier<String, Observation, IdentityAlert> supplier(
            String storeName, BiFunction<RecentEvents, Observation, Step> rule, Duration retention,
            StateStores stores, JudgedTime judgedTime) {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<String, Observation, IdentityAlert> get() {
                return new WindowedRuleProcessor(storeName, rule, retention, judgedTime);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores.keyValue(storeName, Serdes.String(), Serdes.ByteArray()));
            }
        };
    }

    @Override
    public void init(FixedKeyProcessorContext<String, IdentityAlert> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        if (retention != null) {
            context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME,
                    streamTime -> forgetIdle(judgedTime.now(context.taskId(), streamTime))); // see SuppressionProcessor
        }
    }

    @Override
    public void process(FixedKeyRecord<String, Observation> record) {
        byte[] bytes = store.get(record.key());
        RecentEvents state = bytes == null ? RecentEvents.empty() : RecentEvents.fromBytes(bytes);
        Step step = rule.apply(state, record.value());
        if (step.state() != state) { // an unchanged state is not rewritten (nor its changelog)
            store.put(record.key(), step.state().toBytes());
        }
        for (Finding f : step.findings()) {
            context.forward(record.withValue(AlertFactory.create(f, record.value().activity(), record.value().identity())));
        }
    }

    private void forgetIdle(long streamTime) {
        List<String> idle = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                RecentEvents s = RecentEvents.fromBytes(kv.value);
                if (Math.max(s.newest(), s.mark()) < streamTime - retention.toMillis()) {
                    idle.add(kv.key);
                }
            }
        }
        idle.forEach(store::delete);
    }
}
