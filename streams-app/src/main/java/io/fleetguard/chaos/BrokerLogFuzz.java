package io.fleetguard.chaos;

import io.fleetguard.ingest.BrokerLogParsers;
import io.fleetguard.ingest.IdentityMapping;
import io.fleetguard.ingest.LogFormat;
import io.fleetguard.ingest.MosquittoSettings;
import io.fleetguard.ingest.MosquittoState;
import io.fleetguard.ingest.ParseOutcome;
import io.fleetguard.ingest.ParsedLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes each broker-log parser with mutations of real captured lines (the test fixtures, kept
 * as {@code chaos/fuzz-seeds/*} in the jar) and counts what each line became. A line must become
 * events, a skip, a rejection or a throttle count; an exception that escapes a parser, or the
 * Mosquitto correlation state failing its store round trip, is counted as an escape.
 */
final class BrokerLogFuzz {

    /** What {@code lines} fuzzed lines of one format became. */
    record Result(LogFormat format, long lines, long normalized, long skipped, long rejected, long throttled,
                  long escaped, List<String> firstEscapes) {
        long accounted() {
            return normalized + skipped + rejected + throttled;
        }
    }

    private static final String BROKER = "fuzz-broker";
    private static final int KEEP_ESCAPES = 5;

    private final BrokerLogParsers parsers = new BrokerLogParsers(
            MosquittoSettings.defaults().withIdentityListenerPorts(Set.of(8883)),
            IdentityMapping.byClientId(), IdentityMapping.byClientId());

    Map<LogFormat, Result> run(long linesPerFormat, long seed) {
        Map<LogFormat, Result> out = new EnumMap<>(LogFormat.class);
        for (LogFormat format : LogFormat.values()) {
            out.put(format, fuzz(format, seeds(format), linesPerFormat, seed + format.ordinal()));
        }
        return out;
    }

    Result fuzz(LogFormat format, List<String> seeds, long lines, long seed) {
        LineMutator mutator = new LineMutator(seed);
        MosquittoState state = MosquittoState.EMPTY;
        long normalized = 0, skipped = 0, rejected = 0, throttled = 0, escaped = 0;
        List<String> escapes = new ArrayList<>();
        for (long i = 0; i < lines; i++) {
            String line = mutator.mutate(seeds.get((int) (i % seeds.size())), seeds.get((int) ((i * 7 + 3) % seeds.size())));
            try {
                ParseOutcome<MosquittoState> outcome = parsers.parse(format, BROKER, line, 1_700_000_000_000L + i, state);
                if (outcome.stateChangedFrom(state)) {
                    // The topology stores the state after every line that changed it.
                    state = MosquittoState.fromBytes(outcome.state().toBytes());
                }
                ParsedLine result = outcome.result();
                if (result instanceof ParsedLine.Events) {
                    normalized++;
                } else if (result instanceof ParsedLine.Skip) {
                    skipped++;
                } else if (result instanceof ParsedLine.Reject) {
                    rejected++;
                } else {
                    throttled++;
                }
            } catch (RuntimeException e) {
                escaped++;
                if (escapes.size() < KEEP_ESCAPES) {
                    escapes.add(e.getClass().getSimpleName() + " on line " + i + " (" + line.length() + " chars)");
                }
            }
        }
        return new Result(format, lines, normalized, skipped, rejected, throttled, escaped, List.copyOf(escapes));
    }

    static List<String> seeds(LogFormat format) {
        String name = switch (format) {
            case MOSQUITTO -> "mosquitto.log";
            case EMQX -> "emqx.log";
            case AWS_IOT -> "aws-iot.log";
        };
        try (InputStream in = BrokerLogFuzz.class.getResourceAsStream("/chaos/fuzz-seeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fuzz seeds /chaos/fuzz-seeds/" + name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
