package io.fleetguard.sim;

import io.fleetguard.detect.Policy;
import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthOutcome;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.TelemetryRecord;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the traffic builders share: the fleet, the registry as changed so far, the policy and its
 * calendar, event ids, the activity random stream, the queue events go to, and what the stateful
 * rules will remember of the events emitted so far (last uses, recent failures).
 */
final class SimContext {

    /**
     * A device renewed at t first uses its new credential at t + 1 s, so a consumer that orders
     * its inputs by event time sees the registry update before the first use.
     */
    static final long RENEWAL_LEAD = 1_000;
    /** The clone window FleetGuard uses by default (policy.clone.window.minutes); not part of Policy. */
    static final long CLONE_WINDOW = Duration.ofMinutes(10).toMillis();
    private static final int PICK_ATTEMPTS = 32;
    private static final int STRANGER_HOSTS = 40_000;

    final long seed;
    final Policy policy;
    final FleetGenerator fleet;
    final FleetLayout layout;
    final DataPaths dataPaths;
    final RegistryState registry;
    final CredentialClock clock;
    final EventFactory events;
    final SplittableRandom random;
    final UseLog uses;
    final FailureLog failures;
    private final Consumer<SimEvent> sink;
    private final Map<Integer, Long> pinned = new HashMap<>();

    SimContext(SimulationOptions options, FleetGenerator fleet, Consumer<SimEvent> sink) {
        this.seed = options.seed();
        this.policy = options.policy();
        this.fleet = fleet;
        this.layout = fleet.layout();
        this.dataPaths = fleet.dataPaths();
        this.registry = new RegistryState(fleet);
        this.clock = new CredentialClock(options.policy());
        this.events = new EventFactory(options.seed());
        this.random = Seeds.random(options.seed(), Seeds.ACTIVITY, 0);
        this.uses = new UseLog(fleet.size(), policy.dormancy());
        this.failures = new FailureLog(2 * policy.burstWindow().toMillis() + Duration.ofHours(1).toMillis());
        this.sink = sink;
    }

    /** Queues an event, noting the use or failure it is for the stateful rules. */
    void emit(SimEvent event) {
        if (event.value() instanceof AuthEvent auth) {
            if (auth.getOutcome() == AuthOutcome.SUCCESS) {
                noteUse(event);
            } else {
                failures.record(auth.getDeviceId(), auth.getSourceIp(), event.timestamp());
            }
        } else if (event.value() instanceof TelemetryRecord) {
            noteUse(event);
        }
        sink.accept(event);
    }

    private void noteUse(SimEvent event) {
        int index = fleetIndex(event.key());
        if (index >= 0) {
            uses.used(index, event.timestamp());
        }
    }

    /**
     * The fleet index a device id names, or -1. Every id the simulator emits names a fleet device
     * by its index, except unknown devices, which are numbered from the fleet size up.
     */
    int fleetIndex(String deviceId) {
        int dash = deviceId.lastIndexOf('-');
        if (dash < 0 || dash == deviceId.length() - 1) {
            return -1;
        }
        long index = 0;
        for (int i = dash + 1; i < deviceId.length(); i++) {
            char c = deviceId.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
            if (index >= layout.devices()) {
                return -1;
            }
        }
        return (int) index;
    }

    /** True when a use of the device at about {@code at} raises no dormancy alert (see {@link UseLog}). */
    boolean usable(int index, long at) {
        return uses.usable(index, at);
    }

    DeviceProfile profile(int index) {
        return fleet.profile(index);
    }

    Credential currentCredential(int index) {
        return CredentialIssuer.current(registry.current(index));
    }

