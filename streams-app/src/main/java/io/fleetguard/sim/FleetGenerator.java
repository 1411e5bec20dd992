package io.fleetguard.sim;

import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.TrustTier;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.fleetguard.sim.CredentialClock.DAY;

/**
 * The simulated fleet as registered at start: device i is generated from (seed, i) alone, so a
 * million-device fleet is iterated, or any one device looked up, without materializing the rest.
 * Registry records are written during the week before start, in index order, after the few
 * returning devices: registered a dormancy period and more before start, they were last used just
 * over a dormancy period before it (see {@link ActivityGenerator}), so that even a short simulation
 * reactivates dormant devices. There are returning devices only when the policy's dormancy is short
 * enough (at most {@link #MAX_RETURNING_DORMANCY}, as the demo's is) to keep their registration
 * within the default 30-day registry history of the rest of the registry: a versioned table, the
 * repartitioned credential-owners table included, drops a put that much older than what it has seen.
 */
public final class FleetGenerator implements Iterable<DeviceIdentity> {

    private static final long REGISTRY_SPAN = 7 * DAY;
    private static final long REGISTRY_LEAD = 8 * DAY;
    /** How long before their last use the returning devices were registered. */
    private static final long RETURNING_LEAD = 3 * DAY;
    static final int RETURNING = 4;
    public static final java.time.Duration MAX_RETURNING_DORMANCY = java.time.Duration.ofDays(14);

    private final long seed;
    private final long start;
    private final FleetLayout layout;
    private final CredentialIssuer issuer;
    private final DataPaths dataPaths;
    private final long dormancy;
    private final int[] returning;

    public FleetGenerator(SimulationOptions options) {
        this.seed = options.seed();
        this.start = options.start().toEpochMilli();
        this.layout = new FleetLayout(options.devices());
        this.issuer = new CredentialIssuer(seed, options.start(), new CredentialClock(options.policy()));
        this.dataPaths = new DataPaths(layout);
        this.dormancy = options.policy().dormancy().toMillis();
        boolean returns = options.incidentTypes().contains(io.fleetguard.schema.AlertType.DORMANT_IDENTITY_REACTIVATED)
                && options.policy().dormancy().compareTo(MAX_RETURNING_DORMANCY) <= 0;
        this.returning = returns ? pickReturning() : new int[0];
    }

    // The first few ordinary devices that the dormancy incident may reactivate: normal role, active,
    // owned and connecting directly.
    private int[] pickReturning() {
        return IntStream.range(0, size()).filter(i -> {
            DeviceProfile p = profile(i);
            return p.role() == DeviceRole.NORMAL && p.direct() && p.eligible();
        }).limit(RETURNING).toArray();
    }

    /** The returning devices' indices, in registry order. */
    int[] returning() {
        return returning.clone();
    }

    /** When a returning device was last used before start: just over a dormancy period back. */
    long lastUseBeforeStart(int position) {
        return start - dormancy - java.time.Duration.ofHours(2).toMillis() + position * 1000L;
    }

    /** The index of the {@code n}th registry record: the returning devices first, then the rest in index order. */
    int registryOrder(int n) {
        if (n < returning.length) {
            return returning[n];
        }
        int index = n - returning.length;
        for (int r : returning) { // sorted ascending: step over each returning device at or before index
            if (r <= index) {
                index++;
            }
        }
        return index;
    }

    public int size() {
        return layout.devices();
    }

    public String deviceId(int index) {
        return profile(index).deviceId();
    }

    /** The registry record of device {@code index}, 0-based, as written before start. */
    public DeviceIdentity device(int index) {
        DeviceProfile p = profile(index);
        long updatedAt = updatedAt(index);
        return device(p, issuer.initial(p, updatedAt), updatedAt);
    }

    /** Device {@code index} as re-registered at {@code updatedAt} with other credentials. */
    DeviceIdentity device(int index, List<Credential> credentials, long updatedAt) {
        return device(profile(index), credentials, updatedAt);
    }

    private DeviceIdentity device(DeviceProfile p, List<Credential> credentials, long updatedAt) {
        int index = p.index();
        return DeviceIdentity.newBuilder()
                .setDeviceId(p.deviceId())
                .setDeviceClass(p.deviceClass().label())
                .setOwner(p.owner())
                .setStatus(p.status())
                .setTrustTier(p.trustTier())
                .setCredentials(credentials)
                .setAllowedDataPaths(dataPaths.allowed(p))
                .setAllowedGateways(p.trustTier() == TrustTier.GATEWAY_MEDIATED
                        ? List.of(deviceId(layout.gatewayOf(index))) : List.of())
                .setAllowedSourceCidrs(List.of(layout.cidr(p.site())))
                .setExpectedFirmware(p.deviceClass().firmware(p.site()))
                .setApprovedSupportVendors(p.deviceClass().supportVendors())
                .setMaintenanceWindows(MaintenanceWindows.forSite(seed, p.site()))
                .setUpdatedAt(Instant.ofEpochMilli(updatedAt))
                .build();
    }

    /** True when the id names a device of this fleet. */
    public boolean contains(String deviceId) {
        int dash = deviceId.lastIndexOf('-');
        String digits = deviceId.substring(dash + 1);
        if (dash < 0 || digits.length() != 6 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int index = Integer.parseInt(digits);
        return index < size() && deviceId(index).equals(deviceId);
    }

    @Override
    public Iterator<DeviceIdentity> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public DeviceIdentity next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return device(registryOrder(next++));
            }
        };
    }

    public Stream<DeviceIdentity> stream() {
        return IntStream.range(0, size()).map(this::registryOrder).mapToObj(this::device);
    }

    DeviceProfile profile(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("device index " + index + " outside a fleet of " + size());
        }
        return DeviceProfile.of(layout, seed, index);
    }

    // Non-decreasing in registry order, so the registry block is in timestamp order: a versioned table
    // drops a put older than its history retention behind the stream time it has seen.
    long updatedAt(int index) {
        for (int position = 0; position < returning.length; position++) {
            if (returning[position] == index) {
                return lastUseBeforeStart(position) - RETURNING_LEAD;
            }
        }
        return start - REGISTRY_LEAD + (long) index * REGISTRY_SPAN / size();
    }

    FleetLayout layout() {
        return layout;
    }

    CredentialIssuer issuer() {
        return issuer;
    }

    DataPaths dataPaths() {
        return dataPaths;
    }
}
