package io.fleetguard.bench;

import io.fleetguard.feed.EventSink;
import io.fleetguard.sim.ActivityGenerator;
import io.fleetguard.sim.SimEvent;

import java.time.Duration;

/**
 * Offers simulated activity at its own pace in wall-clock time: the simulation starts at a wall
 * clock instant, and each event is sent once the clock reaches its timestamp, so event time and
 * wall time agree. Sending is batched per {@value #TICK_MS} ms tick, which is how often the
 * pacing thread wakes; an event therefore leaves at most one tick after its timestamp.
 */
final class PacedLoad {

    static final long TICK_MS = 10;

    /**
     * @param sent    events sent
     * @param skipped events already due when pacing began (set-up overran the lead); not sent, so
     *                that no backlog burst distorts the measured latency
     * @param began   wall-clock millis at which pacing began: outputs of earlier events are not sampled
     * @param measuredFrom wall-clock millis (= event time) from which outputs count in the percentiles:
     *                the end of the warm-up
     */
    record Result(long sent, long skipped, long began, long measuredFrom) {
    }

    private PacedLoad() {
    }

    /**
     * @param events the generator, past its registry block, whose simulation starts at {@code start}
     * @param start  wall-clock millis of the simulation start
     * @param warmup how long the load runs before {@code length}, measured apart
     */
    static Result run(ActivityGenerator events, EventSink sink, long start, Duration warmup, Duration length, LatencyProbe probe)
            throws InterruptedException {
        sleepUntil(start);
        long began = System.currentTimeMillis();
        probe.sampleFrom(began);
        long measuredFrom = Math.max(began, start + warmup.toMillis());
        long end = start + warmup.toMillis() + length.toMillis();
        long sent = 0;
        long skipped = 0;
        SimEvent next = events.next();
        while (next.timestamp() < end) {
            long now = System.currentTimeMillis();
            while (next.timestamp() <= now && next.timestamp() < end) {
                if (next.timestamp() < began) {
                    skipped++;
                } else {
                    sink.send(next);
                    sent++;
                }
                next = events.next();
            }
            sleepUntil(Math.max(next.timestamp(), (now / TICK_MS + 1) * TICK_MS));
        }
        sink.flush();
        return new Result(sent, skipped, began, measuredFrom);
    }

    private static void sleepUntil(long wallClockMillis) throws InterruptedException {
        long wait = wallClockMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
