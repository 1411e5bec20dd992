package io.fleetguard.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One input file reduced to what ordering needs: per record line its event time, byte offset,
 * length and line number (24 bytes a line, so a million-line file costs ~24 MB, not its records).
 * Lines come out in event-time order, ties in line order; a file already in order (what
 * {@code JsonLinesEventSink} writes) is read straight through, any other is read by seeking.
 * A line whose event time cannot be read is rejected here, before anything is replayed.
 */
final class FileIndex {

    /** Where an indexed line is rejected before replay. */
    interface Rejections {
        void reject(Path file, int lineNumber, String reason, byte[] buffer, int start, int length);
    }

    /** Reads the event time of one line, or says why it has none. */
    interface TimeReader {
        long eventTime(byte[] buffer, int start, int length) throws MalformedRecordException;
    }

    final HistoryFile source;
    final Path file;
    private long[] times = new long[1024];
    private long[] offsets = new long[1024];
    private int[] lengths = new int[1024];
    private int[] lineNumbers = new int[1024];
    private int size;
    private boolean ordered = true;
    private int[] order; // null while lines are in time order already

    private FileIndex(HistoryFile source) {
        this.source = source;
        this.file = source.path();
    }

    /**
     * @param latestPlausible event times after this (epoch ms) are rejected: one far-future line
     *                        would otherwise drag stream time ahead and age out the whole registry
     */
    static FileIndex build(HistoryFile source, TimeReader times, long latestPlausible, Rejections rejections)
            throws IOException {
        FileIndex index = new FileIndex(source);
        Path file = source.path();
        LineScanner.scan(file, new LineScanner.Visitor() {
            @Override
            public void line(long offset, int lineNumber, byte[] buffer, int start, int length) {
                try {
                    long time = times.eventTime(buffer, start, length);
                    if (time > latestPlausible) {
                        throw new MalformedRecordException("event time is later than now plus "
                                + "validation.max.future.skew.ms; the live app would dead-letter it (invalid-timestamp)");
                    }
                    index.add(time, offset, length, lineNumber);
                } catch (MalformedRecordException e) {
                    rejections.reject(file, lineNumber, e.getMessage(), buffer, start, length);
                }
            }

            @Override
            public void tooLong(long offset, int lineNumber, byte[] buffer, int start) {
                rejections.reject(file, lineNumber, "line is longer than " + LineScanner.MAX_LINE + " bytes",
                        buffer, start, Math.min(4096, buffer.length - start));
            }
        });
        index.sortByTime();
        return index;
    }

    private void add(long time, long offset, int length, int lineNumber) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
            lineNumbers = Arrays.copyOf(lineNumbers, n);
        }
        ordered &= size == 0 || time >= times[size - 1];
        times[size] = time;
        offsets[size] = offset;
        lengths[size] = length;
        lineNumbers[size] = lineNumber;
        size++;
    }

    /** A stable sort (TimSort on objects), so equal times keep line order; only for unordered files. */
    private void sortByTime() {
        if (!ordered) {
            order = IntStream.range(0, size).boxed()
                    .sorted(Comparator.comparingLong((Integer i) -> times[i]))
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    int size() {
        return size;
    }

    boolean wasOrdered() {
        return ordered;
    }

    /** The position of the {@code rank}-th line in time order. */
    private int at(int rank) {
        return order == null ? rank : order[rank];
    }

    long time(int rank) {
        return times[at(rank)];
    }

    long offset(int rank) {
        return offsets[at(rank)];
    }

    int length(int rank) {
        return lengths[at(rank)];
    }

    int lineNumber(int rank) {
        return lineNumbers[at(rank)];
    }
}
