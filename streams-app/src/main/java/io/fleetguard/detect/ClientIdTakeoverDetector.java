package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registered device's session displaced by a new connection with the same client id from another
 * principal, another network (IPv4 /24, IPv6 /64) or over another authentication method (another
 * listener) is a client-id takeover, a cloned identity (HIGH); a reconnect by the same principal
 * from the same network the same way is not.
 */
public final class ClientIdTakeoverDetector implements Detector {

    /**
     * The displaced session's failed AuthEvent names the newcomer in its reason, as the broker-log
     * normalizer writes it: {@code client-id-takeover: by <principal> from <ip> via <method>}. Brokers
     * whose takeover line does not name the newcomer (EMQX, AWS IoT Core) give no verdict here; the
     * newcomer's own login is judged by the other rules.
     */
    private static final Pattern TAKEOVER = Pattern.compile("client-id-takeover: by (.+) from (\\S+) via (\\w+)");
    private static final String ANONYMOUS = "an anonymous client";

    @Override
    public AlertType type() {
        return AlertType.CLONED_IDENTITY;
    }

    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        AuthEvent displaced = activity.authEvent();
        if (identity == null || displaced == null || activity.success() || displaced.getFailureReason() == null) {
            return List.of();
        }
        Matcher m = TAKEOVER.matcher(displaced.getFailureReason());
        if (!m.matches()) {
            return List.of();
        }
        String principal = m.group(1).equals(ANONYMOUS) ? null : m.group(1);
        String ip = m.group(2);
        String method = m.group(3);
        boolean samePrincipal = Objects.equals(principal, displaced.getPrincipal());
        boolean sameNetwork = Objects.equals(SourceNetwork.of(ip), SourceNetwork.of(displaced.getSourceIp()));
        boolean sameMethod = method.equals(displaced.getMethod().name());
        if (samePrincipal && sameNetwork && sameMethod) {
            return List.of();
        }
        String clientId = displaced.getClientId() == null ? activity.deviceId() : displaced.getClientId();
        String summary = "Client id " + clientId + " of device " + activity.deviceId() + " was taken over by "
                + (principal == null ? "an anonymous client" : principal) + " from " + ip + " via " + method
                + ", displacing " + displaced.getPrincipal() + " from " + displaced.getSourceIp() + " via " + displaced.getMethod();
        Evidence evidence = Evidence.of(activity)
                .put("reason", "client-id-takeover")
                .put("clientId", clientId)
                .put("brokerId", displaced.getBrokerId())
                .put("displacedPrincipal", displaced.getPrincipal())
                .put("displacedSourceIp", displaced.getSourceIp())
                .put("displacedMethod", displaced.getMethod())
                .put("takenOverBy", principal)
                .put("takenOverFrom", ip)
                .put("takenOverVia", method);
        return List.of(new Finding(type(), Severity.HIGH, "client-id:" + clientId, summary, evidence.toMap()));
    }
}
