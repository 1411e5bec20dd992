package io.fleetguard.topology;

import io.fleetguard.alert.AlertCatalogue;
import io.fleetguard.alert.Suppression;
import io.fleetguard.config.ConfigLoader;
import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.serde.MockSchemaRegistryScopes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The suppression processor alone, on in-memory stores, driven by hand. */
class SuppressionProcessorTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final String scope = "suppression-" + UUID.randomUUID();
    private final FleetGuardTopics topics = FleetGuardTopics.from(ConfigLoader.fromMap(Map.of(
            "kafka.bootstrap.servers", "unused:9092", "schema.registry.url", "mock://" + scope)));
    private final MockProcessorContext<String, IdentityAlert> context = new MockProcessorContext<>();
    private final Processor<String, IdentityAlert, String, IdentityAlert> processor;

    SuppressionProcessorTest() {
        ProcessorSupplier<String, IdentityAlert, String, IdentityAlert> supplier =
                SuppressionProcessor.supplier(Duration.ofHours(1), topics.alerts().valueSerde(), StateStores.EPHEMERAL,
                        new JudgedTime(Duration.ZERO));
        for (StoreBuilder<?> builder : supplier.stores()) {
            StateStore store = builder.build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        processor = supplier.get();
    }

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistryScopes.dropScope(scope);
    }

    @Test
    void indexesAlertsHeldBeforeTheDeadlineIndexExistedAndClosesTheirWindows() {
        IdentityAlert held = alert("ghost-1", 3);
        heldStore().put(Suppression.key(held), held); // state as an older version wrote it: no deadline

        processor.init(context);

        assertThat(deadlines().get(SuppressionProcessor.deadline(T0.plus(Duration.ofHours(1)).toEpochMilli(),
                Suppression.key(held)))).isEqualTo(Suppression.key(held));
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(T0.plus(Duration.ofMinutes(59)).toEpochMilli());
        assertThat(context.forwarded()).isEmpty();

        context.scheduledPunctuators().get(0).getPunctuator().punctuate(T0.plus(Duration.ofHours(1)).toEpochMilli());

        List<IdentityAlert> out = context.forwarded().stream().<IdentityAlert>map(f -> f.record().value()).toList();
        assertThat(out).extracting(a -> a.getActivity() + " " + a.getAlertId() + " " + a.getCount())
                .containsExactly("UPDATE alert-ghost-1 3");
        assertThat(heldStore().get(Suppression.key(held))).isNull();
        assertThat(deadlines().all().hasNext()).isFalse();
    }

    @Test
    void deadlineKeysSortByWindowEndThenKey() {
        assertThat(SuppressionProcessor.deadline(0x1F, "b")).isEqualTo("000000000000001f|b");
        assertThat(List.of(SuppressionProcessor.deadline(255, "a"), SuppressionProcessor.deadline(16, "z"),
                SuppressionProcessor.deadline(255, "0")).stream().sorted().toList())
                .containsExactly("0000000000000010|z", "00000000000000ff|0", "00000000000000ff|a");
    }

    private KeyValueStore<String, IdentityAlert> heldStore() {
        return context.getStateStore(SuppressionProcessor.STORE);
    }

    private KeyValueStore<String, String> deadlines() {
        return context.getStateStore(SuppressionProcessor.DEADLINES_STORE);
    }

    private static IdentityAlert alert(String deviceId, long count) {
        AlertCatalogue.Entry entry = AlertCatalogue.entry(AlertType.UNKNOWN_DEVICE);
        return IdentityAlert.newBuilder()
                .setAlertId("alert-" + deviceId)
                .setType(AlertType.UNKNOWN_DEVICE)
                .setCategory(entry.category())
                .setSeverity(entry.severity())
                .setActivity(AlertActivity.NEW)
                .setDeviceId(deviceId)
                .setSubject(deviceId)
                .setEventTime(T0)
                .setFirstSeen(T0)
                .setLastSeen(T0.plusSeconds(120))
                .setCount(count)
                .setSummary("Unknown device " + deviceId)
                .setEvidence(Map.of())
                .setTriggeringEventIds(List.of("e1", "e2", "e3"))
                .setAttackTechniques(entry.attackTechniques())
                .setOwaspNhi(entry.owaspNhi())
                .setNistCsf(entry.nistCsf())
                .setRecommendedAction(entry.recommendedAction())
                .setRuleVersion("1")
                .build();
    }
}
