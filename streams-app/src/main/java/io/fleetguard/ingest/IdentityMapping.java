package io.fleetguard.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explicit rule turning a broker identity into the deviceId FleetGuard judges: take one part
 * of the identity ({@code deviceIdFrom=clientId|username|cn|principal}) and, optionally, the one
 * capture group of a regex that must match that part whole. An identity the rule cannot map keeps
 * its raw value as deviceId, so an unregistered or malformed identity still reaches UNKNOWN_DEVICE.
 */
public record IdentityMapping(Source source, Pattern pattern) {

    /** The deviceId of an event whose broker line names no one (Mosquitto's own word for it). */
    public static final String UNIDENTIFIED = "<unknown>";

    public enum Source { CLIENT_ID, USERNAME, CN, PRINCIPAL }

    public IdentityMapping {
        if (source == null) {
            throw new IllegalArgumentException("deviceIdFrom is required");
        }
        if (pattern != null && pattern.matcher("").groupCount() != 1) {
            throw new IllegalArgumentException("the deviceId regex needs exactly one capture group: " + pattern);
        }
    }

    public static IdentityMapping byClientId() {
        return new IdentityMapping(Source.CLIENT_ID, null);
    }

    /**
     * @param deviceIdFrom clientId, username, cn or principal (case-insensitive)
     * @param regex        null or blank for none
     */
    public static IdentityMapping of(String deviceIdFrom, String regex) {
        Source source = switch (deviceIdFrom == null ? "" : deviceIdFrom.trim().toLowerCase(Locale.ROOT)) {
            case "clientid", "client-id", "client_id" -> Source.CLIENT_ID;
            case "username" -> Source.USERNAME;
            case "cn" -> Source.CN;
            case "principal" -> Source.PRINCIPAL;
            default -> throw new IllegalArgumentException(
                    "deviceIdFrom must be clientId, username, cn or principal, not " + deviceIdFrom);
        };
        return new IdentityMapping(source, regex == null || regex.isBlank() ? null : Pattern.compile(regex));
    }

    public String deviceIdFor(BrokerIdentity identity) {
        String chosen = switch (source) {
            case CLIENT_ID -> identity.clientId();
            case USERNAME -> identity.username();
            case CN -> identity.certificateCn();
            case PRINCIPAL -> identity.principal();
        };
        if (chosen == null) {
            // The rule's part is absent (e.g. cn on a password login): fall back to the raw
            // identity, authenticated principal first because a client id is whatever the client says.
            return firstPresent(identity.principal(), identity.clientId());
        }
        if (pattern == null) {
            return chosen;
        }
        // matches(), not find(): a partial match would let client id "xsensor-1y" claim sensor-1.
        Matcher matcher = pattern.matcher(chosen);
        return matcher.matches() && matcher.group(1) != null && !matcher.group(1).isEmpty() ? matcher.group(1) : chosen;
    }

    private static String firstPresent(String first, String second) {
        if (first != null) {
            return first;
        }
        return second != null ? second : UNIDENTIFIED;
    }
}
