package io.fleetguard.replay;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads indexed lines back by offset. Reading forward refills a large window (a file in time
 * order is read sequentially); a jump backwards or far ahead reads just the line, so that a
 * shuffled file costs one small read per line instead of one window per line.
 */
final class LineReader implements AutoCloseable {

    private static final int WINDOW = 1 << 20;

    private final FileChannel channel;
    private byte[] window = new byte[WINDOW];
    private long windowStart;
    private int windowLength;

    LineReader(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /** A copy of the bytes at [offset, offset + length). */
    byte[] read(long offset, int length) throws IOException {
        if (offset < windowStart || offset + length > windowStart + windowLength) {
            boolean forward = offset >= windowStart && offset <= windowStart + windowLength + WINDOW;
            fill(offset, forward ? Math.max(WINDOW, length) : length, length);
        }
        int from = (int) (offset - windowStart);
        return Arrays.copyOfRange(window, from, from + length);
    }

    private void fill(long offset, int want, int need) throws IOException {
        if (window.length < want) {
            window = new byte[want];
        }
        ByteBuffer target = ByteBuffer.wrap(window, 0, want);
        long position = offset;
        while (target.hasRemaining()) {
            int n = channel.read(target, position);
            if (n < 0) {
                break;
            }
            position += n;
        }
        windowStart = offset;
        windowLength = target.position();
        if (windowLength < need) {
            throw new EOFException("file shrank while replaying (offset " + offset + ")");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
