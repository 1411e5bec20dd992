package io.fleetguard.sim;

import io.fleetguard.detect.Policy;
import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthOutcome;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.DeviceStatus;
import io.fleetguard.schema.MaintenanceWindow;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.TelemetryRecord;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' oracle: every rule FleetGuard implements, restated from the detectors and windowed
 * rules without the simulator's code. Stateful: events must be offered in event-time order, each
 * with the registry entry as of its event time; it remembers what the stateful rules remember
 * (last uses, recent networks, credential users, failures, support sessions).
 */
final class ReferenceRules {

    private static final Pattern PLAIN_VERSION = Pattern.compile("[vV]?(\\d+)\\.(\\d+)\\.(\\d+)");

    private record Seen(long at, String label) {
    }

    private record Session(long startedAt, long endedAt, boolean approved, String deviceId) {
    }

    private static final class Failures {
        final List<Seen> seen = new ArrayList<>();
        Long fired;
    }

    private final Policy policy;
    private final long cloneWindow;
    private final Map<String, Long> lastUse = new HashMap<>();
    private final Map<String, List<Seen>> networks = new HashMap<>();
    private final Map<String, List<Seen>> credentialUsers = new HashMap<>();
    private final Map<String, Failures> failuresByDevice = new HashMap<>();
    private final Map<String, Failures> failuresBySource = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Set<String>> everHeld = new HashMap<>();
    private final List<String> overdue = new ArrayList<>();
    private long streamTime = Long.MIN_VALUE;

    ReferenceRules(Policy policy, Duration cloneWindow) {
        this.policy = policy;
        this.cloneWindow = cloneWindow.toMillis();
    }

    /** Every alert type the event raises, given the device's registry entry as of its event time (null: none). */
    Set<AlertType> alerts(SimEvent event, DeviceIdentity identity) {
        Set<AlertType> alerts = EnumSet.noneOf(AlertType.class);
        streamTime = Math.max(streamTime, event.timestamp());
        checkOpenSessions();
        if (event.stream() == SimEvent.Stream.REGISTRY) {
            if (event.value() instanceof DeviceIdentity d) {
                Set<String> held = everHeld.computeIfAbsent(d.getDeviceId(), k -> new java.util.HashSet<>());
                d.getCredentials().forEach(c -> held.add(c.getFingerprint().toLowerCase(java.util.Locale.ROOT)));
            }
            return alerts;
        }
        if (identity == null) {
            alerts.add(AlertType.UNKNOWN_DEVICE);
        }
        if (event.value() instanceof AuthEvent auth) {
            auth(auth, identity, alerts);
        } else if (event.value() instanceof TelemetryRecord t) {
            telemetry(t, identity, alerts);
        } else if (event.value() instanceof ConfigChange c) {
            configChange(c, identity, alerts);
        } else if (event.value() instanceof RemoteSupportSession s) {
            supportSession(s, identity, alerts);
        }
        return alerts;
    }

    /** Sessions still open past the maximum duration, which FleetGuard reports on stream time. */
    List<String> overdueSessions() {
        return List.copyOf(overdue);
    }

    private void auth(AuthEvent auth, DeviceIdentity identity, Set<AlertType> alerts) {
        long at = auth.getTimestamp().toEpochMilli();
        boolean success = auth.getOutcome() == AuthOutcome.SUCCESS;
        String fingerprint = auth.getCredentialFingerprint();
        defaultCredential(identity, fingerprint, auth.getPrincipal(), alerts);
        if (identity != null) {
            if (success) {
                unlisted(identity, auth, alerts);
                credentialRules(identity, fingerprint, auth.getTimestamp(), alerts);
                lifecycle(identity, alerts);
                String network = auth.getGatewayId() == null ? network(auth.getSourceIp()) : null;
                deviceHistory(auth.getDeviceId(), at, network, alerts);
            }
            // Stricter than the detector, which checks networks on telemetry only; failed attempts
            // are not checked, since nobody got in.
            if (success && auth.getSourceIp() != null && !inAny(identity.getAllowedSourceCidrs(), auth.getSourceIp())) {
                alerts.add(AlertType.UNEXPECTED_DATA_PATH);
            }
        }
        if (success && fingerprint != null) {
            List<Seen> users = credentialUsers.computeIfAbsent(fingerprint, k -> new ArrayList<>());
            List<String> before = within(users, at - policy.sharedCredentialWindow().toMillis(), at);
            if (!before.isEmpty() && !before.contains(auth.getDeviceId())) {
                alerts.add(AlertType.SHARED_CREDENTIAL);
            }
            users.add(new Seen(at, auth.getDeviceId()));
            users.removeIf(s -> s.at() < at - policy.sharedCredentialWindow().toMillis());
        }
        if (!success) {
            if (failure(failuresByDevice, auth.getDeviceId(), auth.getDeviceId(), at, 1)) {
                alerts.add(AlertType.AUTH_FAILURE_BURST);
            }
            if (auth.getSourceIp() != null && failure(failuresBySource, auth.getSourceIp(), auth.getDeviceId(), at, 2)) {
                alerts.add(AlertType.AUTH_FAILURE_BURST);
            }
        }
    }

