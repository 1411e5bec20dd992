package io.fleetguard.serde;

import org.apache.kafka.common.KafkaException;

/**
 * A Schema Registry operation failed. The message names the subject or schema id, the URL,
 * the HTTP status and the registry's {@code error_code}/{@code message}; it never contains
 * credentials. {@link #status()} is 0 when no HTTP answer arrived (registry unreachable).
 */
public class SchemaRegistryException extends KafkaException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, int status, int errorCode) {
        this(message, status, errorCode, null);
    }

    /** The HTTP status, or 0 when the registry could not be reached. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code} (e.g. 40401, 40403), or 0 when it sent none. */
    public int errorCode() {
        return errorCode;
    }

    /** True for 404: unknown subject, schema or schema id. */
    public boolean isNotFound() {
        return status == 404;
    }

    /** True when trying again later may succeed: no answer, 429 or 5xx. */
    public boolean isRetriable() {
        return isRetriable(status);
    }

    static boolean isRetriable(int status) {
        return status == 0 || status == 429 || status >= 500;
    }
}
