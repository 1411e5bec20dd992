package io.fleetguard.ingest;

/**
 * The fixed vocabulary of reject reasons and authentication failure reasons. Nothing here comes
 * from a log line, so these strings are safe as metric tags and dead-letter headers.
 */
final class Reasons {

    // Reject reasons
    static final String MISSING_BROKER_ID = "missing-broker-id";
    static final String BLANK_LINE = "blank-line";
    static final String LINE_TOO_LONG = "line-too-long";
    static final String EMBEDDED_LINE_BREAK = "embedded-line-break";
    static final String NUL_CHARACTER = "nul-character";
    static final String BAD_TIMESTAMP = "bad-timestamp";
    static final String NOT_THIS_FORMAT = "not-this-log-format";
    static final String MALFORMED_CONNECTION_LINE = "malformed-connection-line";
    static final String MALFORMED_PUBLISH_LINE = "malformed-publish-line";
    static final String INVALID_JSON = "invalid-json";
    static final String NOT_A_JSON_OBJECT = "not-a-json-object";
    static final String WRONG_FIELD_TYPE = "wrong-field-type";
    static final String MISSING_FIELD = "missing-field";
    static final String DUPLICATE_FIELD = "duplicate-field";
    static final String INTERNAL_ERROR = "internal-error";

    // AuthEvent failure reasons (a stable code, sometimes followed by ": " and sanitized detail)
    static final String NOT_AUTHORISED = "not-authorised";
    static final String BAD_CREDENTIALS = "bad-username-or-password";
    static final String CLIENT_ID_REJECTED = "client-identifier-rejected";
    static final String TLS_HANDSHAKE_FAILED = "tls-handshake-failed";
    static final String CLIENT_ID_TAKEOVER = "client-id-takeover";

    private Reasons() {
    }

    /** Why Mosquitto refused a login, from the CONNACK return code (-1 when no CONNACK line was seen). */
    static String connackRefusal(int returnCode) {
        String code = switch (returnCode) {
            case 4, 134 -> BAD_CREDENTIALS;        // MQTT 3.1.1 / MQTT 5 bad user name or password
            case 2, 133 -> CLIENT_ID_REJECTED;     // identifier rejected / client identifier not valid
            default -> NOT_AUTHORISED;             // 5 / 135 and anything else
        };
        return returnCode < 0 ? code : code + " (CONNACK " + returnCode + ")";
    }

    /** Code plus sanitized detail, e.g. "tls-handshake-failed: certificate verify failed". */
    static String withDetail(String code, String detail) {
        String clean = SafeFields.clean(detail);
        return clean == null ? code : code + ": " + clean;
    }
}