    private void telemetry(TelemetryRecord t, DeviceIdentity identity, Set<AlertType> alerts) {
        defaultCredential(identity, t.getCredentialFingerprint(), t.getPrincipal(), alerts);
        if (identity == null) {
            return;
        }
        credentialRules(identity, t.getCredentialFingerprint(), t.getTimestamp(), alerts);
        lifecycle(identity, alerts);
        deviceHistory(t.getDeviceId(), t.getTimestamp().toEpochMilli(), null, alerts);
        String gateway = t.getGatewayId();
        boolean viaAllowedGateway = gateway != null && identity.getAllowedGateways().contains(gateway);
        boolean ownCredential = identity.getCredentials().stream()
                .anyMatch(c -> c.getFingerprint().equals(t.getCredentialFingerprint()));
        if (!ownCredential && !viaAllowedGateway) {
            alerts.add(AlertType.IMPERSONATED_TELEMETRY);
        }
        boolean pathAllowed = allowsPath(identity.getAllowedDataPaths(), t.getDestination());
        boolean gatewayAllowed = gateway == null || viaAllowedGateway;
        boolean networkAllowed = t.getSourceIp() == null || inAny(identity.getAllowedSourceCidrs(), t.getSourceIp());
        if (!pathAllowed || !gatewayAllowed || !networkAllowed) {
            alerts.add(AlertType.UNEXPECTED_DATA_PATH);
        }
        String reported = firmware(t.getReportedFirmware());
        String expected = firmware(identity.getExpectedFirmware());
        if (reported != null && expected != null && !reported.equals(expected)) {
            alerts.add(AlertType.FIRMWARE_DRIFT);
        }
    }

    /** A successful login over a credential the device does not list: once its own (rotated out), or never. */
    private void unlisted(DeviceIdentity identity, AuthEvent auth, Set<AlertType> alerts) {
        String fingerprint = auth.getCredentialFingerprint();
        boolean listed = fingerprint != null
                ? identity.getCredentials().stream().anyMatch(c -> c.getFingerprint().equalsIgnoreCase(fingerprint))
                : auth.getPrincipal() == null || identity.getCredentials().stream().anyMatch(c -> auth.getPrincipal().equals(c.getPrincipal()));
        if (listed || policy.isKnownDefaultFingerprint(fingerprint) || policy.isDefaultPrincipal(auth.getPrincipal())) {
            return;
        }
        boolean formerly = fingerprint != null && everHeld.getOrDefault(auth.getDeviceId(), Set.of())
                .contains(fingerprint.toLowerCase(java.util.Locale.ROOT));
        alerts.add(formerly ? AlertType.REVOKED_CREDENTIAL_IN_USE : AlertType.CLONED_IDENTITY);
    }

    private void credentialRules(DeviceIdentity identity, String fingerprint, Instant at, Set<AlertType> alerts) {
        Credential used = registered(identity, fingerprint);
        if (used == null) {
            return;
        }
        if (used.getIssuedAt().plus(policy.rotationLimit(used.getType())).isBefore(at)) {
            alerts.add(AlertType.STALE_CREDENTIAL);
        }
        if (used.getRevoked() || used.getSupersededBy() != null) {
            alerts.add(AlertType.REVOKED_CREDENTIAL_IN_USE);
        }
        Instant expires = used.getExpiresAt();
        if (expires != null && expires.isBefore(at)) {
            alerts.add(AlertType.EXPIRED_CREDENTIAL);
        }
        if (expires != null && !expires.isBefore(at) && !expires.isAfter(at.plus(policy.expiringWindow()))) {
            alerts.add(AlertType.CREDENTIAL_EXPIRING);
        }
    }

    /** A registered factory default, a known default secret, or a default user name; tried or used alike. */
    private void defaultCredential(DeviceIdentity identity, String fingerprint, String principal, Set<AlertType> alerts) {
        Credential used = identity == null ? null : registered(identity, fingerprint);
        if ((used != null && used.getFactoryDefault()) || policy.isKnownDefaultFingerprint(fingerprint)
                || policy.isDefaultPrincipal(principal)) {
            alerts.add(AlertType.DEFAULT_CREDENTIAL);
        }
    }

    private static void lifecycle(DeviceIdentity identity, Set<AlertType> alerts) {
        DeviceStatus status = identity.getStatus();
        if (status == DeviceStatus.RETIRED || status == DeviceStatus.DECOMMISSIONED || status == DeviceStatus.SUSPENDED) {
            alerts.add(AlertType.RETIRED_IDENTITY_ACTIVE);
        }
        if (identity.getOwner() == null || identity.getOwner().isBlank()) {
            alerts.add(AlertType.ORPHANED_IDENTITY);
        }
    }

