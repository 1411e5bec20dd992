package io.fleetguard.bench;

import io.fleetguard.feed.EventSink;
import io.fleetguard.sim.ActivityGenerator;
import io.fleetguard.sim.SimulationOptions;

/**
 * Produces the throughput phase's data once, as fast as the producer takes it: the registry block
 * (one record per device) and then {@code events} simulated events in simulated time, not paced.
 * Events include the registry updates the simulation emits on its own (credential rotations).
 */
final class Preload {

    /**
     * @param registry records of the registry block
     * @param events   records after it
     * @param seconds  from the first send until everything was acknowledged
     */
    record Result(long registry, long events, double seconds) {

        long records() {
            return registry + events;
        }

        double recordsPerSecond() {
            return records() / seconds;
        }
    }

    private Preload() {
    }

    static Result produce(SimulationOptions simulation, long events, EventSink sink) {
        ActivityGenerator generator = new ActivityGenerator(simulation);
        int registry = generator.fleet().size();
        long start = System.nanoTime();
        for (int i = 0; i < registry; i++) {
            sink.send(generator.next());
        }
        for (long i = 0; i < events; i++) {
            sink.send(generator.next());
        }
        sink.flush();
        return new Result(registry, events, (System.nanoTime() - start) / 1e9);
    }
}
