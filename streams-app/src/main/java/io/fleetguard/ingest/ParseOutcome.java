package io.fleetguard.ingest;

/**
 * A parsed line plus the parser's correlation state after it. The state instance is the input
 * instance when the line did not change it, so a caller can skip the state-store write.
 */
public record ParseOutcome<S>(ParsedLine result, S state) {

    public boolean stateChangedFrom(S previous) {
        return state != previous;
    }
}
