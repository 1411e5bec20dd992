package io.fleetguard.bench;

import io.fleetguard.schema.DeviceIdentity;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The yardstick FleetGuard is measured against: the least a registry-enriching app must do. All
 * four event topics in one stream, one KStream–KTable left join with the registry (a plain,
 * latest-value table), each joined event written unchanged to the output of its input topic.
 * Same key and value serdes as FleetGuard; no validation, detection or dead-lettering.
 */
public final class BaselineTopology {

    public static final String REGISTRY_STORE = "baseline-registry";

    private BaselineTopology() {
    }

    /**
     * @param values FleetGuard's Avro value serde, configured for values; it handles every contract
     */
    public static Topology build(BenchTopics topics, Serde<String> keys, Serde<SpecificRecord> values) {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, SpecificRecord> registry = builder.table(topics.registry(),
                Consumed.with(keys, values).withName("baseline-registry-source"),
                Materialized.<String, SpecificRecord, KeyValueStore<Bytes, byte[]>>as(REGISTRY_STORE).withKeySerde(keys).withValueSerde(values));
        builder.stream(topics.events(), Consumed.with(keys, values).withName("baseline-events-source"))
                .leftJoin(registry, BaselineTopology::joined,
                        Joined.<String, SpecificRecord, SpecificRecord>as("baseline-registry-join")
                                .withKeySerde(keys).withValueSerde(values).withOtherValueSerde(values))
                .to((key, value, context) -> BenchTopics.joinedOf(context.topic()),
                        Produced.with(keys, values).withName("baseline-sink"));
        return builder.build();
    }

    /**
     * The event itself: the identity was still looked up and deserialized, which is the join's cost.
     * Checking its type keeps the lookup's result in use.
     */
    private static SpecificRecord joined(SpecificRecord event, SpecificRecord identity) {
        if (identity != null && !(identity instanceof DeviceIdentity)) {
            throw new IllegalStateException("registry holds " + identity.getClass().getName());
        }
        return event;
    }
}
