package io.fleetguard.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recent remote-support sessions of one device, as the support rules need them: when each ran,
 * whether it was approved, and whether an over-long open session was already reported. Bounded:
 * at most {@value #CAPACITY} sessions, the oldest dropped first.
 */
public record SupportSessions(List<Session> sessions) {

    public static final int CAPACITY = 32;
    public static final long OPEN = Long.MAX_VALUE;

    /**
     * One session; {@code endedAt == OPEN} while it runs; {@code limitMs} is the longest it may
     * run, fixed at its start from the device's class.
     */
    public record Session(String sessionId, String vendor, long startedAt, long endedAt, boolean approved,
                          boolean reportedOpen, long limitMs) {
    }

    public SupportSessions {
        sessions = List.copyOf(sessions);
    }

    public static SupportSessions empty() {
        return new SupportSessions(List.of());
    }

    public Session find(String sessionId) {
        return sessions.stream().filter(s -> s.sessionId().equals(sessionId)).findFirst().orElse(null);
    }

    /** Inserts or replaces the session with the same id. */
    public SupportSessions upsert(Session session) {
        List<Session> next = new ArrayList<>(sessions);
        next.removeIf(s -> s.sessionId().equals(session.sessionId()));
        next.add(session);
        next.sort(Comparator.comparingLong(Session::startedAt));
        while (next.size() > CAPACITY) {
            next.remove(0);
        }
        return new SupportSessions(next);
    }

    /** Drops sessions that ended, or were reported open, before {@code before}. */
    public SupportSessions forgetBefore(long before) {
        List<Session> next = new ArrayList<>(sessions);
        next.removeIf(s -> (s.endedAt() != OPEN && s.endedAt() < before) || (s.reportedOpen() && s.startedAt() < before));
        return new SupportSessions(next);
    }

    public byte[] toBytes() {
        StateBytes.Writer out = new StateBytes.Writer(4 + sessions.size() * 64).writeInt(sessions.size());
        for (Session s : sessions) {
            out.writeUTF(s.sessionId()).writeUTF(s.vendor()).writeLong(s.startedAt()).writeLong(s.endedAt())
                    .writeBoolean(s.approved()).writeBoolean(s.reportedOpen()).writeLong(s.limitMs());
        }
        return out.toBytes();
    }

    public static SupportSessions fromBytes(byte[] data) {
        StateBytes.Reader in = new StateBytes.Reader(data);
        int n = in.readInt();
        List<Session> sessions = new ArrayList<>(Math.min(Math.max(n, 0), 1024));
        for (int i = 0; i < n; i++) {
            String sessionId = in.readUTF();
            String vendor = in.readUTF();
            sessions.add(new Session(sessionId, vendor, in.readLong(), in.readLong(), in.readBoolean(),
                    in.readBoolean(), in.readLong()));
        }
        return new SupportSessions(sessions);
    }
}
