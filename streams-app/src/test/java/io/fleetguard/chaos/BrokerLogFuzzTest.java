package io.fleetguard.chaos;

import io.fleetguard.ingest.LogFormat;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded CI share of the fuzzing (the full 100,000 lines per parser run from {@code fleetguard
 * fuzz} and {@code chaos}): mutated real lines never throw out of a parser, and each becomes events,
 * a skip, a rejection or a throttle count.
 */
class BrokerLogFuzzTest {

    private static final long LINES = 5_000;

    @Test
    void shouldAccountForEveryFuzzedLineOfEveryParserWithoutAnEscapedException() {
        Map<LogFormat, BrokerLogFuzz.Result> results = new BrokerLogFuzz().run(LINES, 7);

        assertThat(results).containsOnlyKeys(LogFormat.values());
        for (BrokerLogFuzz.Result r : results.values()) {
            assertThat(r.escaped()).as(r.format() + " " + r.firstEscapes()).isZero();
            assertThat(r.accounted()).as(r.format().name()).isEqualTo(LINES);
        }
    }

    @Test
    void shouldFuzzDeterministicallyForASeed() {
        assertThat(new BrokerLogFuzz().run(500, 3)).isEqualTo(new BrokerLogFuzz().run(500, 3));
    }

    @Test
    void shouldMutateEveryWayWithinAFewHundredLines() {
        LineMutator mutator = new LineMutator(1);
        String seed = "{\"time\":1710929310101200,\"msg\":\"authentication_failure\",\"clientid\":\"c\"}";
        long huge = 0;
        long nonAscii = 0;
        for (int i = 0; i < 300; i++) {
            String m = mutator.mutate(seed, seed);
            huge += m.length() > 10_000 ? 1 : 0;
            nonAscii += m.chars().anyMatch(c -> c > 0x7e || c < 0x20) ? 1 : 0;
        }
        assertThat(huge).isPositive();
        assertThat(nonAscii).isPositive();
    }
}
