package io.fleetguard.topology;

import io.fleetguard.alert.AlertFactory;
import io.fleetguard.detect.Activity;
import io.fleetguard.detect.Finding;
import io.fleetguard.detect.SupportSessionRule;
import io.fleetguard.detect.SupportSessions;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.RemoteSupportSession;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Remembers each device's support sessions (named store, keyed by device) to judge each session once
 * per rule and config changes that cite a session, and on stream time reports sessions still open
 * past the maximum duration, including sessions whose end never arrives. Sessions are forgotten a week after they ended.
 */
final class SupportSessionProcessor implements Processor<String, Observation, String, IdentityAlert> {

    static final String STORE = "support-sessions-store";
    private static final Duration FORGET_AFTER = Duration.ofDays(7);

    private final SupportSessionRule rule;
    private ProcessorContext<String, IdentityAlert> context;
    private KeyValueStore<String, byte[]> store;

    private final JudgedTime judgedTime;

    private SupportSessionProcessor(SupportSessionRule rule, JudgedTime judgedTime) {
        this.rule = rule;
        this.judgedTime = judgedTime;
    }

    static ProcessorSupplier<String, Observation, String, IdentityAlert> supplier(io.fleetguard.detect.Policy policy,
                                                                                 StateStores stores, JudgedTime judgedTime) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Observation, String, IdentityAlert> get() {
                return new SupportSessionProcessor(new SupportSessionRule(policy), judgedTime);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores.keyValue(STORE, Serdes.String(), Serdes.ByteArray()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, IdentityAlert> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME,
                streamTime -> checkOpenSessions(judgedTime.now(context.taskId(), streamTime))); // see SuppressionProcessor
    }

    @Override
    public void process(Record<String, Observation> record) {
        Activity activity = record.value().activity();
        SupportSessions state = load(record.key());
        if (activity.supportSession() != null) {
            SupportSessionRule.Judged judged = rule.onSession(state, activity, record.value().identity());
            store.put(record.key(), judged.state().toBytes());
            for (Finding f : judged.findings()) {
                forward(record, f);
            }
            return;
        }
        Finding f = rule.onConfigChange(state, activity);
        if (f != null) {
            forward(record, f);
        }
    }

    private void forward(Record<String, Observation> record, Finding f) {
        context.forward(new Record<>(record.key(), AlertFactory.create(f, record.value().activity(),
                record.value().identity()), record.timestamp()));
    }

    private void checkOpenSessions(long streamTime) {
        List<KeyValue<String, SupportSessions>> changed = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                SupportSessions state = SupportSessions.fromBytes(kv.value);
                SupportSessionRule.Overdue overdue = rule.onStreamTime(state, streamTime);
                for (SupportSessions.Session s : overdue.sessions()) {
                    emitOverdue(kv.key, s);
                }
                SupportSessions kept = overdue.state().forgetBefore(streamTime - FORGET_AFTER.toMillis());
                if (!kept.equals(state)) {
                    changed.add(KeyValue.pair(kv.key, kept));
                }
            }
        }
        for (KeyValue<String, SupportSessions> kv : changed) {
            if (kv.value.sessions().isEmpty()) {
                store.delete(kv.key);
            } else {
                store.put(kv.key, kv.value.toBytes());
            }
        }
    }

    private void emitOverdue(String deviceId, SupportSessions.Session s) {
        long at = rule.overdueAt(s);
        RemoteSupportSession marker = RemoteSupportSession.newBuilder().setSessionId(s.sessionId()).setDeviceId(deviceId)
                .setVendor(s.vendor()).setOperator("").setStartedAt(Instant.ofEpochMilli(s.startedAt()))
                .setMethod("").build();
        Activity activity = new Activity(Activity.Kind.SUPPORT_SESSION, s.sessionId() + ":overdue", at, deviceId,
                null, null, null, null, null, null, true, null, marker);
        context.forward(new Record<>(deviceId, AlertFactory.create(rule.overdueFinding(deviceId, s), activity, null), at));
    }

    private SupportSessions load(String key) {
        byte[] bytes = store.get(key);
        return bytes == null ? SupportSessions.empty() : SupportSessions.fromBytes(bytes);
    }
}
