package io.fleetguard.replay;

import java.nio.file.Path;

/** A file of an offline history: JSON Lines of one input contract, or a raw broker log. */
sealed interface HistoryFile permits ReplayFile, BrokerLog {

    Path path();
}
