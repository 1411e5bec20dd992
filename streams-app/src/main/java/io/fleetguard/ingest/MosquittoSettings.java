package io.fleetguard.ingest;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * How to read one Mosquitto broker's log.
 *
 * @param mapping                broker identity to deviceId
 * @param identityListenerPorts  listener ports with {@code require_certificate true} and
 *                               {@code use_identity_as_username true}: a username there is a
 *                               certificate CN and the login is MTLS. The log does not say so
 *                               itself; it only names the listener port of each new connection.
 * @param zone                   zone of a {@code log_timestamp_format} without offset
 * @param timestampPattern       java.time pattern for a non-ISO {@code log_timestamp_format}, or null
 * @param maxPendingConnections  accepted-but-unidentified connections remembered per broker
 * @param maxSessions            identified sessions remembered per broker (for PUBLISH lines and
 *                               takeovers); older sessions' telemetry then carries no principal
 */
public record MosquittoSettings(IdentityMapping mapping, Set<Integer> identityListenerPorts, ZoneId zone,
                                String timestampPattern, int maxPendingConnections, int maxSessions) {

    public MosquittoSettings {
        if (mapping == null || zone == null) {
            throw new IllegalArgumentException("mapping and zone are required");
        }
        if (maxPendingConnections < 1 || maxSessions < 0) {
            throw new IllegalArgumentException("maxPendingConnections must be >= 1 and maxSessions >= 0");
        }
        identityListenerPorts = Set.copyOf(identityListenerPorts);
    }

    /** deviceId = client id, no TLS identity listener, UTC, 32 pending connections, 512 sessions. */
    public static MosquittoSettings defaults() {
        return new MosquittoSettings(IdentityMapping.byClientId(), Set.of(), ZoneOffset.UTC, null, 32, 512);
    }

    public MosquittoSettings withMapping(IdentityMapping newMapping) {
        return new MosquittoSettings(newMapping, identityListenerPorts, zone, timestampPattern,
                maxPendingConnections, maxSessions);
    }

    public MosquittoSettings withIdentityListenerPorts(Set<Integer> ports) {
        return new MosquittoSettings(mapping, ports, zone, timestampPattern, maxPendingConnections, maxSessions);
    }

    public MosquittoSettings withZone(ZoneId newZone, String pattern) {
        return new MosquittoSettings(mapping, identityListenerPorts, newZone, pattern, maxPendingConnections,
                maxSessions);
    }

    public MosquittoSettings withLimits(int pendingConnections, int sessions) {
        return new MosquittoSettings(mapping, identityListenerPorts, zone, timestampPattern, pendingConnections,
                sessions);
    }
}
