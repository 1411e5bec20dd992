package io.fleetguard.replay;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replay's task loop against the TopologyTestDriver it stands in for. */
class TaskDriverTest {

    @TempDir
    Path stateDir;

    /**
     * Words keyed by their first letter through a repartition topic, counted per letter in a store,
     * the counts to "counts", every word also to "echo" (never read).
     */
    private static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        var words = builder.stream("words", Consumed.with(Serdes.String(), Serdes.String()));
        words.to("echo", Produced.with(Serdes.String(), Serdes.String()));
        words.selectKey((k, w) -> w.substring(0, 1))
                .repartition(Repartitioned.<String, String>as("by-letter").withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .groupByKey()
                .count(Materialized.as("letter-counts"))
                .toStream()
                .to("counts", Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    private Properties props(String name) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "task-driver-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(name).toString());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return p;
    }

    @Test
    void producesWhatTheTopologyTestDriverProducesInTheSameOrder() {
        List<String> words = List.of("apple", "avocado", "banana", "blueberry", "apricot", "cherry", "banana");
        List<String> expected;
        try (TopologyTestDriver reference = new TopologyTestDriver(topology(), props("reference"))) {
            var in = reference.createInputTopic("words", Serdes.String().serializer(), Serdes.String().serializer());
            long t = 1_000;
            for (String w : words) {
                in.pipeInput(new TestRecord<>(w, w, null, t++));
            }
            expected = reference.createOutputTopic("counts", Serdes.String().deserializer(), Serdes.Long().deserializer())
                    .readKeyValuesToList().stream().map(KeyValue::toString).toList();
        }

        List<String> actual = new ArrayList<>();
        try (TaskDriver driver = new TaskDriver(topology(), props("task"), Set.of("counts"))) {
            long t = 1_000;
            for (String w : words) {
                driver.pipe("words", bytes(w), bytes(w), t++);
                for (ProducerRecord<byte[], byte[]> r : driver.read("counts")) {
                    actual.add(KeyValue.pair(new String(r.key(), StandardCharsets.UTF_8),
                            Serdes.Long().deserializer().deserialize("counts", r.value())).toString());
                }
            }
            assertThat(driver.read("counts")).isEmpty(); // read clears
        }

        assertThat(actual).isEqualTo(expected)
                .containsExactly("KeyValue(a, 1)", "KeyValue(a, 2)", "KeyValue(b, 1)", "KeyValue(b, 2)",
                        "KeyValue(a, 3)", "KeyValue(c, 1)", "KeyValue(b, 3)");
    }

    @Test
    void refusesTopicsItDoesNotKnow() {
        try (TaskDriver driver = new TaskDriver(topology(), props("refuse"), Set.of("counts"))) {
            assertThatThrownBy(() -> driver.pipe("counts", bytes("a"), bytes("1"), 1L))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a source topic");
            assertThatThrownBy(() -> driver.read("echo"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a requested output topic");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
