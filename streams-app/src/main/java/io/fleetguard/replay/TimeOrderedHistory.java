package io.fleetguard.replay;

import io.fleetguard.ingest.BrokerLogTimes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Interleaves the lines of several files by event time: ties keep input order (registry, auth,
 * telemetry, config, support, then raw broker logs), then the order the files were given, then line
 * order. Each file is indexed first ({@link FileIndex}), so files need not be sorted and may be
 * split or shuffled any way without changing what is replayed. The history is iterated once.
 */
final class TimeOrderedHistory implements Iterator<HistoryLine>, AutoCloseable {

    private static final class Cursor {
        final FileIndex index;
        final LineReader reader;
        final int tieRank;
        int rank;

        Cursor(FileIndex index, LineReader reader, int tieRank) {
            this.index = index;
            this.reader = reader;
            this.tieRank = tieRank;
        }

        long time() {
            return index.time(rank);
        }
    }

    private final PriorityQueue<Cursor> queue = new PriorityQueue<>(
            Comparator.comparingLong(Cursor::time).thenComparingInt(c -> c.tieRank));
    private final List<Cursor> cursors = new ArrayList<>();
    private final List<FileIndex> indexes = new ArrayList<>();

    private TimeOrderedHistory() {
    }

    static TimeOrderedHistory open(List<ReplayFile> files, long latestPlausible, FileIndex.Rejections rejections)
            throws IOException {
        return open(files, List.of(), null, latestPlausible, rejections);
    }

    /** @param brokerLogTimes reads the times of the broker logs' lines; may be null when there are none */
    static TimeOrderedHistory open(List<ReplayFile> files, List<BrokerLog> brokerLogs, BrokerLogTimes brokerLogTimes,
                                   long latestPlausible, FileIndex.Rejections rejections) throws IOException {
        List<HistoryFile> inTieOrder = new ArrayList<>(
                files.stream().sorted(Comparator.comparing(ReplayFile::input)).toList()); // stable
        inTieOrder.addAll(brokerLogs);
        TimeOrderedHistory history = new TimeOrderedHistory();
        try {
            for (HistoryFile f : inTieOrder) {
                FileIndex index = FileIndex.build(f, timeReader(f, brokerLogTimes), latestPlausible, rejections);
                history.indexes.add(index);
                Cursor c = new Cursor(index, new LineReader(f.path()), history.cursors.size());
                history.cursors.add(c);
                if (index.size() > 0) {
                    history.queue.add(c);
                }
            }
        } catch (IOException | RuntimeException e) {
            history.close();
            throw e;
        }
        return history;
    }

    private static FileIndex.TimeReader timeReader(HistoryFile file, BrokerLogTimes brokerLogTimes) {
        if (file instanceof ReplayFile f) {
            return (buffer, start, length) -> EventTimeScanner.eventTime(f.input(), buffer, start, length);
        }
        BrokerLog log = (BrokerLog) file;
        return (buffer, start, length) -> EventTimeScanner.eventTime(log.format(), brokerLogTimes, buffer, start, length);
    }

    /** Record lines that will be replayed (rejected lines excluded). */
    long lines() {
        return indexes.stream().mapToLong(FileIndex::size).sum();
    }

    /** The files that were not already in time order (read by seeking; worth knowing when slow). */
    List<Path> unorderedFiles() {
        return indexes.stream().filter(i -> !i.wasOrdered()).map(i -> i.file).toList();
    }

    @Override
    public boolean hasNext() {
        return !queue.isEmpty();
    }

    @Override
    public HistoryLine next() {
        Cursor c = queue.poll();
        if (c == null) {
            throw new NoSuchElementException();
        }
        FileIndex index = c.index;
        int rank = c.rank;
        HistoryLine line;
        try {
            line = new HistoryLine(index.source, index.lineNumber(rank), index.time(rank),
                    c.reader.read(index.offset(rank), index.length(rank)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index.file, e);
        }
        if (++c.rank < index.size()) {
            queue.add(c);
        }
        return line;
    }

    @Override
    public void close() {
        for (Cursor c : cursors) {
            try {
                c.reader.close();
            } catch (IOException ignored) {
                // read-only file; nothing to lose
            }
        }
    }
}