    /** Dormancy over every use; cloning over direct authentications' networks ({@code network} null otherwise). */
    private void deviceHistory(String deviceId, long at, String network, Set<AlertType> alerts) {
        Long last = lastUse.get(deviceId);
        if (last != null && at - last >= policy.dormancy().toMillis()) {
            alerts.add(AlertType.DORMANT_IDENTITY_REACTIVATED);
        }
        lastUse.put(deviceId, last == null ? at : Math.max(last, at));
        if (network != null) {
            List<Seen> seen = networks.computeIfAbsent(deviceId, k -> new ArrayList<>());
            List<String> recent = within(seen, at - cloneWindow, at);
            if (!recent.isEmpty() && !recent.contains(network)) {
                alerts.add(AlertType.CLONED_IDENTITY);
            }
            seen.add(new Seen(at, network));
            seen.removeIf(s -> s.at() < at - cloneWindow);
        }
    }

    /** Records a failure; true when it completes a burst: enough failures (from enough devices) in the window, none reported within it. */
    private boolean failure(Map<String, Failures> byKey, String key, String deviceId, long at, int minDevices) {
        Failures f = byKey.computeIfAbsent(key, k -> new Failures());
        long window = policy.burstWindow().toMillis();
        f.seen.add(new Seen(at, deviceId));
        f.seen.removeIf(s -> s.at() < at - 2 * window);
        List<String> inWindow = within(f.seen, at - window, at);
        boolean burst = inWindow.size() >= policy.burstCount() && inWindow.stream().distinct().count() >= minDevices;
        boolean quiet = f.fired == null || at - f.fired >= window;
        if (burst && quiet) {
            f.fired = at;
            return true;
        }
        return false;
    }

    private void configChange(ConfigChange c, DeviceIdentity identity, Set<AlertType> alerts) {
        boolean viaSession = c.getSupportSessionId() != null && !c.getSupportSessionId().isBlank();
        if (identity != null) {
            String owner = identity.getOwner();
            boolean authorized = c.getActorType() == ActorType.AUTOMATION
                    || (c.getActorType() == ActorType.OWNER && owner != null && !owner.isBlank()
                    && owner.strip().equalsIgnoreCase(c.getActor().strip()));
            if (!authorized && !viaSession) {
                alerts.add(AlertType.UNAUTHORIZED_CONFIG_CHANGE);
            }
            if (c.getChangeType() == ChangeType.FIRMWARE && lower(c.getToValue(), c.getFromValue())) {
                alerts.add(AlertType.UNAUTHORIZED_CONFIG_CHANGE);
            }
            String installed = firmware(c.getToValue());
            String expected = firmware(identity.getExpectedFirmware());
            if (c.getChangeType() == ChangeType.FIRMWARE && installed != null && expected != null && !installed.equals(expected)) {
                alerts.add(AlertType.FIRMWARE_DRIFT);
            }
        }
        // A vendor's or unknown actor's change citing a session must fall inside a known, approved one.
        if (c.getSupportSessionId() != null && c.getActorType() != ActorType.OWNER
                && c.getActorType() != ActorType.AUTOMATION) {
            Session s = sessions.get(c.getSupportSessionId());
            long at = c.getTimestamp().toEpochMilli();
            if (s == null || !s.deviceId().equals(c.getDeviceId()) || at < s.startedAt() || at > s.endedAt() || !s.approved()) {
                alerts.add(AlertType.UNAUTHORIZED_CONFIG_CHANGE);
            }
        }
    }

    // Start rules on the first record seen of a session, the duration on the first that has an end.
    private void supportSession(RemoteSupportSession s, DeviceIdentity identity, Set<AlertType> alerts) {
        boolean ticket = s.getTicketId() != null && !s.getTicketId().isBlank();
        Session known = sessions.get(s.getSessionId());
        boolean endKnown = known != null && known.endedAt() != Long.MAX_VALUE;
        if (identity != null) {
            if (known == null) {
                if (!ticket) {
                    alerts.add(AlertType.UNAPPROVED_REMOTE_SUPPORT);
                }
                if (identity.getApprovedSupportVendors().stream().noneMatch(v -> v.strip().equalsIgnoreCase(s.getVendor().strip()))) {
                    alerts.add(AlertType.UNAPPROVED_REMOTE_SUPPORT);
                }
                if (!identity.getMaintenanceWindows().isEmpty() && !covers(identity.getMaintenanceWindows(), s.getStartedAt())) {
                    alerts.add(AlertType.UNAPPROVED_REMOTE_SUPPORT);
                }
            }
            if (s.getEndedAt() != null && !endKnown && Duration.between(s.getStartedAt(), s.getEndedAt())
                    .compareTo(policy.supportMaxDuration(identity.getDeviceClass())) > 0) {
                alerts.add(AlertType.UNAPPROVED_REMOTE_SUPPORT);
            }
        }
        boolean approved = ticket && identity != null
                && identity.getApprovedSupportVendors().stream().anyMatch(v -> v.equalsIgnoreCase(s.getVendor()));
        long ended = s.getEndedAt() != null ? s.getEndedAt().toEpochMilli() : endKnown ? known.endedAt() : Long.MAX_VALUE;
        sessions.put(s.getSessionId(), new Session(s.getStartedAt().toEpochMilli(), ended, approved, s.getDeviceId()));
    }

