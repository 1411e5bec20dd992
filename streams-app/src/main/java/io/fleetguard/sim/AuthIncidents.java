package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthMethod;
import io.fleetguard.schema.Credential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Incidents made of authentications, which the stateful rules judge together with everything
 * around them: a default principal tried or used, a device presenting another device's
 * credential, a burst of failures against one device or sprayed from one address across devices,
 * and a device connecting from a second network while it is connected from its own.
 *
 * <p>Only failed authentications feed the burst rules, and only incidents fail, so the failure log
 * suffices to keep each burst alone in its window. Where a rule would take a later normal use of
 * the device for a repeat of the incident (a network or a credential user seen only once, going
 * out of the window before the other does), the incident brackets its labelled event between two
 * of the device's own normal uses, seconds apart, and pins the device's credential until the last.
 */
final class AuthIncidents {

    private static final int ATTEMPTS = 16;
    // Between an attacker's attempts, and between the events of a bracket: seconds, so that a
    // short demo sees whole incidents, yet far apart enough that parallel stream tasks keep them
    // in order.
    private static final long MIN_STEP = 500;
    private static final long MAX_STEP = 1_500;
    private static final long MIN_GAP = 1_000;
    private static final long MAX_GAP = 3_000;
    /** How many devices a search for a partner on the same input partition looks at. */
    private static final int SCAN = 4_096;

    private final SimContext ctx;
    private final List<String> defaultPrincipals;
    /** Fingerprint of a credential an incident shared, to when; forgotten after the sharing window. */
    private final Map<String, Long> sharedAt = new HashMap<>();
    /** Device index of a cloned identity, to when; forgotten after the clone window. */
    private final Map<Integer, Long> clonedAt = new HashMap<>();

    AuthIncidents(SimContext ctx) {
        this.ctx = ctx;
        // Sorted: a Set's iteration order may differ between JVM runs, and the simulation may not.
        this.defaultPrincipals = ctx.policy.defaultPrincipals().stream().sorted().toList();
    }

    /**
     * A registered device's connection tries (a failure: MEDIUM) or logs in with (CRITICAL) a
     * default principal and the device's factory secret, from the device's own address. The
     * secret is the device's alone, so no other device shares it; a failure is kept out of any
     * failure burst.
     */
    boolean defaultCredential(long at) {
        if (defaultPrincipals.isEmpty()) {
            return false;
        }
        int index = ctx.pickEligible(at, DeviceProfile::direct);
        if (!fit(index, at)) {
            return false;
        }
        DeviceProfile p = ctx.profile(index);
        String principal = defaultPrincipals.get(ctx.random.nextInt(defaultPrincipals.size()));
        String ip = ctx.layout.ip(index);
        boolean used = ctx.random.nextBoolean() || !failureClear(ctx, p.deviceId(), ip, at, at);
        Connection connection = new Connection(principal, FakeSecrets.fingerprint(ctx.seed, FakeSecrets.FACTORY, index, 0),
                AuthMethod.PASSWORD, p.deviceId(), ip, ctx.layout.brokerId(p.site()), null);
        String label = p.deviceId() + (used ? " logged in" : " failed to log in") + " as default principal " + principal;
        ctx.emit(ctx.events.auth(p.deviceId(), connection, used, at, new Incident(AlertType.DEFAULT_CREDENTIAL, label)));
        return true;
    }

