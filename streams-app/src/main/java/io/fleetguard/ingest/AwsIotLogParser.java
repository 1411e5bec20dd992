package io.fleetguard.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetguard.schema.AuthMethod;
import org.apache.avro.specific.SpecificRecord;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Normalizes AWS IoT Core CloudWatch log entries (logging V2, one JSON object per line). Every
 * entry names its client id, principal and source IP, so no state is needed. Connect entries
 * become AuthEvents, Publish-In entries telemetry (denied ones included: their topic is the
 * forbidden destination), and a Disconnect becomes an event only when its reason is about
 * identity: AUTH_ERROR or FORBIDDEN_ACCESS (a failure) and DUPLICATE_CLIENTID (the displaced
 * session of a client-id takeover).
 */
public final class AwsIotLogParser {

    /** AWS writes "2017-08-10 15:37:23.476" in UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSS]");
    /** An X.509 principal is the certificate id: 64 hex digits. Others are IAM, Cognito or custom-authorizer ids. */
    private static final Pattern CERTIFICATE_ID = Pattern.compile("[0-9a-f]{64}");

    private final EventFactory events;

    public AwsIotLogParser(IdentityMapping mapping) {
        this.events = new EventFactory(LogFormat.AWS_IOT, mapping);
    }

    public ParsedLine parse(String brokerId, String line, long recordTimestamp) {
        String raw = RawLine.withoutTerminator(line);
        String problem = RawLine.problem(brokerId, raw);
        if (problem != null) {
            return new ParsedLine.Reject(problem);
        }
        try {
            ObjectNode json = JsonLines.object(raw);
            String eventType = required(json, "eventType");
            long timestamp = timestamp(json.get("timestamp"), recordTimestamp);
            return interpret(eventType, json, new EventFactory.Source(brokerId, raw, recordTimestamp), timestamp);
        } catch (LineRejected e) {
            return new ParsedLine.Reject(e.reason());
        } catch (RuntimeException e) {
            // Backstop only (tests feed hostile input to keep it unreachable): a line never stops the stream.
            return new ParsedLine.Reject(Reasons.INTERNAL_ERROR);
        }
    }

    private ParsedLine interpret(String eventType, ObjectNode json, EventFactory.Source source, long timestamp) {
        return switch (eventType) {
            case "Connect" -> auth(json, source, timestamp, connectFailure(json));
            case "Disconnect" -> disconnect(json, source, timestamp);
            case "Connection.AuthNError" -> auth(json, source, timestamp,
                    Reasons.withDetail("authentication-failure", detail(json)));
            case "Publish-In" -> publish(json, source, timestamp);
            case "Subscribe" -> new ParsedLine.Skip(failed(json) ? "subscribe-denied" : "subscribe");
            default -> new ParsedLine.Skip("not-an-identity-event");
        };
    }

    /** Null for a successful Connect, the failure reason otherwise. */
    private static String connectFailure(ObjectNode json) {
        if (!failed(json)) {
            return null;
        }
        String detail = detail(json);
        return detail != null && detail.contains("AUTH")
                ? Reasons.withDetail(Reasons.NOT_AUTHORISED, detail)
                : Reasons.withDetail("connect-failed", detail);
    }

    private ParsedLine disconnect(ObjectNode json, EventFactory.Source source, long timestamp) {
        String reason = JsonLines.text(json, "disconnectReason");
        if (reason == null) {
            return new ParsedLine.Skip("disconnect");
        }
        return switch (reason) {
            case "AUTH_ERROR", "FORBIDDEN_ACCESS" ->
                    auth(json, source, timestamp, Reasons.withDetail(Reasons.NOT_AUTHORISED, reason));
            case "DUPLICATE_CLIENTID" ->
                    auth(json, source, timestamp, Reasons.withDetail(Reasons.CLIENT_ID_TAKEOVER, reason));
            default -> new ParsedLine.Skip("disconnect");
        };
    }

    private ParsedLine publish(ObjectNode json, EventFactory.Source source, long timestamp) {
        String topic = JsonLines.text(json, "topicName");
        if (SafeFields.clean(topic) == null) {
            return new ParsedLine.Reject(Reasons.MISSING_FIELD);
        }
        SpecificRecord event = events.telemetry(source, 0, timestamp, identity(json),
                JsonLines.text(json, "sourceIp"), topic, 0);
        return ParsedLine.events(List.of(event));
    }

    private ParsedLine auth(ObjectNode json, EventFactory.Source source, long timestamp, String failureReason) {
        BrokerIdentity identity = identity(json);
        String principal = SafeFields.clean(identity.principal());
        AuthMethod method = principal == null ? AuthMethod.NONE
                : CERTIFICATE_ID.matcher(principal).matches() ? AuthMethod.MTLS : AuthMethod.TOKEN;
        SpecificRecord event = events.auth(source, 0, timestamp, identity, method, failureReason,
                JsonLines.text(json, "sourceIp"));
        return ParsedLine.events(List.of(event));
    }

    private static BrokerIdentity identity(ObjectNode json) {
        return BrokerIdentity.ofPrincipal(JsonLines.text(json, "clientId"), JsonLines.text(json, "principalId"));
    }

    private static boolean failed(ObjectNode json) {
        return "Failure".equalsIgnoreCase(JsonLines.text(json, "status"));
    }

    private static String detail(ObjectNode json) {
        String reason = JsonLines.text(json, "reason");
        return reason != null ? reason : JsonLines.text(json, "details");
    }

    private static String required(ObjectNode json, String member) {
        String value = JsonLines.text(json, member);
        if (value == null || value.isBlank()) {
            throw new LineRejected(Reasons.MISSING_FIELD);
        }
        return value;
    }

    /** The time the entry states, read as {@link #parse} reads it; empty when it has none. */
    static OptionalLong statedTime(String raw) {
        JsonNode node = JsonLines.object(raw).get("timestamp");
        return node == null || node.isNull() ? OptionalLong.empty() : OptionalLong.of(timestamp(node, 0));
    }

    private static long timestamp(JsonNode node, long recordTimestamp) {
        if (node == null || node.isNull()) {
            return recordTimestamp;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue(); // epoch millis, as some CloudWatch exports write it
        }
        if (!node.isTextual()) {
            throw new LineRejected(Reasons.WRONG_FIELD_TYPE);
        }
        try {
            return LocalDateTime.parse(node.textValue(), TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException e) {
            throw new LineRejected(Reasons.BAD_TIMESTAMP);
        }
    }
}
