package io.fleetguard.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A bounded, time-ordered list of (event time, label) pairs plus one instant the rule defines (when
 * it last fired, or when the key was last seen): the state behind the windowed rules. Immutable; every change returns a new value. Out-of-order
 * events are inserted in time order; beyond {@code capacity} the oldest are dropped, so the state
 * of one key never grows past a few hundred bytes.
 */
public record RecentEvents(List<Entry> entries, long mark) {

    /** One remembered event: when, and what (a device id, a network, ...). */
    public record Entry(long at, String label) {
    }

    public static final long NEVER = Long.MIN_VALUE;

    public RecentEvents {
        entries = List.copyOf(entries);
    }

    public static RecentEvents empty() {
        return new RecentEvents(List.of(), NEVER);
    }

    public RecentEvents with(long at, String label, int capacity) {
        List<Entry> next = new ArrayList<>(entries);
        next.add(new Entry(at, label));
        next.sort(Comparator.comparingLong(Entry::at));
        while (next.size() > capacity) {
            next.remove(0);
        }
        return new RecentEvents(next, mark);
    }

    public RecentEvents marked(long at) {
        return new RecentEvents(entries, at);
    }

    /** Entries with {@code from <= at <= to}. */
    public List<Entry> between(long from, long to) {
        return entries.stream().filter(e -> e.at() >= from && e.at() <= to).toList();
    }

    public long newest() {
        return entries.isEmpty() ? NEVER : entries.get(entries.size() - 1).at();
    }

    public byte[] toBytes() {
        StateBytes.Writer out = new StateBytes.Writer(12 + entries.size() * 24).writeLong(mark).writeInt(entries.size());
        for (Entry e : entries) {
            out.writeLong(e.at()).writeUTF(e.label());
        }
        return out.toBytes();
    }

    public static RecentEvents fromBytes(byte[] data) {
        StateBytes.Reader in = new StateBytes.Reader(data);
        long fired = in.readLong();
        int n = in.readInt();
        List<Entry> entries = new ArrayList<>(Math.min(Math.max(n, 0), 1024));
        for (int i = 0; i < n; i++) {
            long at = in.readLong();
            entries.add(new Entry(at, in.readUTF()));
        }
        return new RecentEvents(entries, fired);
    }
}
