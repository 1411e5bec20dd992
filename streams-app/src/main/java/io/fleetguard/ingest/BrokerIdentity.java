package io.fleetguard.ingest;

import io.fleetguard.schema.AuthMethod;

/**
 * Who a broker says a connection is. Any part may be null: Mosquitto names no one on a failed
 * login, EMQX has no certificate CN in its log, AWS IoT only a principal id.
 *
 * @param principal the identity the broker authenticated: Mosquitto username or certificate CN,
 *                  EMQX username, AWS IoT principalId
 */
public record BrokerIdentity(String clientId, String username, String certificateCn, String principal) {

    /** The identity a Mosquitto-style login names, given how it authenticated. */
    public static BrokerIdentity of(String clientId, String username, AuthMethod method) {
        return method == AuthMethod.MTLS ? ofCertificate(clientId, username) : ofPassword(clientId, username);
    }

    public static BrokerIdentity ofPassword(String clientId, String username) {
        return new BrokerIdentity(clientId, username, null, username);
    }

    /** A TLS listener that takes the certificate CN as the username (Mosquitto use_identity_as_username). */
    public static BrokerIdentity ofCertificate(String clientId, String commonName) {
        return new BrokerIdentity(clientId, commonName, commonName, commonName);
    }

    public static BrokerIdentity ofPrincipal(String clientId, String principal) {
        return new BrokerIdentity(clientId, null, null, principal);
    }
}
