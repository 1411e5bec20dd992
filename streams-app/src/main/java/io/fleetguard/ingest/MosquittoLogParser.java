package io.fleetguard.ingest;

import io.fleetguard.ingest.MosquittoMessage.ClientConnected;
import io.fleetguard.ingest.MosquittoMessage.Connack;
import io.fleetguard.ingest.MosquittoMessage.Disconnected;
import io.fleetguard.ingest.MosquittoMessage.NewConnection;
import io.fleetguard.ingest.MosquittoMessage.NotAuthorised;
import io.fleetguard.ingest.MosquittoMessage.Publish;
import io.fleetguard.ingest.MosquittoMessage.TlsError;
import io.fleetguard.ingest.MosquittoState.Pending;
import io.fleetguard.ingest.MosquittoState.Refusal;
import io.fleetguard.ingest.MosquittoState.Session;
import io.fleetguard.schema.AuthMethod;
import org.apache.avro.specific.SpecificRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalizes Mosquitto 2.x log lines into AuthEvents and TelemetryRecords. Mosquitto spreads one
 * login over several lines and names nobody when it refuses one ("Client &lt;unknown&gt;
 * disconnected, not authorised."), so the parser correlates each line with the broker's earlier
 * lines through an explicit, bounded {@link MosquittoState} that the caller stores between lines.
 */
public final class MosquittoLogParser {

    /**
     * Mosquitto cuts its own lines at 999 bytes; anything several times longer did not come from
     * the broker, and refusing it also bounds the cost of the client-id-greedy patterns.
     */
    static final int MAX_LINE_CHARS = 4 * MosquittoLine.BROKER_LINE_LIMIT_BYTES;

    private final MosquittoSettings settings;
    private final MosquittoLine lines;
    private final EventFactory events;

    public MosquittoLogParser(MosquittoSettings settings) {
        this.settings = settings;
        this.lines = new MosquittoLine(settings.zone(), settings.timestampPattern());
        this.events = new EventFactory(LogFormat.MOSQUITTO, settings.mapping());
    }

    /**
     * @param brokerId        the record key
     * @param line            one raw log line (a trailing newline is ignored)
     * @param recordTimestamp the record's timestamp, part of every event id
     * @param state           this broker's state after its previous line; null means empty
     */
    public ParseOutcome<MosquittoState> parse(String brokerId, String line, long recordTimestamp,
                                              MosquittoState state) {
        MosquittoState before = state == null ? MosquittoState.EMPTY : state;
        try {
            return parseRaw(brokerId, RawLine.withoutTerminator(line), recordTimestamp, before);
        } catch (RuntimeException e) {
            // Backstop only: tests feed hostile input to keep this unreachable. A line must never
            // stop the stream, and the state before it is still consistent.
            return new ParseOutcome<>(new ParsedLine.Reject(Reasons.INTERNAL_ERROR), before);
        }
    }

    private ParseOutcome<MosquittoState> parseRaw(String brokerId, String raw, long recordTimestamp,
                                                  MosquittoState before) {
        String problem = RawLine.problem(brokerId, raw);
        if (problem == null && raw.length() > MAX_LINE_CHARS) {
            problem = Reasons.LINE_TOO_LONG;
        }
        if (problem != null) {
            return new ParseOutcome<>(new ParsedLine.Reject(problem), before);
        }
        MosquittoLine.Split split = lines.split(raw);
        if (split == null) {
            return new ParseOutcome<>(new ParsedLine.Reject(Reasons.BAD_TIMESTAMP), before);
        }
        MosquittoMessage message = MosquittoMessage.of(split.message(), MosquittoLine.atBrokerLimit(raw));
        Line context = new Line(new EventFactory.Source(brokerId, raw, recordTimestamp), split.timestampMillis());
        return apply(message, context, before);
    }

    /** The record a line came from and the time it states. */
    private record Line(EventFactory.Source source, long timestamp) {
    }

    private ParseOutcome<MosquittoState> apply(MosquittoMessage message, Line line, MosquittoState state) {
        if (message instanceof NewConnection c) {
            Pending accepted = new Pending(SafeFields.clean(c.ip()), c.port(), c.listenerPort());
            return skip("connection-accepted", state.withPending(accepted, settings.maxPendingConnections()));
        } else if (message instanceof ClientConnected c) {
            return connected(c, line, state);
        } else if (message instanceof MosquittoMessage.Takeover t) {
            return skip("client-id-takeover-announced", takeover(t.clientId(), state));
        } else if (message instanceof NotAuthorised n) {
            return notAuthorised(n, line, state);
        } else if (message instanceof Disconnected d) {
            return skip(d.kind(), disconnected(d, state));
        } else if (message instanceof Connack c) {
            return connack(c, state);
        } else if (message instanceof Publish p) {
            return publish(p, line, state);
        } else if (message instanceof TlsError e) {
            return tlsError(e, line, state);
        } else if (message instanceof MosquittoMessage.Malformed m) {
            return new ParseOutcome<>(new ParsedLine.Reject(m.reason()), state);
        }
        return skip(((MosquittoMessage.Harmless) message).kind(), state);
    }

    private ParseOutcome<MosquittoState> connected(ClientConnected c, Line line, MosquittoState state) {
        String ip = SafeFields.clean(c.ip());
        String clientId = SafeFields.clean(c.clientId());
        Pending pending = state.pendingAt(ip, c.port()).orElse(null);
        boolean certificate = pending != null && settings.identityListenerPorts().contains(pending.listenerPort());
        String username = SafeFields.clean(c.username());
        AuthMethod method = certificate ? AuthMethod.MTLS : username != null ? AuthMethod.PASSWORD : AuthMethod.NONE;
        BrokerIdentity identity = BrokerIdentity.of(clientId, username, method);

        List<SpecificRecord> out = new ArrayList<>(2);
        Session displaced = clientId == null ? null : state.session(clientId).filter(Session::takenOver).orElse(null);
        if (displaced != null) {
            // The format detect.ClientIdTakeoverDetector reads: who took the client id over, from where, how.
            String detail = "by " + (username != null ? username : "an anonymous client") + " from " + ip + " via " + method;
            out.add(events.auth(line.source(), 0, line.timestamp(), displaced.identity(), displaced.method(),
                    Reasons.withDetail(Reasons.CLIENT_ID_TAKEOVER, detail), displaced.ip()));
        }
        out.add(events.auth(line.source(), out.size(), line.timestamp(), identity, method, null, ip));
        MosquittoState next = pending == null ? state : state.without(pending);
        if (clientId != null) {
            next = next.withSession(new Session(clientId, username, ip, method, false), settings.maxSessions());
        }
        return new ParseOutcome<>(ParsedLine.events(out), next);
    }

    private MosquittoState takeover(String loggedClientId, MosquittoState state) {
        String clientId = SafeFields.clean(loggedClientId);
        if (clientId == null) {
            return state;
        }
        // The displaced session is reported when the new connection's line names its principal.
        Session old = state.session(clientId).orElse(new Session(clientId, null, null, AuthMethod.NONE, false));
        return state.withSession(new Session(clientId, old.principal(), old.ip(), old.method(), true),
                settings.maxSessions());
    }

    private ParseOutcome<MosquittoState> notAuthorised(NotAuthorised n, Line line, MosquittoState state) {
        Refusal refusal = state.refusal().orElse(null);
        Pending pending = state.latestPending(p -> refusal == null || p.ip().equals(refusal.ip())).orElse(null);
        boolean certificate = pending != null && settings.identityListenerPorts().contains(pending.listenerPort());
        int rc = refusal == null ? -1 : refusal.returnCode();
        AuthMethod method = certificate ? AuthMethod.MTLS
                : (rc == 4 || rc == 134) ? AuthMethod.PASSWORD : AuthMethod.NONE;
        String ip = pending != null ? pending.ip() : refusal != null ? refusal.ip() : null;
        String clientId = SafeFields.clean(n.clientId());

        SpecificRecord event = events.auth(line.source(), 0, line.timestamp(),
                BrokerIdentity.ofPrincipal(clientId, null), method, Reasons.connackRefusal(rc), ip);
        MosquittoState next = (pending == null ? state : state.without(pending)).withRefusal(null);
        return new ParseOutcome<>(ParsedLine.events(List.of(event)), next);
    }

    private MosquittoState disconnected(Disconnected d, MosquittoState state) {
        if (d.clientId() != null) {
            return state.withoutSession(SafeFields.clean(d.clientId()));
        }
        // A connection that never identified itself (a probe, a failed TLS handshake) is gone.
        return state.latestPending(p -> true).map(state::without).orElse(state);
    }

    private ParseOutcome<MosquittoState> connack(Connack c, MosquittoState state) {
        if (c.returnCode() == 0) {
            return skip("mqtt-packet", state);
        }
        // A refused login has lost its client id, so Mosquitto addresses the CONNACK to the IP.
        String target = SafeFields.clean(c.target());
        MosquittoState next = state.latestPending(p -> p.ip().equals(target)).isPresent()
                ? state.withRefusal(new Refusal(target, c.returnCode())) : state;
        return skip("connack-refused", next);
    }

    private ParseOutcome<MosquittoState> publish(Publish p, Line line, MosquittoState state) {
        String clientId = SafeFields.clean(p.clientId());
        if (SafeFields.clean(p.topic()) == null) {
            return new ParseOutcome<>(new ParsedLine.Reject(Reasons.MALFORMED_PUBLISH_LINE), state);
        }
        Session session = clientId == null ? null : state.session(clientId).orElse(null);
        BrokerIdentity identity = session != null
                ? session.identity() : BrokerIdentity.ofPrincipal(clientId, null);
        SpecificRecord event = events.telemetry(line.source(), 0, line.timestamp(), identity,
                session == null ? null : session.ip(), p.topic(), p.bytes());
        return new ParseOutcome<>(ParsedLine.events(List.of(event)), state);
    }

    private ParseOutcome<MosquittoState> tlsError(TlsError e, Line line, MosquittoState state) {
        // OpenSSL may log several errors for one handshake; the first one reports the failure.
        Pending pending = e.index() == 0 ? latestTlsPending(state) : null;
        if (pending == null) {
            return skip(e.index() == 0 ? "tls-error-unattributed" : "tls-error-detail", state);
        }
        boolean certificate = settings.identityListenerPorts().contains(pending.listenerPort());
        String detail = e.reason().substring(e.reason().lastIndexOf(':') + 1);
        SpecificRecord event = events.auth(line.source(), 0, line.timestamp(),
                BrokerIdentity.ofPrincipal(null, null), certificate ? AuthMethod.MTLS : AuthMethod.NONE,
                Reasons.withDetail(Reasons.TLS_HANDSHAKE_FAILED, detail), pending.ip());
        // The pending connection stays: the broker's own disconnect line for it follows and removes it.
        return new ParseOutcome<>(ParsedLine.events(List.of(event)), state);
    }

    private Pending latestTlsPending(MosquittoState state) {
        return state.latestPending(p -> settings.identityListenerPorts().contains(p.listenerPort()))
                .or(() -> state.latestPending(p -> true))
                .orElse(null);
    }

    private static ParseOutcome<MosquittoState> skip(String kind, MosquittoState state) {
        return new ParseOutcome<>(new ParsedLine.Skip(kind), state);
    }
}
