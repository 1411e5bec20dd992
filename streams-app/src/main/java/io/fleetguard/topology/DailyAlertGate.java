package io.fleetguard.topology;

import io.fleetguard.alert.AlertCatalogue;
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
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lets an alert of a once-a-day type (CREDENTIAL_EXPIRING) through only for the first event of
 * each UTC day of event time per (device, type, subject); other alerts pass untouched. Keying by
 * the event's day, not by "24 h since the last one", keeps the outcome independent of arrival
 * order within a day, so a replay emits the same alerts. A stream-time punctuator forgets days
 * that are over, which bounds the store.
 */
final class DailyAlertGate implements FixedKeyProcessor<String, IdentityAlert, IdentityAlert> {

    static final String STORE = "alert-daily-gate-store";
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private FixedKeyProcessorContext<String, IdentityAlert> context;
    private KeyValueStore<String, Long> seen;

    static FixedKeyProcessorSupplier<String, IdentityAlert, IdentityAlert> supplier() {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<String, IdentityAlert, IdentityAlert> get() {
                return new DailyAlertGate();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                        Serdes.String(), Serdes.Long()));
            }
        };
    }

    @Override
    public void init(FixedKeyProcessorContext<String, IdentityAlert> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetPastDays);
    }

    @Override
    public void process(FixedKeyRecord<String, IdentityAlert> record) {
        IdentityAlert alert = record.value();
        if (!AlertCatalogue.entry(alert.getType()).oncePerDay()) {
            context.forward(record);
            return;
        }
        long day = Math.floorDiv(alert.getEventTime().toEpochMilli(), DAY_MS);
        String key = day + "|" + alert.getType() + "|" + record.key() + "|" + alert.getSubject();
        if (seen.putIfAbsent(key, day) == null) {
            context.forward(record);
        }
    }

    /** Days before yesterday (in stream time) can no longer receive in-order events that matter. */
    private void forgetPastDays(long streamTime) {
        long oldestKept = Math.floorDiv(streamTime, DAY_MS) - 1;
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = seen.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                if (kv.value < oldestKept) {
                    expired.add(kv.key);
                }
            }
        }
        expired.forEach(seen::delete);
    }
}