    /**
     * A random device that normal traffic may use at {@code at} and the filter accepts; after a
     * few misses, a cell gateway (the last candidate's, or the next usable one), which is always
     * eligible and direct, but which a stricter filter must check again. Only in a fleet whose
     * gateways have all gone quiet (far fewer uses than devices per dormancy period) is the
     * gateway returned not usable.
     */
    int pickEligible(long at, Predicate<DeviceProfile> filter) {
        int index = 0;
        for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
            index = random.nextInt(layout.devices());
            DeviceProfile p = fleet.profile(index);
            if (p.eligible() && usable(index, at) && filter.test(p)) {
                return index;
            }
        }
        int gateway = layout.gatewayOf(index);
        for (int g = gateway; g < layout.devices(); g += FleetLayout.CELL) {
            if (usable(g, at)) {
                return g;
            }
        }
        for (int g = 0; g < gateway; g += FleetLayout.CELL) {
            if (usable(g, at)) {
                return g;
            }
        }
        return gateway;
    }

    /** Renews the device's credential if a use at {@code at} comes close to a threshold; returns when it may be used. */
    long renewIfDue(int index, long at) {
        if (!clock.needsRenewal(currentCredential(index), at)) {
            return at;
        }
        rotate(index, at, false);
        return at + RENEWAL_LEAD;
    }

    /**
     * Like {@link #renewIfDue}, but renews now if the credential would need renewal by
     * {@code until}, so that it stays current through an incident's last event.
     */
    long renewAhead(int index, long at, long until) {
        if (!clock.needsRenewal(currentCredential(index), until)) {
            return at;
        }
        rotate(index, at, false);
        return at + RENEWAL_LEAD;
    }

    /** A credential rotation: the registry update and the rotating automation's config change. */
    void rotate(int index, long at, boolean revokePrevious) {
        String before = currentCredential(index).getFingerprint();
        DeviceIdentity after = registry.rotate(index, at, revokePrevious);
        emit(events.registry(after));
        emit(events.config(after.getDeviceId(), "pki-automation", ActorType.AUTOMATION, ChangeType.CREDENTIAL,
                before, CredentialIssuer.current(after).getFingerprint(), null, null, at));
    }

    /**
     * Keeps the device's credentials as they are until {@code until}: a retired credential is
     * about to be presented, and a further rotation would drop it from the registry record.
     */
    void pin(int index, long at, long until) {
        if (pinned.size() > 1_000) {
            pinned.values().removeIf(end -> end < at);
        }
        pinned.put(index, until);
    }

    /** True when the device may be rotated at {@code at}. */
    boolean rotatable(int index, long at) {
        Long until = pinned.get(index);
        return until == null || until < at;
    }

    /** The device's own connection, presenting {@code credential} from its fixed address. */
    Connection connection(DeviceProfile p, Credential credential) {
        return new Connection(credential.getPrincipal(), credential.getFingerprint(),
                CredentialIssuer.method(credential.getType()), p.deviceId(), layout.ip(p.index()),
                layout.brokerId(p.site()), null);
    }

    /** A use of {@code credential} by the device itself: a successful connect or telemetry to an allowed path. */
    void use(DeviceProfile p, Credential credential, long at, boolean telemetry, Incident incident) {
        Connection connection = connection(p, credential);
        if (telemetry) {
            emit(events.telemetry(p.deviceId(), connection, dataPaths.normal(p, random), bytes(p), firmware(p),
                    at, incident));
        } else {
            emit(events.auth(p.deviceId(), connection, true, at, incident));
        }
    }

    /** An address inside the site's /16 that no fleet device holds, in a /24 none of them uses. */
    String strangerIp(int site) {
        return layout.address(site, FleetLayout.UNREGISTERED_HOSTS + random.nextInt(STRANGER_HOSTS));
    }

    long bytes(DeviceProfile p) {
        return p.deviceClass() == DeviceClass.CAMERA ? 20_000 + random.nextInt(400_000) : 64 + random.nextInt(4_000);
    }

    /** One record in ten reports the firmware, always the expected one: drift is not simulated here. */
    String firmware(DeviceProfile p) {
        return random.nextInt(10) == 0 ? p.deviceClass().firmware(p.site()) : null;
    }
}
