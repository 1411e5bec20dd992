package io.fleetguard.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.regex.Pattern.DOTALL;

/**
 * One Mosquitto 2.x log message (the text after the time), classified. The shapes are the broker's
 * own log__printf formats (handle_connect.c, loop.c do_disconnect, send_connack.c,
 * handle_publish.c, net.c). Client ids, usernames and topics are chosen by clients and may contain
 * anything the broker's UTF-8 check lets through, including text that looks like the rest of a
 * line; where a pattern is ambiguous the client id is read greedily, because a client id claiming
 * to be a suffix-padded copy of another id is harmless while a short client id borrowed from a
 * victim is not.
 */
sealed interface MosquittoMessage {

    record NewConnection(String ip, int port, int listenerPort) implements MosquittoMessage {
    }

    /** @param username null when none was given, or when the broker cut the line off (truncated) */
    record ClientConnected(String ip, int port, String clientId, String username, boolean truncated)
            implements MosquittoMessage {
    }

    record Takeover(String clientId) implements MosquittoMessage {
    }

    /** @param clientId null for Mosquitto's "<unknown>" (a failed login has no id any more) */
    record NotAuthorised(String clientId) implements MosquittoMessage {
    }

    record Disconnected(String clientId, String kind) implements MosquittoMessage {
    }

    record Connack(String target, int returnCode) implements MosquittoMessage {
    }

    record Publish(boolean denied, String clientId, String topic, long bytes) implements MosquittoMessage {
    }

    record TlsError(int index, String reason) implements MosquittoMessage {
    }

    record Harmless(String kind) implements MosquittoMessage {
    }

    record Malformed(String reason) implements MosquittoMessage {
    }

    String UNKNOWN_CLIENT = "<unknown>";

    Pattern NEW_CONNECTION =
            Pattern.compile("^New connection from (\\S+):(\\d{1,5}) on port (\\d{1,5})\\.$", DOTALL);
    Pattern CLIENT_CONNECTED = Pattern.compile(
            "^New (?:client|bridge) connected from (\\S+?):(\\d{1,5}) as (.*)"
                    + " \\(p\\d+, c\\d+, k\\d+(?:, u'(.*)')?\\)\\.$",
            DOTALL);
    Pattern CLIENT_CONNECTED_START =
            Pattern.compile("^New (?:client|bridge) connected from (\\S+?):(\\d{1,5}) as (.*)$", DOTALL);
    Pattern TAKEOVER = Pattern.compile("^Client (.*) already connected, closing old connection\\.$", DOTALL);
    Pattern NOT_AUTHORISED = Pattern.compile("^Client (.*) disconnected, not authorised\\.$", DOTALL);
    Pattern CONNACK = Pattern.compile("^Sending CONNACK to (.*) \\((\\d{1,3}), (\\d{1,3})\\)$", DOTALL);
    Pattern PUBLISH = Pattern.compile(
            "^(Received|Denied) PUBLISH from (.*)"
                    + " \\(d\\d, q\\d, r\\d, m\\d+, '(.*)', \\.\\.\\. \\((\\d{1,10}) bytes\\)\\)$",
            DOTALL);
    Pattern TLS_ERROR = Pattern.compile("^OpenSSL Error\\[(\\d{1,3})]: (.*)$", DOTALL);

    /** Disconnect messages, most specific first, with the kind each is counted under. */
    Map<Pattern, String> DISCONNECTS = orderedDisconnects();

    /** Messages that are understood and carry nothing to normalize. */
    List<Map.Entry<Pattern, String>> HARMLESS = List.of(
            Map.entry(Pattern.compile("^mosquitto version \\S+ (?:starting|running|terminating)$", DOTALL),
                    "lifecycle"),
            Map.entry(Pattern.compile("^(?:Config loaded from|Opening \\S+ listen socket|Saving in-memory database"
                    + "|Restored |Loading |Using default config)", DOTALL), "lifecycle"),
            Map.entry(Pattern.compile("^(?:No will message specified\\.|Will message specified)", DOTALL), "will"),
            Map.entry(Pattern.compile("^(?:Received|Sending) [A-Z]+ (?:from|to) ", DOTALL), "mqtt-packet"),
            Map.entry(Pattern.compile("^\t", DOTALL), "subscription-detail"),
            Map.entry(Pattern.compile("^(?:Warning|Error|Notice|Info): ", DOTALL), "broker-diagnostic"));

