package io.fleetguard.demo;

import io.fleetguard.detect.Activity;
import io.fleetguard.feed.EventSink;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.TelemetryRecord;
import io.fleetguard.sim.ActivityGenerator;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.sim.SimulationOptions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds the simulated fleet into Kafka: the registry at once, then activity paced so that event
 * time follows the wall clock (the simulation starts "now"), remembering every injected incident.
 */
public final class DemoTraffic implements Runnable {

    private final SimulationOptions options;
    private final EventSink sink;
    private final AtomicLong produced = new AtomicLong();
    private final Map<String, DemoReport.Incident> incidents = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    DemoTraffic(SimulationOptions options, EventSink sink) {
        this.options = options;
        this.sink = sink;
    }

    @Override
    public void run() {
        ActivityGenerator events = new ActivityGenerator(options);
        int registry = options.devices();
        try {
            while (!stopped) {
                SimEvent e = events.next();
                if (registry-- == 0) {
                    sink.flush(); // the registry is in before the first activity
                }
                waitUntil(e.timestamp());
                if (stopped) {
                    break;
                }
                sink.send(e);
                produced.incrementAndGet();
                if (e.isIncident()) {
                    incidents.put(triggeringEventId(e), new DemoReport.Incident(e.expected(), e.key(), e.raises()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sink.flush();
        }
    }

    /** The id alerts will carry for this event (support sessions are ":start"/":end" activities). */
    public static String triggeringEventId(SimEvent e) {
        Object v = e.value();
        if (v instanceof AuthEvent a) {
            return Activity.of(a).eventId();
        } else if (v instanceof TelemetryRecord t) {
            return Activity.of(t).eventId();
        } else if (v instanceof ConfigChange c) {
            return Activity.of(c).eventId();
        } else if (v instanceof RemoteSupportSession s) {
            return Activity.of(s).eventId();
        }
        return e.key();
    }

    private void waitUntil(long eventTime) throws InterruptedException {
        long wait = eventTime - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(Math.min(wait, 1000));
        }
    }

    void stop() {
        stopped = true;
    }

    long produced() {
        return produced.get();
    }

    Map<String, DemoReport.Incident> incidents() {
        return Map.copyOf(incidents);
    }
}
