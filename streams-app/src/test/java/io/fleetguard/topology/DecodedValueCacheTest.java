package io.fleetguard.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecodedValueCacheTest {

    /** Decodes strings and records every decode. */
    private final List<String> decoded = new ArrayList<>();
    private final Deserializer<String> counting = (topic, bytes) -> {
        String s = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        decoded.add(s);
        return s;
    };

    private Serde<String> cache(int capacity) {
        return DecodedValueCache.wrap(Serdes.serdeFrom(Serdes.String().serializer(), counting), capacity);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDecodeEachDistinctByteStringOnceAndHandTheSameObjectBack() {
        Serde<String> serde = cache(2);

        String first = serde.deserializer().deserialize("t", b("cam-1 v1"));
        String again = serde.deserializer().deserialize("t", b("cam-1 v1"));
        serde.deserializer().deserialize("t", b("cam-1 v2")); // a new version is new bytes: decoded

        assertThat(again).isSameAs(first);
        assertThat(decoded).containsExactly("cam-1 v1", "cam-1 v2");
        assertThat(serde.serializer().serialize("t", "x")).isEqualTo(b("x"));
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedBeyondItsCapacity() {
        Serde<String> serde = cache(2);

        serde.deserializer().deserialize("t", b("a"));
        serde.deserializer().deserialize("t", b("b"));
        serde.deserializer().deserialize("t", b("a")); // a is now the most recent
        serde.deserializer().deserialize("t", b("c")); // evicts b
        serde.deserializer().deserialize("t", b("a"));
        serde.deserializer().deserialize("t", b("b"));

        assertThat(decoded).containsExactly("a", "b", "c", "b");
    }

    @Test
    void shouldKeepACopySoThatAReusedArrayCannotChangeAnEntry() {
        Serde<String> serde = cache(4);
        byte[] reused = b("aaa");

        serde.deserializer().deserialize("t", reused);
        reused[0] = 'b';
        assertThat(serde.deserializer().deserialize("t", reused)).isEqualTo("baa");
        assertThat(serde.deserializer().deserialize("t", b("aaa"))).isEqualTo("aaa");
        assertThat(decoded).containsExactly("aaa", "baa");
    }

    @Test
    void shouldPassNullThroughAndRefuseAnEmptyCache() {
        assertThat(cache(1).deserializer().deserialize("t", null)).isNull();
        assertThatThrownBy(() -> cache(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be at least 1, not 0");
    }
}
