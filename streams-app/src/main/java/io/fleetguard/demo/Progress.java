package io.fleetguard.demo;

import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.topology.FleetGuardTopics;

import java.io.PrintStream;

/** The demo's one-line progress: produced, processed, alerts, dead letters. */
final class Progress {

    private final PrintStream err;
    private final DemoTraffic traffic;
    private final FleetGuardMetrics metrics;
    private final FleetGuardTopics topics;
    private final AlertTail tail;

    Progress(PrintStream err, DemoTraffic traffic, FleetGuardMetrics metrics, FleetGuardTopics topics, AlertTail tail) {
        this.err = err;
        this.traffic = traffic;
        this.metrics = metrics;
        this.topics = topics;
        this.tail = tail;
    }

    double processed() {
        return topics.inputTopics().stream().mapToDouble(metrics::recordsIn).sum();
    }

    double deadLetters() {
        return metrics.registry().find("fleetguard.dead.letters").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    void print() {
        err.printf("-- events produced %,d | processed %,.0f | alerts %,d | dead letters %,.0f%n",
                traffic.produced(), processed(), tail.alerts().size(), deadLetters());
    }
}
