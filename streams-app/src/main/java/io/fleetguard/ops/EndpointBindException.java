package io.fleetguard.ops;

/** The metrics and health endpoints could not listen where configured (port in use, unknown host). */
public final class EndpointBindException extends RuntimeException {

    EndpointBindException(String message, Throwable cause) {
        super(message, cause);
    }
}
