package io.fleetguard.sim;

import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry as the simulation has changed it so far: the generated fleet plus each device's
 * latest credential rotation. Only a few numbers are kept per rotated device; its record is
 * rebuilt on demand, so memory grows with rotations, never with events.
 */
final class RegistryState {

    private record Rotation(int generation, long issuedAt, long previousIssuedAt, boolean previousRevoked) {
    }

    // Direct-mapped by index: a device is looked up several times per action, and building
    // its record (fingerprints, windows) costs far more than the lookup.
    private static final int CACHE_SLOTS = 4096;

    private final FleetGenerator fleet;
    private final Map<Integer, Rotation> rotations = new HashMap<>();
    private final DeviceIdentity[] cached = new DeviceIdentity[CACHE_SLOTS];
    private final int[] cachedIndex = new int[CACHE_SLOTS];

    RegistryState(FleetGenerator fleet) {
        this.fleet = fleet;
    }

    DeviceIdentity current(int index) {
        int slot = index & (CACHE_SLOTS - 1);
        if (cached[slot] != null && cachedIndex[slot] == index) {
            return cached[slot];
        }
        DeviceIdentity base = fleet.device(index);
        Rotation rotation = rotations.get(index);
        DeviceIdentity identity = rotation == null ? base : rotated(index, base, rotation);
        cached[slot] = identity;
        cachedIndex[slot] = index;
        return identity;
    }

    /**
     * Issues the device a new credential at {@code at}; the one it replaces stays listed with
     * supersededBy set (and revoked when asked), as a registry keeps rotated-out credentials.
     *
     * @return the device's new registry record
     */
    DeviceIdentity rotate(int index, long at, boolean revokePrevious) {
        DeviceIdentity before = current(index);
        Rotation last = rotations.get(index);
        int generation = last == null ? before.getCredentials().size() - 1 : last.generation();
        long previousIssuedAt = CredentialIssuer.current(before).getIssuedAt().toEpochMilli();
        rotations.put(index, new Rotation(generation + 1, at, previousIssuedAt, revokePrevious));
        cached[index & (CACHE_SLOTS - 1)] = null;
        return current(index);
    }

    private DeviceIdentity rotated(int index, DeviceIdentity base, Rotation rotation) {
        DeviceProfile p = fleet.profile(index);
        CredentialIssuer issuer = fleet.issuer();
        int baseGeneration = base.getCredentials().size() - 1;
        Credential previous = rotation.generation() - 1 == baseGeneration
                ? CredentialIssuer.current(base)
                : issuer.issue(p, rotation.generation() - 1, rotation.previousIssuedAt());
        Credential current = issuer.issue(p, rotation.generation(), rotation.issuedAt());
        Credential retired = CredentialIssuer.retired(previous, current.getFingerprint(), rotation.previousRevoked());
        return fleet.device(index, List.of(retired, current), rotation.issuedAt());
    }
}
