package io.fleetguard.topology;

/**
 * A record that deserialized but breaks the input contract. Thrown inside the topology so that
 * Kafka Streams hands it, with the record's original bytes, to {@link DeadLetterProcessingHandler}.
 *
 * @see RecordValidator
 */
public final class InvalidRecordException extends RuntimeException {

    private final String reason;

    /**
     * @param reason short stable code (counted in metrics, put in the dead-letter header)
     * @param detail human explanation; never contains field values that could be secrets
     */
    public InvalidRecordException(String reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
