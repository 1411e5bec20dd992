package io.fleetguard.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.VersionedBytesStoreSupplier;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

import java.time.Duration;

/**
 * How the topology keeps its state. The live app keeps every store in RocksDB with a changelog
 * topic, so an instance can restart or move without forgetting. An offline replay starts from an
 * empty state and throws it away at the end: its stores live in memory and write no changelog,
 * which saves a store write and a produced record per state change. The choice changes where state
 * lives, never what the rules compute, so both kinds give the same alerts.
 */
public enum StateStores {

    /** RocksDB with changelogs: the live app and replays on a cluster. */
    DURABLE,

    /**
     * In memory without changelogs: offline replay. Kafka Streams has no in-memory versioned store,
     * so the versioned tables stay in RocksDB, without changelog.
     */
    EPHEMERAL;

    /** A key-value store for a processor. */
    <K, V> StoreBuilder<KeyValueStore<K, V>> keyValue(String name, Serde<K> keys, Serde<V> values) {
        if (this == DURABLE) {
            return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values);
        }
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values).withLoggingDisabled();
    }

    /**
     * A small, short-lived key-value store (the event-order buffer): in memory in both kinds, with a
     * changelog when durable, so a restarted task restores it and nothing is written to RocksDB.
     */
    <K, V> StoreBuilder<KeyValueStore<K, V>> buffer(String name, Serde<K> keys, Serde<V> values) {
        StoreBuilder<KeyValueStore<K, V>> builder = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values);
        return this == DURABLE ? builder : builder.withLoggingDisabled();
    }

    /** A versioned key-value store for a processor, keeping {@code history} of old versions. */
    <K, V> StoreBuilder<VersionedKeyValueStore<K, V>> versionedKeyValue(String name, Duration history, Serde<K> keys, Serde<V> values) {
        StoreBuilder<VersionedKeyValueStore<K, V>> builder =
                Stores.versionedKeyValueStoreBuilder(Stores.persistentVersionedKeyValueStore(name, history), keys, values);
        return this == DURABLE ? builder : builder.withLoggingDisabled();
    }

    /** A versioned table keeping {@code history} of old versions. */
    <K, V> Materialized<K, V, KeyValueStore<Bytes, byte[]>> versioned(String name, Duration history) {
        VersionedBytesStoreSupplier supplier = Stores.persistentVersionedKeyValueStore(name, history);
        Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized = Materialized.as(supplier);
        return this == DURABLE ? materialized : materialized.withLoggingDisabled();
    }
}
