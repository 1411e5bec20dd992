package io.fleetguard.feed;

import io.fleetguard.sim.SimEvent;

/** Where simulated events go: a Kafka cluster or JSON Lines files. */
public interface EventSink extends AutoCloseable {

    void send(SimEvent event);

    /** Blocks until everything sent so far is durable. */
    void flush();

    @Override
    void close();
}