    private void checkOpenSessions() {
        long max = policy.supportMaxDuration().toMillis();
        sessions.entrySet().removeIf(e -> {
            Session s = e.getValue();
            if (s.endedAt() == Long.MAX_VALUE && streamTime - s.startedAt() > max) {
                overdue.add(e.getKey() + " on " + s.deviceId() + " still open at " + Instant.ofEpochMilli(streamTime));
                return true;
            }
            // Ended sessions only matter to changes made during them, which come before their end.
            return s.endedAt() != Long.MAX_VALUE && s.endedAt() < streamTime - Duration.ofDays(7).toMillis();
        });
    }

    /** Windows are weekly, UTC, half-open; one whose end is not after its start runs past midnight. */
    static boolean covers(List<MaintenanceWindow> windows, Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        for (MaintenanceWindow w : windows) {
            DayOfWeek day = DayOfWeek.valueOf(w.getDayOfWeek().name());
            LocalTime start = w.getStartUtc();
            LocalTime end = w.getEndUtc();
            LocalTime time = utc.toLocalTime();
            boolean inside = end.isAfter(start)
                    ? utc.getDayOfWeek() == day && !time.isBefore(start) && time.isBefore(end)
                    : (utc.getDayOfWeek() == day && !time.isBefore(start))
                            || (utc.getDayOfWeek() == day.plus(1) && time.isBefore(end));
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /** True when both are plain major.minor.patch versions and {@code a} is the lower. */
    static boolean lower(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        Matcher x = PLAIN_VERSION.matcher(a.strip());
        Matcher y = PLAIN_VERSION.matcher(b.strip());
        if (!x.matches() || !y.matches()) {
            return false;
        }
        for (int i = 1; i <= 3; i++) {
            int c = Long.compare(Long.parseLong(x.group(i)), Long.parseLong(y.group(i)));
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }

    private static String firmware(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        return s.length() > 1 && (s.charAt(0) == 'v' || s.charAt(0) == 'V') ? s.substring(1) : s;
    }

    private static Credential registered(DeviceIdentity identity, String fingerprint) {
        return identity.getCredentials().stream()
                .filter(c -> c.getFingerprint().equals(fingerprint)).findFirst().orElse(null);
    }

    private static List<String> within(List<Seen> seen, long from, long to) {
        return seen.stream().filter(s -> s.at() >= from && s.at() <= to).map(Seen::label).toList();
    }

    /** The IPv4 /24 of an address, or null. */
    static String network(String ip) {
        if (ip == null) {
            return null;
        }
        int last = ip.lastIndexOf('.');
        return last < 0 ? null : ip.substring(0, last) + ".0/24";
    }

    static boolean allowsPath(List<String> allowed, String destination) {
        for (String entry : allowed) {
            boolean match = entry.contains("://") ? urlPrefixMatches(entry, destination) : mqttMatches(entry, destination);
            if (match) {
                return true;
            }
        }
        return false;
    }

    static boolean urlPrefixMatches(String prefix, String url) {
        if (!url.startsWith(prefix)) {
            return false;
        }
        return prefix.endsWith("/") || url.length() == prefix.length() || "/?#".indexOf(url.charAt(prefix.length())) >= 0;
    }

    /** MQTT 3.1.1 section 4.7 matching: + is one level, # the rest (including the parent), $ topics need a literal first level. */
    static boolean mqttMatches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        if (topic.startsWith("$") && (f[0].equals("#") || f[0].equals("+"))) {
            return false;
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    static boolean inAny(List<String> cidrs, String ip) {
        return cidrs.stream().anyMatch(cidr -> inCidr(cidr, ip));
    }

    static boolean inCidr(String cidr, String ip) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        int mask = bits == 0 ? 0 : -1 << (32 - bits);
        return (ipv4(parts[0]) & mask) == (ipv4(ip) & mask);
    }

    private static int ipv4(String address) {
        String[] octets = address.split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        int value = 0;
        for (String octet : octets) {
            int n = Integer.parseInt(octet);
            if (n < 0 || n > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            value = value << 8 | n;
        }
        return value;
    }
}
