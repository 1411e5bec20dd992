package io.fleetguard.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Walks a JSON Lines file once, handing each non-blank line to a visitor with its byte offset and
 * line number. Works on bytes (Jackson parses UTF-8 directly), strips a trailing CR and a leading
 * byte-order mark, and refuses lines longer than {@link #MAX_LINE} instead of buffering them.
 */
final class LineScanner {

    /** Far above any valid record (fields are capped at a few KB, lists at 1000 elements). */
    static final int MAX_LINE = 8 << 20;

    interface Visitor {
        void line(long offset, int lineNumber, byte[] buffer, int start, int length);

        void tooLong(long offset, int lineNumber, byte[] buffer, int start);
    }

    private LineScanner() {
    }

    static void scan(Path file, Visitor visitor) throws IOException {
        byte[] buf = new byte[1 << 20];
        int filled = 0;
        int start = 0; // start of the current line in buf
        long base = 0; // file offset of buf[0]
        int lineNumber = 1;
        boolean skipping = false; // inside an over-long line, waiting for its end
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int scanFrom = filled;
                int n = in.read(buf, filled, buf.length - filled);
                if (n < 0) {
                    if (!skipping && filled > start) {
                        emit(visitor, base + start, lineNumber, buf, start, filled - start);
                    }
                    return;
                }
                filled += n;
                for (int i = scanFrom; i < filled; i++) {
                    if (buf[i] == '\n') {
                        if (!skipping) {
                            emit(visitor, base + start, lineNumber, buf, start, i - start);
                        }
                        skipping = false;
                        lineNumber++;
                        start = i + 1;
                    }
                }
                if (!skipping && filled - start >= MAX_LINE) {
                    visitor.tooLong(base + start, lineNumber, buf, start);
                    skipping = true;
                }
                if (skipping) {
                    start = filled; // drop what we have of the over-long line
                }
                if (start > 0) { // keep the partial line at the front of the buffer
                    System.arraycopy(buf, start, buf, 0, filled - start);
                    base += start;
                    filled -= start;
                    start = 0;
                }
                if (filled == buf.length) {
                    buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE + 1));
                }
            }
        }
    }

    private static void emit(Visitor visitor, long offset, int lineNumber, byte[] buf, int start, int length) {
        int from = start;
        int end = start + length;
        if (lineNumber == 1 && length >= 3 && (buf[from] & 0xff) == 0xEF && (buf[from + 1] & 0xff) == 0xBB
                && (buf[from + 2] & 0xff) == 0xBF) {
            from += 3;
        }
        if (end > from && buf[end - 1] == '\r') {
            end--;
        }
        if (!isBlank(buf, from, end)) {
            visitor.line(offset + (from - start), lineNumber, buf, from, end - from);
        }
    }

    private static boolean isBlank(byte[] buf, int from, int end) {
        for (int i = from; i < end; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