    /**
     * Device B authenticates with device A's current credential, between two normal
     * authentications of A: the first puts A in the credential's recent users, so B's is the
     * second device (the alert); the last keeps A among them for as long as B is, so none of A's
     * later authentications looks like a newcomer. B presents A's principal and fingerprint from
     * B's own address, so no credential of B's is involved and nothing else is raised. B shares
     * A's input partition (see {@link PartitionAffinity}), so FleetGuard sees A's first use first.
     */
    boolean shared(long at) {
        forgetBefore(sharedAt, at - ctx.policy.sharedCredentialWindow().toMillis() - CredentialClock.MARGIN);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int a = ctx.pickEligible(at, p -> p.direct() && ctx.rotatable(p.index(), at));
            if (!fit(a, at) || !ctx.rotatable(a, at) || sharedAt.containsKey(ctx.currentCredential(a).getFingerprint())) {
                continue;
            }
            int b = partner(a, at);
            if (b < 0) {
                continue;
            }
            long toSecond = gap();
            long toLast = gap();
            long first = ctx.renewAhead(a, at, at + SimContext.RENEWAL_LEAD + toSecond + toLast);
            long second = first + toSecond;
            long last = second + toLast;
            Credential credential = ctx.currentCredential(a);
            ctx.pin(a, at, last);
            DeviceProfile owner = ctx.profile(a);
            DeviceProfile other = ctx.profile(b);
            Connection stolen = new Connection(credential.getPrincipal(), credential.getFingerprint(),
                    CredentialIssuer.method(credential.getType()), other.deviceId(), ctx.layout.ip(b),
                    ctx.layout.brokerId(other.site()), null);
            String label = other.deviceId() + " authenticated with " + owner.deviceId() + "'s credential, which "
                    + owner.deviceId() + " also uses";
            ctx.use(owner, credential, first, false, null);
            ctx.emit(ctx.events.auth(other.deviceId(), stolen, true, second,
                    new Incident(AlertType.SHARED_CREDENTIAL, label)));
            ctx.use(owner, credential, last, false, null);
            sharedAt.put(credential.getFingerprint(), second);
            return true;
        }
        return false;
    }

    /** A per-device burst, or, half of the time when a site has the devices, password spraying. */
    boolean burst(long at) {
        return (ctx.random.nextBoolean() && spray(at)) || deviceBurst(at);
    }

    /**
     * As many failed authentications as make a burst, as one registered device, from one address
     * inside its site that no device holds, with wrong secrets; the last one is the burst. The
     * address and the device have no other failure within a window either side.
     */
    private boolean deviceBurst(long at) {
        int n = ctx.policy.burstCount();
        long step = step(n);
        if (step < 1) {
            return false;
        }
        long last = at + (n - 1) * step;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int index = ctx.pickEligible(at, DeviceProfile::direct);
            DeviceProfile p = ctx.profile(index);
            String ip = ctx.strangerIp(p.site());
            if (!p.eligible() || !p.direct() || !failureClear(ctx, p.deviceId(), ip, at, last)) {
                continue;
            }
            String label = String.format(Locale.ROOT, "%d failed authentications as %s from %s within %.1f s",
                    n, p.deviceId(), ip, (last - at) / 1000.0);
            String tool = "mqtt-brute-" + Integer.toHexString(ctx.random.nextInt());
            for (int k = 0; k < n; k++) {
                fail(index, tool, ip, at + k * step, k == n - 1 ? label : null);
            }
            return true;
        }
        return false;
    }

    /**
     * One failed authentication as each of as many registered devices as make a burst, all from
     * one outside address: the last failure makes the per-source burst (HIGH), while each device
     * sees a single failure. The devices share an input partition (see {@link PartitionAffinity}),
     * so FleetGuard counts the failures in their order.
     */
    private boolean spray(long at) {
        int n = ctx.policy.burstCount();
        long step = step(n);
        if (step < 1) {
            return false;
        }
        long last = at + (n - 1) * step;
        // 192.0.2.0/24 is TEST-NET-1: outside the fleet, and no other incident authenticates from it.
        String ip = "192.0.2." + (1 + ctx.random.nextInt(254));
        if (!ctx.failures.sourceClear(ip, at - window(), last + window())) {
            return false;
        }
        int first = ctx.pickEligible(at, DeviceProfile::direct);
        int residue = PartitionAffinity.residue(ctx.profile(first).deviceId());
        List<Integer> targets = new ArrayList<>(n);
        int devices = ctx.layout.devices();
        int start = ctx.random.nextInt(devices);
        for (int i = 0; i < Math.min(devices, SCAN) && targets.size() < n; i++) {
            int index = (start + i) % devices;
            DeviceProfile p = ctx.profile(index);
            if (p.eligible() && p.direct() && PartitionAffinity.residue(p.deviceId()) == residue
                    && failureClear(ctx, p.deviceId(), null, at, last)) {
                targets.add(index);
            }
        }
        if (targets.size() < n) {
            return false;
        }
        String label = String.format(Locale.ROOT, "%s failed to authenticate as %d devices within %.1f s"
                + " (password spraying)", ip, n, (last - at) / 1000.0);
        String tool = "mqtt-spray-" + Integer.toHexString(ctx.random.nextInt());
        for (int k = 0; k < n; k++) {
            fail(targets.get(k), tool, ip, at + k * step, k == n - 1 ? label : null);
        }
        return true;
    }

    /** An eligible, direct, usable device other than {@code a} on a's input partition, or -1. */
    private int partner(int a, long at) {
        int residue = PartitionAffinity.residue(ctx.profile(a).deviceId());
        int devices = ctx.layout.devices();
        int start = ctx.random.nextInt(devices);
        for (int i = 0; i < Math.min(devices, SCAN); i++) {
            int index = (start + i) % devices;
            if (index != a && PartitionAffinity.residue(ctx.profile(index).deviceId()) == residue && fit(index, at)) {
                return index;
            }
        }
        return -1;
    }

    private void fail(int index, String clientId, String ip, long at, String label) {
        DeviceProfile p = ctx.profile(index);
        Credential credential = ctx.currentCredential(index);
        Connection guess = new Connection(credential.getPrincipal(),
                FakeSecrets.fingerprint(ctx.seed, FakeSecrets.GUESSED, ctx.random.nextLong() >>> 1, 0),
                CredentialIssuer.method(credential.getType()), clientId, ip, ctx.layout.brokerId(p.site()), null);
        Incident incident = label == null ? null : new Incident(AlertType.AUTH_FAILURE_BURST, label);
        ctx.emit(ctx.events.auth(p.deviceId(), guess, false, at, incident));
    }

    /**
     * A direct device authenticates from its own address, then with the same credential and
     * client id from an address of another /24 inside its site, then from its own address again,
     * all within seconds: the second network is the clone. The last authentication keeps the
     * device's own network in the clone window for as long as the clone's.
     */
    boolean cloned(long at) {
        forgetBefore(clonedAt, at - SimContext.CLONE_WINDOW - CredentialClock.MARGIN);
        int index = ctx.pickEligible(at, p -> p.direct() && ctx.rotatable(p.index(), at) && !clonedAt.containsKey(p.index()));
        if (!fit(index, at) || !ctx.rotatable(index, at) || clonedAt.containsKey(index)) {
            return false;
        }
        DeviceProfile p = ctx.profile(index);
        String own = ctx.layout.ip(index);
        String elsewhere = ctx.strangerIp(p.site());
        if (network(own).equals(network(elsewhere))) {
            return false;
        }
        long toSecond = gap();
        long toLast = gap();
        long first = ctx.renewAhead(index, at, at + SimContext.RENEWAL_LEAD + toSecond + toLast);
        long second = first + toSecond;
        long last = second + toLast;
        Credential credential = ctx.currentCredential(index);
        ctx.pin(index, at, last);
        String label = p.deviceId() + " authenticated from " + elsewhere + " while connected from " + own;
        ctx.use(p, credential, first, false, null);
        ctx.emit(ctx.events.auth(p.deviceId(), ctx.connection(p, credential).fromIp(elsewhere), true, second,
                new Incident(AlertType.CLONED_IDENTITY, label)));
        ctx.use(p, credential, last, false, null);
        clonedAt.put(index, second);
        return true;
    }

    /** True when neither the device id nor the address (if any) has a failure within a burst window of [first, last]. */
    static boolean failureClear(SimContext ctx, String deviceId, String ip, long first, long last) {
        long window = ctx.policy.burstWindow().toMillis() + CredentialClock.MARGIN;
        return ctx.failures.deviceClear(deviceId, first - window, last + window)
                && (ip == null || ctx.failures.sourceClear(ip, first - window, last + window));
    }

    private long window() {
        return ctx.policy.burstWindow().toMillis() + CredentialClock.MARGIN;
    }

    private boolean fit(int index, long at) {
        DeviceProfile p = ctx.profile(index);
        return p.eligible() && p.direct() && ctx.usable(index, at);
    }

    /** Time between two attempts of an attack of n, short enough that all n fit in the burst window. */
    private long step(int n) {
        long room = ctx.policy.burstWindow().toMillis() - CredentialClock.MARGIN;
        return Math.min(MIN_STEP + ctx.random.nextLong(MAX_STEP - MIN_STEP + 1), room / (n - 1));
    }

    private long gap() {
        return MIN_GAP + ctx.random.nextLong(MAX_GAP - MIN_GAP + 1);
    }

    /** The IPv4 /24 an address is in, as FleetGuard's clone rule groups them. */
    private static String network(String ip) {
        return ip.substring(0, ip.lastIndexOf('.'));
    }

    private static <K> void forgetBefore(Map<K, Long> recent, long before) {
        recent.values().removeIf(t -> t < before);
    }
}
