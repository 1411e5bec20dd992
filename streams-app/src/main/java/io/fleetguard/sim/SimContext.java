package io.fleetguard.sim;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the traffic builders share: the fleet, the registry as changed so far, the policy's
 * calendar, event ids, the activity random stream and the queue events go to.
 */
final class SimContext {

    /**
     * A device renewed at t first uses its new credential at t + 1 s, so a consumer that orders
     * its inputs by event time sees the registry update before the first use.
     */
    static final long RENEWAL_LEAD = 1_000;
    private static final int PICK_ATTEMPTS = 32;

    final long seed;
    final FleetGenerator fleet;
    final FleetLayout layout;
    final DataPaths dataPaths;
    final RegistryState registry;
    final CredentialClock clock;
    final EventFactory events;
    final SplittableRandom random;
    private final Consumer<SimEvent> sink;
    private final Map<Integer, Long> pinned = new HashMap<>();

    SimContext(SimulationOptions options, FleetGenerator fleet, Consumer<SimEvent> sink) {
        this.seed = options.seed();
        this.fleet = fleet;
        this.layout = fleet.layout();
        this.dataPaths = fleet.dataPaths();
        this.registry = new RegistryState(fleet);
        this.clock = new CredentialClock(options.policy());
        this.events = new EventFactory(options.seed());
        this.random = Seeds.random(options.seed(), Seeds.ACTIVITY, 0);
        this.sink = sink;
    }

    void emit(SimEvent event) {
        sink.accept(event);
    }

    DeviceProfile profile(int index) {
        return fleet.profile(index);
    }

    Credential currentCredential(int index) {
        return CredentialIssuer.current(registry.current(index));
    }

    /**
     * A random device that normal traffic may use and the filter accepts; after a few misses,
     * the last candidate's cell gateway, which is always eligible and direct, but which a
     * stricter filter must check again.
     */
    int pickEligible(Predicate<DeviceProfile> filter) {
        int index = 0;
        for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
            index = random.nextInt(layout.devices());
            DeviceProfile p = fleet.profile(index);
            if (p.eligible() && filter.test(p)) {
                return index;
            }
        }
        return layout.gatewayOf(index);
    }

    /** Renews the device's credential if a use at {@code at} comes close to a threshold; returns when it may be used. */
    long renewIfDue(int index, long at) {
        if (!clock.needsRenewal(currentCredential(index), at)) {
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

    long bytes(DeviceProfile p) {
        return p.deviceClass() == DeviceClass.CAMERA ? 20_000 + random.nextInt(400_000) : 64 + random.nextInt(4_000);
    }

    /** One record in ten reports the firmware, always the expected one: drift is not simulated here. */
    String firmware(DeviceProfile p) {
        return random.nextInt(10) == 0 ? p.deviceClass().firmware(p.site()) : null;
    }
}
