package io.fleetguard.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A serde whose deserializer remembers the objects it decoded from the last {@code capacity}
 * distinct byte strings (per stream thread, least recently used first out). The registry store is
 * read once per activity and a device's entry changes rarely, so most reads decode bytes seen
 * before; comparing bytes costs far less than decoding Avro with its lists.
 *
 * <p>The decoded objects are shared between reads: use it only for values nobody modifies (the
 * detectors only read registry entries).
 */
final class DecodedValueCache {

    private DecodedValueCache() {
    }

    static <T> Serde<T> wrap(Serde<T> serde, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        Deserializer<T> inner = serde.deserializer();
        ThreadLocal<Map<Bytes, T>> decoded = ThreadLocal.withInitial(() -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Bytes, T> eldest) {
                return size() > capacity;
            }
        });
        Deserializer<T> caching = (topic, bytes) -> {
            if (bytes == null) {
                return inner.deserialize(topic, null);
            }
            Map<Bytes, T> cache = decoded.get();
            Bytes key = new Bytes(bytes);
            T value = cache.get(key);
            if (value == null) {
                value = inner.deserialize(topic, bytes);
                if (value != null) {
                    cache.put(new Bytes(bytes.clone()), value); // a copy: the caller may reuse its array
                }
            }
            return value;
        };
        return Serdes.serdeFrom(serde.serializer(), caching);
    }

    /** A byte string as a map key (the array must not change while it is one). */
    private record Bytes(byte[] bytes, int hash) {
        Bytes(byte[] bytes) {
            this(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && other.hash == hash && Arrays.equals(other.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