    static MosquittoMessage of(String message, boolean atBrokerLimit) {
        Matcher m;
        if ((m = NEW_CONNECTION.matcher(message)).matches()) {
            return new NewConnection(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        if (message.startsWith("New connection from ")) {
            return new Malformed(Reasons.MALFORMED_CONNECTION_LINE);
        }
        if ((m = CLIENT_CONNECTED.matcher(message)).matches()) {
            return new ClientConnected(m.group(1), Integer.parseInt(m.group(2)), m.group(3), m.group(4), false);
        }
        if ((m = CLIENT_CONNECTED_START.matcher(message)).matches()) {
            // Cut off by the broker: a long client id can push the username out of the line.
            return atBrokerLimit
                    ? new ClientConnected(m.group(1), Integer.parseInt(m.group(2)), m.group(3), null, true)
                    : new Malformed(Reasons.MALFORMED_CONNECTION_LINE);
        }
        if ((m = TAKEOVER.matcher(message)).matches()) {
            return new Takeover(m.group(1));
        }
        if ((m = NOT_AUTHORISED.matcher(message)).matches()) {
            return new NotAuthorised(clientId(m.group(1)));
        }
        for (Map.Entry<Pattern, String> disconnect : DISCONNECTS.entrySet()) {
            if ((m = disconnect.getKey().matcher(message)).matches()) {
                return new Disconnected(clientId(m.group(1)), disconnect.getValue());
            }
        }
        if ((m = CONNACK.matcher(message)).matches()) {
            return new Connack(m.group(1), Integer.parseInt(m.group(3)));
        }
        if ((m = PUBLISH.matcher(message)).matches()) {
            return new Publish(m.group(1).equals("Denied"), m.group(2), m.group(3), Long.parseLong(m.group(4)));
        }
        if (message.startsWith("Received PUBLISH from ") || message.startsWith("Denied PUBLISH from ")) {
            return atBrokerLimit ? new Harmless("truncated-by-broker") : new Malformed(Reasons.MALFORMED_PUBLISH_LINE);
        }
        if ((m = TLS_ERROR.matcher(message)).matches()) {
            return new TlsError(Integer.parseInt(m.group(1)), m.group(2));
        }
        for (Map.Entry<Pattern, String> harmless : HARMLESS) {
            if (harmless.getKey().matcher(message).find()) {
                return new Harmless(harmless.getValue());
            }
        }
        return new Harmless(atBrokerLimit ? "truncated-by-broker" : "unrecognised");
    }

    private static String clientId(String logged) {
        return UNKNOWN_CLIENT.equals(logged) ? null : logged;
    }

    private static Map<Pattern, String> orderedDisconnects() {
        LinkedHashMap<Pattern, String> map = new LinkedHashMap<>();
        map.put(Pattern.compile("^Client (.*) disconnected\\.$", DOTALL), "disconnect:clean");
        map.put(Pattern.compile("^Client (.*) closed its connection\\.$", DOTALL), "disconnect:closed");
        map.put(Pattern.compile("^Client (.*) has exceeded timeout, disconnecting\\.$", DOTALL), "disconnect:timeout");
        map.put(Pattern.compile("^Client (.*) disconnected due to (?:malformed packet|protocol error)\\.$", DOTALL),
                "disconnect:protocol-error");
        map.put(Pattern.compile("^Client (.*) disconnected due to (?:oversize packet|oversize payload)\\.$", DOTALL),
                "disconnect:oversize");
        map.put(Pattern.compile("^Client (.*) disconnected due to .+\\.$", DOTALL), "disconnect:other");
        map.put(Pattern.compile("^Client (.*) been disconnected by administrative action\\.$", DOTALL),
                "disconnect:administrative");
        map.put(Pattern.compile("^Client (.*) disconnected: .*$", DOTALL), "disconnect:socket-error");
        map.put(Pattern.compile("^Bad socket read/write on client (.*): .*$", DOTALL), "disconnect:socket-error");
        return Collections.unmodifiableMap(map);
    }
}
