package io.fleetguard.metrics;

import io.fleetguard.schema.IdentityAlert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FleetGuard's own counters, so that nothing is dropped silently: records in per input, alerts per
 * type and severity, dead letters per input and reason. One instance per application instance.
 */
public final class FleetGuardMetrics {

    /** Key under which the instance travels through Kafka Streams' configuration to the error handlers. */
    public static final String CONFIG_KEY = "fleetguard.metrics.instance";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public FleetGuardMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static FleetGuardMetrics inMemory() {
        return new FleetGuardMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void recordIn(String input) {
        recordsInCounter(input).increment();
    }

    /** The counter of records read from {@code input}, for a processor to keep instead of looking it up per record. */
    public Counter recordsInCounter(String input) {
        return counter("fleetguard.records.in", "input", input);
    }

    public void alert(IdentityAlert alert) {
        counter("fleetguard.alerts", "type", alert.getType().name(), "severity", alert.getSeverity().name()).increment();
    }

    public void deadLetter(String input, String reason) {
        counter("fleetguard.dead.letters", "input", input, "reason", reason).increment();
    }

    /** A broker log line that was understood but carried nothing to normalize. */
    public void brokerLogSkipped(String kind) {
        counter("fleetguard.broker.logs.skipped", "kind", kind).increment();
    }

    /** Events a broker dropped from its own log (EMQX throttling) and only counted. */
    public void brokerLogThrottled(String message, long count) {
        counter("fleetguard.broker.logs.throttled", "message", message).increment(count);
    }

    /**
     * An event that reached the event-order buffer after events later than it had been released
     * (it arrived later than {@code event.order.grace.ms} behind stream time): judged out of order.
     */
    public void eventOutOfOrder(String input) {
        counter("fleetguard.events.out.of.order", "input", input).increment();
    }

    /** A registry version that arrived after the event-order buffer had released its valid-from time. */
    public void registryUpdateLate() {
        counter("fleetguard.registry.updates.late").increment();
    }

    public double registryUpdatesLate() {
        return count("fleetguard.registry.updates.late");
    }

    public double eventsOutOfOrder(String input) {
        return count("fleetguard.events.out.of.order", "input", input);
    }

    public double brokerLogsSkipped(String kind) {
        return count("fleetguard.broker.logs.skipped", "kind", kind);
    }

    public double recordsIn(String input) {
        return count("fleetguard.records.in", "input", input);
    }

    public double deadLetters(String input, String reason) {
        return count("fleetguard.dead.letters", "input", input, "reason", reason);
    }

    public double alerts() {
        return registry.find("fleetguard.alerts").counters().stream().mapToDouble(Counter::count).sum();
    }

    private Counter counter(String name, String... tags) {
        String id = name + String.join("|", tags);
        return counters.computeIfAbsent(id, k -> Counter.builder(name).tags(tags).register(registry));
    }

    private double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
