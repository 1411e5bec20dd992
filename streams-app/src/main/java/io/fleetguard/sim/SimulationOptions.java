package io.fleetguard.sim;

import io.fleetguard.detect.Policy;
import io.fleetguard.schema.AlertType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to simulate. Every random choice derives from {@code seed}, so equal options always
 * give the same fleet and the same event sequence.
 *
 * @param devices         fleet size, 1 to {@value #MAX_DEVICES}
 * @param start           simulated instant of the first activity; the registry is written before it
 * @param eventsPerSecond activity pace in simulated time (one traffic action per 1/rate seconds)
 * @param incidentRate    fraction of actions that inject an incident, 0 to 1
 * @param incidentTypes   which incidents to inject, a subset of {@link #SUPPORTED_INCIDENTS}
 * @param policy          the thresholds normal traffic stays within and incidents cross
 */
public record SimulationOptions(long seed, int devices, Instant start, double eventsPerSecond,
                                double incidentRate, Set<AlertType> incidentTypes, Policy policy) {

    public static final int MAX_DEVICES = 1_000_000;

    /**
     * Every alert type. DORMANT_IDENTITY_REACTIVATED needs the policy's dormancy period (90 days
     * by default) of simulated time, so a short simulation injects it only when the dormancy is
     * short enough for the fleet's returning devices ({@link FleetGenerator#MAX_RETURNING_DORMANCY}).
     */
    public static final Set<AlertType> SUPPORTED_INCIDENTS = Collections.unmodifiableSet(EnumSet.of(
            AlertType.UNKNOWN_DEVICE, AlertType.STALE_CREDENTIAL, AlertType.EXPIRED_CREDENTIAL,
            AlertType.REVOKED_CREDENTIAL_IN_USE, AlertType.CREDENTIAL_EXPIRING,
            AlertType.IMPERSONATED_TELEMETRY, AlertType.CLONED_IDENTITY, AlertType.UNEXPECTED_DATA_PATH,
            AlertType.DEFAULT_CREDENTIAL, AlertType.SHARED_CREDENTIAL, AlertType.RETIRED_IDENTITY_ACTIVE,
            AlertType.ORPHANED_IDENTITY, AlertType.DORMANT_IDENTITY_REACTIVATED, AlertType.AUTH_FAILURE_BURST,
            AlertType.UNAPPROVED_REMOTE_SUPPORT, AlertType.UNAUTHORIZED_CONFIG_CHANGE, AlertType.FIRMWARE_DRIFT));

    public SimulationOptions {
        List<String> problems = problems(devices, start, eventsPerSecond, incidentRate, incidentTypes, policy);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid simulation options: " + String.join("; ", problems));
        }
        // An EnumSet iterates in declaration order on every JVM; Set.copyOf would not.
        incidentTypes = Collections.unmodifiableSet(enumSet(incidentTypes));
    }

    public static SimulationOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().seed(seed).devices(devices).start(start).eventsPerSecond(eventsPerSecond)
                .incidentRate(incidentRate).incidentTypes(incidentTypes).policy(policy);
    }

    /** Reports every problem at once, not the first. */
    private static List<String> problems(int devices, Instant start, double eventsPerSecond, double incidentRate,
                                         Set<AlertType> incidentTypes, Policy policy) {
        List<String> problems = new ArrayList<>();
        if (devices < 1 || devices > MAX_DEVICES) {
            problems.add("devices must be between 1 and " + MAX_DEVICES + ", was " + devices);
        }
        if (start == null) {
            problems.add("start must be set");
        }
        if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
            problems.add("eventsPerSecond must be a positive finite number, was " + eventsPerSecond);
        }
        if (!(incidentRate >= 0 && incidentRate <= 1)) {
            problems.add("incidentRate must be between 0 and 1, was " + incidentRate);
        }
        if (incidentTypes == null) {
            problems.add("incidentTypes must be set (empty for none)");
        } else if (!SUPPORTED_INCIDENTS.containsAll(incidentTypes)) {
            EnumSet<AlertType> unsupported = enumSet(incidentTypes);
            unsupported.removeAll(SUPPORTED_INCIDENTS);
            problems.add("incidentTypes " + unsupported + " cannot be injected; supported: " + SUPPORTED_INCIDENTS);
        }
        if (policy == null) {
            problems.add("policy must be set");
        }
        return problems;
    }

    private static EnumSet<AlertType> enumSet(Collection<AlertType> types) {
        EnumSet<AlertType> set = EnumSet.noneOf(AlertType.class);
        set.addAll(types);
        return set;
    }

    /** Builds options from the defaults: seed 42, 500 devices, 2026-01-05T00:00:00Z, 50 events/s, 2 % incidents. */
    public static final class Builder {
        private long seed = 42;
        private int devices = 500;
        private Instant start = Instant.parse("2026-01-05T00:00:00Z");
        private double eventsPerSecond = 50;
        private double incidentRate = 0.02;
        private Set<AlertType> incidentTypes = SUPPORTED_INCIDENTS;
        private Policy policy = Policy.defaults();

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder devices(int devices) {
            this.devices = devices;
            return this;
        }

        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        public Builder eventsPerSecond(double eventsPerSecond) {
            this.eventsPerSecond = eventsPerSecond;
            return this;
        }

        public Builder incidentRate(double incidentRate) {
            this.incidentRate = incidentRate;
            return this;
        }

        public Builder incidentTypes(Set<AlertType> incidentTypes) {
            this.incidentTypes = incidentTypes;
            return this;
        }

        public Builder policy(Policy policy) {
            this.policy = policy;
            return this;
        }

        public SimulationOptions build() {
            return new SimulationOptions(seed, devices, start, eventsPerSecond, incidentRate, incidentTypes, policy);
        }
    }
}
