package io.fleetguard.replay;

import java.nio.file.Path;

/**
 * One record line of an offline history, handed out in replay order.
 *
 * @param eventTime the line's event time in epoch ms (read before decoding, for ordering)
 * @param text      the line's UTF-8 bytes without the line break
 */
record HistoryLine(ReplayInput input, Path file, int lineNumber, long eventTime, byte[] text) {
}
