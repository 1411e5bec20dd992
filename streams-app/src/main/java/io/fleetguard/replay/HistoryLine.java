package io.fleetguard.replay;

import java.nio.file.Path;

/**
 * One record line of an offline history, handed out in replay order.
 *
 * @param source    the file it comes from, which says how to decode it
 * @param eventTime the line's event time in epoch ms (read before decoding, for ordering)
 * @param text      the line's UTF-8 bytes without the line break
 */
record HistoryLine(HistoryFile source, int lineNumber, long eventTime, byte[] text) {

    Path file() {
        return source.path();
    }
}
