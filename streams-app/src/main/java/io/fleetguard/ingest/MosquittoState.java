package io.fleetguard.ingest;

import io.fleetguard.schema.AuthMethod;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a Mosquitto log has said so far that later lines need, for one broker: connections
 * accepted but not yet identified, identified sessions by client id (their principal and address
 * are not repeated on PUBLISH lines), and the last refused CONNACK. Immutable and bounded: every
 * update drops the oldest entries beyond the caller's limits, so a flood of half-open connections
 * cannot grow it. It backs a Kafka Streams key-value store keyed by broker id, hence
 * {@link #toBytes()} and {@link #fromBytes(byte[])}.
 */
public final class MosquittoState {

    public static final MosquittoState EMPTY = new MosquittoState(List.of(), List.of(), null);

    private static final byte FORMAT_VERSION = 1;

    /** A "New connection from ip:port on port N." not yet followed by its outcome. */
    record Pending(String ip, int port, int listenerPort) {
    }

    /** An identified connection; takenOver marks one a newer connection is replacing. */
    record Session(String clientId, String principal, String ip, AuthMethod method, boolean takenOver) {

        BrokerIdentity identity() {
            return BrokerIdentity.of(clientId, principal, method);
        }
    }

    /** A "Sending CONNACK to ip (0, rc)" refusal awaiting the "not authorised" line it explains. */
    record Refusal(String ip, int returnCode) {
    }

    private final List<Pending> pending;   // oldest first
    private final List<Session> sessions;  // least recently connected first
    private final Refusal refusal;

    private MosquittoState(List<Pending> pending, List<Session> sessions, Refusal refusal) {
        this.pending = List.copyOf(pending);
        this.sessions = List.copyOf(sessions);
        this.refusal = refusal;
    }

    public int pendingConnections() {
        return pending.size();
    }

    public int sessions() {
        return sessions.size();
    }

    MosquittoState withPending(Pending connection, int limit) {
        List<Pending> next = new ArrayList<>(pending);
        next.removeIf(p -> p.ip().equals(connection.ip()) && p.port() == connection.port());
        next.add(connection);
        return new MosquittoState(newest(next, limit), sessions, refusal);
    }

    Optional<Pending> pendingAt(String ip, int port) {
        return pending.stream().filter(p -> p.ip().equals(ip) && p.port() == port).findFirst();
    }

    /** The most recent pending connection that passes the test. */
    Optional<Pending> latestPending(Predicate<Pending> which) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (which.test(pending.get(i))) {
                return Optional.of(pending.get(i));
            }
        }
        return Optional.empty();
    }

    MosquittoState without(Pending connection) {
        List<Pending> next = new ArrayList<>(pending);
        return next.remove(connection) ? new MosquittoState(next, sessions, refusal) : this;
    }

    Optional<Session> session(String clientId) {
        return sessions.stream().filter(s -> s.clientId().equals(clientId)).findFirst();
    }

    MosquittoState withSession(Session session, int limit) {
        List<Session> next = new ArrayList<>(sessions);
        next.removeIf(s -> s.clientId().equals(session.clientId()));
        next.add(session);
        return new MosquittoState(pending, newest(next, limit), refusal);
    }

    MosquittoState withoutSession(String clientId) {
        List<Session> next = new ArrayList<>(sessions);
        return next.removeIf(s -> s.clientId().equals(clientId)) ? new MosquittoState(pending, next, refusal) : this;
    }

    Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    MosquittoState withRefusal(Refusal next) {
        return Objects.equals(refusal, next) ? this : new MosquittoState(pending, sessions, next);
    }

    private static <T> List<T> newest(List<T> entries, int limit) {
        int max = Math.max(0, limit);
        return entries.size() <= max ? entries : entries.subList(entries.size() - max, entries.size());
    }

    /** Compact binary form: a version byte, then the three parts with length-prefixed strings. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 48 * (pending.size() + sessions.size()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeShort(pending.size());
            for (Pending p : pending) {
                out.writeUTF(p.ip());
                out.writeInt(p.port());
                out.writeInt(p.listenerPort());
            }
            out.writeShort(sessions.size());
            for (Session s : sessions) {
                out.writeUTF(s.clientId());
                writeNullable(out, s.principal());
                writeNullable(out, s.ip());
                out.writeUTF(s.method().name());
                out.writeBoolean(s.takenOver());
            }
            out.writeBoolean(refusal != null);
            if (refusal != null) {
                out.writeUTF(refusal.ip());
                out.writeInt(refusal.returnCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a state this version wrote */
    public static MosquittoState fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return EMPTY;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown MosquittoState format version " + version);
            }
            List<Pending> pending = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) {
                pending.add(new Pending(in.readUTF(), in.readInt(), in.readInt()));
            }
            List<Session> sessions = new ArrayList<>();
            for (int i = in.readUnsignedShort(); i > 0; i--) {
                sessions.add(new Session(in.readUTF(), readNullable(in), readNullable(in), method(in.readUTF()),
                        in.readBoolean()));
            }
            Refusal refusal = in.readBoolean() ? new Refusal(in.readUTF(), in.readInt()) : null;
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing bytes after MosquittoState");
            }
            return new MosquittoState(pending, sessions, refusal);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt MosquittoState", e);
        }
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static AuthMethod method(String name) {
        try {
            return AuthMethod.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown auth method in MosquittoState", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MosquittoState other && pending.equals(other.pending) && sessions.equals(other.sessions)
                && Objects.equals(refusal, other.refusal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pending, sessions, refusal);
    }

    @Override
    public String toString() {
        return "MosquittoState[pending=" + pending.size() + ", sessions=" + sessions.size()
                + ", refusal=" + refusal + "]";
    }
}
