package io.fleetguard.ingest;

/** Unwinds a parse to a {@link ParsedLine.Reject}; the reason is one of {@link Reasons}' codes. */
final class LineRejected extends RuntimeException {

    LineRejected(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
