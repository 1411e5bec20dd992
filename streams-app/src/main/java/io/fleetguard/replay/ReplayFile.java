package io.fleetguard.replay;

import java.nio.file.Path;
import java.util.Objects;

/** One JSON Lines file of an offline history and the input whose contract its lines follow. */
public record ReplayFile(ReplayInput input, Path path) implements HistoryFile {

    public ReplayFile {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(path, "path");
    }
}
