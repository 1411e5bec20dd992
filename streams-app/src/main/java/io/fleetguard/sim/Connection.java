package io.fleetguard.sim;

import io.fleetguard.schema.AuthMethod;

/**
 * Who is on the wire: the authenticated connection an auth event or telemetry record arrives
 * over. For gateway-mediated telemetry it is the gateway's connection, with gatewayId set.
 */
record Connection(String principal, String fingerprint, AuthMethod method, String clientId,
                  String sourceIp, String brokerId, String gatewayId) {

    Connection fromIp(String ip) {
        return new Connection(principal, fingerprint, method, clientId, ip, brokerId, gatewayId);
    }
}
