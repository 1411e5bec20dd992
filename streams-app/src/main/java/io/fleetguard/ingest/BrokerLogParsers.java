package io.fleetguard.ingest;

/**
 * One entry point for the three dialects, for a processor that learns each broker's format from
 * configuration or a record header. Only Mosquitto keeps state; for the others the state passes
 * through untouched (and stays whatever the caller keeps for that broker, normally empty).
 */
public final class BrokerLogParsers {

    private final MosquittoLogParser mosquitto;
    private final EmqxLogParser emqx;
    private final AwsIotLogParser awsIot;

    public BrokerLogParsers(MosquittoSettings mosquitto, IdentityMapping emqx, IdentityMapping awsIot) {
        this.mosquitto = new MosquittoLogParser(mosquitto);
        this.emqx = new EmqxLogParser(emqx);
        this.awsIot = new AwsIotLogParser(awsIot);
    }

    public ParseOutcome<MosquittoState> parse(LogFormat format, String brokerId, String line, long recordTimestamp,
                                              MosquittoState state) {
        return switch (format) {
            case MOSQUITTO -> mosquitto.parse(brokerId, line, recordTimestamp, state);
            case EMQX -> new ParseOutcome<>(emqx.parse(brokerId, line, recordTimestamp), state);
            case AWS_IOT -> new ParseOutcome<>(awsIot.parse(brokerId, line, recordTimestamp), state);
        };
    }
}
