package io.fleetguard.topology;

import org.apache.kafka.common.serialization.Serde;

/** A topic name together with the serdes of its keys and values. */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
}
