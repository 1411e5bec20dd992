package io.fleetguard.sim;

import io.fleetguard.detect.Policy;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthOutcome;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.TelemetryRecord;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The tests' oracle: the seven rules the simulator targets, restated from the brief without the
 * simulator's code, applied to one event and the registry entry as of its event time.
 */
final class ReferenceRules {

    private final Policy policy;

    ReferenceRules(Policy policy) {
        this.policy = policy;
    }

    Set<AlertType> alerts(SimEvent event, DeviceIdentity identity) {
        Set<AlertType> alerts = EnumSet.noneOf(AlertType.class);
        if (event.stream() == SimEvent.Stream.REGISTRY) {
            return alerts;
        }
        if (identity == null) {
            alerts.add(AlertType.UNKNOWN_DEVICE);
            return alerts;
        }
        if (event.value() instanceof AuthEvent auth) {
            if (auth.getOutcome() == AuthOutcome.SUCCESS) {
                credentialRules(identity, auth.getCredentialFingerprint(), auth.getTimestamp(), alerts);
            }
            // Stricter than the detector, which checks networks on telemetry only.
            if (auth.getSourceIp() != null && !inAny(identity.getAllowedSourceCidrs(), auth.getSourceIp())) {
                alerts.add(AlertType.UNEXPECTED_DATA_PATH);
            }
        } else if (event.value() instanceof TelemetryRecord t) {
            credentialRules(identity, t.getCredentialFingerprint(), t.getTimestamp(), alerts);
            telemetryRules(identity, t, alerts);
        }
        return alerts;
    }

    private void credentialRules(DeviceIdentity identity, String fingerprint, Instant at, Set<AlertType> alerts) {
        Credential used = identity.getCredentials().stream()
                .filter(c -> c.getFingerprint().equals(fingerprint)).findFirst().orElse(null);
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

    private static void telemetryRules(DeviceIdentity identity, TelemetryRecord t, Set<AlertType> alerts) {
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
