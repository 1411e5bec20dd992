package io.fleetguard.ops;

import org.apache.kafka.streams.KafkaStreams.State;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the health endpoints answer, from the Kafka Streams state and whether the instance failed.
 * Live: not in (or heading into) ERROR and not stopped after a failure, so a restart cannot be
 * worse. Ready: RUNNING only, since during a rebalance or a shutdown nothing is processed.
 */
public final class Health {

    private final Supplier<State> state;
    private final BooleanSupplier failed;

    public Health(Supplier<State> state, BooleanSupplier failed) {
        this.state = state;
        this.failed = failed;
    }

    public Probe live() {
        State now = state.get();
        return new Probe(!failed.getAsBoolean() && now != State.PENDING_ERROR && now != State.ERROR, now);
    }

    public Probe ready() {
        State now = state.get();
        return new Probe(now == State.RUNNING, now);
    }

    /** One answer: HTTP 200 when up, 503 when not, and a small JSON body naming the state. */
    public record Probe(boolean up, State state) {

        public int httpStatus() {
            return up ? 200 : 503;
        }

        public String json() {
            return "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"state\":\"" + state.name() + "\"}";
        }
    }
}
