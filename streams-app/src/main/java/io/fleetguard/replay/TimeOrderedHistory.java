package io.fleetguard.replay;

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
 * Interleaves the lines of several JSON Lines files by event time: ties keep input order
 * (registry, auth, telemetry, config, support), then the order the files were given, then line
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
        List<ReplayFile> inTieOrder = files.stream().sorted(Comparator.comparing(ReplayFile::input)).toList(); // stable
        TimeOrderedHistory history = new TimeOrderedHistory();
        try {
            for (ReplayFile f : inTieOrder) {
                FileIndex index = FileIndex.build(f.input(), f.path(), latestPlausible, rejections);
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
            line = new HistoryLine(index.input, index.file, index.lineNumber(rank), index.time(rank),
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
