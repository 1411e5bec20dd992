package io.fleetguard.ingest;

import io.fleetguard.schema.AuthMethod;
import org.apache.avro.specific.SpecificRecord;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes EMQX 5.x log lines (text or JSON formatter). EMQX puts the client id, username and
 * peer address on every line about a client, so no state is needed:
 * <ul>
 *   <li>{@code authentication_failure} becomes a failed AuthEvent;</li>
 *   <li>{@code mqtt_packet_sent} of a CONNACK with ReasonCode=0 (debug level) a successful one;</li>
 *   <li>{@code terminate} with reason takenover/discarded reports a client-id takeover;</li>
 *   <li>{@code cannot_publish_to_topic_due_to_not_authorized} becomes telemetry to the forbidden
 *       topic (its info-level twin {@code authorization_permission_denied} for PUBLISH is skipped
 *       so one attempt is not counted twice);</li>
 *   <li>{@code log_events_throttled_during_last_period} becomes {@link ParsedLine.Throttled}.</li>
 * </ul>
 */
public final class EmqxLogParser {

    private static final Pattern CONNACK_REASON =
            Pattern.compile("^CONNACK\\(.*\\bReasonCode=(\\d{1,3})\\)$", Pattern.DOTALL);

    private final EventFactory events;

    public EmqxLogParser(IdentityMapping mapping) {
        this.events = new EventFactory(LogFormat.EMQX, mapping);
    }

    public ParsedLine parse(String brokerId, String line, long recordTimestamp) {
        String raw = RawLine.withoutTerminator(line);
        String problem = RawLine.problem(brokerId, raw);
        if (problem != null) {
            return new ParsedLine.Reject(problem);
        }
        try {
            EmqxFields fields = EmqxFields.parse(raw);
            long timestamp = fields.timestampMillis() != null ? fields.timestampMillis() : recordTimestamp;
            return interpret(fields, new EventFactory.Source(brokerId, raw, recordTimestamp), timestamp);
        } catch (LineRejected e) {
            return new ParsedLine.Reject(e.reason());
        } catch (RuntimeException e) {
            // Backstop only (tests feed hostile input to keep it unreachable): a line never stops the stream.
            return new ParsedLine.Reject(Reasons.INTERNAL_ERROR);
        }
    }

    private ParsedLine interpret(EmqxFields f, EventFactory.Source source, long timestamp) {
        String msg = f.get("msg");
        if (msg == null) {
            return new ParsedLine.Reject(Reasons.MISSING_FIELD);
        }
        return switch (msg) {
            case "authentication_failure" -> auth(f, source, timestamp, authFailure(f.get("reason")));
            case "mqtt_packet_sent" -> connack(f, source, timestamp);
            case "mqtt_packet_received" -> new ParsedLine.Skip("mqtt-packet");
            case "cannot_publish_to_topic_due_to_not_authorized" -> deniedPublish(f, source, timestamp);
            case "authorization_permission_denied" -> new ParsedLine.Skip(
                    actionIs(f, "PUBLISH") ? "publish-denied-detail"
                            : actionIs(f, "SUBSCRIBE") ? "subscribe-denied" : "authorization-denied");
            case "log_events_throttled_during_last_period" -> f.dropped().isEmpty()
                    ? new ParsedLine.Reject(Reasons.MISSING_FIELD) : new ParsedLine.Throttled(f.dropped());
            case "terminate" -> terminate(f, source, timestamp);
            case "emqx_connection_terminated" -> new ParsedLine.Skip("disconnect-detail");
            default -> new ParsedLine.Skip("unrecognised");
        };
    }

    private ParsedLine connack(EmqxFields f, EventFactory.Source source, long timestamp) {
        Matcher m = CONNACK_REASON.matcher(f.get("packet") == null ? "" : f.get("packet"));
        if (!m.matches()) {
            return new ParsedLine.Skip("mqtt-packet");
        }
        // A refused CONNACK is also logged as authentication_failure; counting it here would double it.
        return Integer.parseInt(m.group(1)) == 0 ? auth(f, source, timestamp, null)
                : new ParsedLine.Skip("connack-refused");
    }

    private ParsedLine terminate(EmqxFields f, EventFactory.Source source, long timestamp) {
        String reason = f.get("reason") == null ? "" : f.get("reason");
        // {shutdown,takenover} / {shutdown,discarded}: a newer connection claimed this client id.
        if (reason.contains("takenover") || reason.contains("discarded")) {
            return auth(f, source, timestamp, Reasons.withDetail(Reasons.CLIENT_ID_TAKEOVER, reason));
        }
        return new ParsedLine.Skip("disconnect");
    }

    private ParsedLine deniedPublish(EmqxFields f, EventFactory.Source source, long timestamp) {
        if (SafeFields.clean(f.get("topic")) == null) {
            return new ParsedLine.Reject(Reasons.MISSING_FIELD);
        }
        SpecificRecord event = events.telemetry(source, 0, timestamp, identity(f), Peer.ip(f.get("peername")),
                f.get("topic"), 0);
        return ParsedLine.events(List.of(event));
    }

    private ParsedLine auth(EmqxFields f, EventFactory.Source source, long timestamp, String failureReason) {
        AuthMethod method = SafeFields.clean(f.get("username")) != null ? AuthMethod.PASSWORD : AuthMethod.NONE;
        SpecificRecord event = events.auth(source, 0, timestamp, identity(f), method, failureReason,
                Peer.ip(f.get("peername")));
        return ParsedLine.events(List.of(event));
    }

    private static String authFailure(String reason) {
        String r = reason == null ? "" : reason.strip().toLowerCase(Locale.ROOT);
        return switch (r) {
            case "bad_username_or_password" -> Reasons.BAD_CREDENTIALS;
            case "not_authorized" -> Reasons.NOT_AUTHORISED;
            default -> Reasons.withDetail("authentication-failure", reason);
        };
    }

    private static boolean actionIs(EmqxFields f, String action) {
        return f.get("action") != null && f.get("action").startsWith(action);
    }

    private static BrokerIdentity identity(EmqxFields f) {
        return BrokerIdentity.ofPassword(f.get("clientid"), f.get("username"));
    }
}
