package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The simulation as an endless sequence of events in non-decreasing event time: first one
 * registry record per device, then activity at {@code eventsPerSecond} actions per simulated
 * second, of which a fraction {@code incidentRate} inject an incident labelled with the one
 * alert type it must raise. Incident types are dealt from a shuffled deck, so every selected type
 * comes up once in each round of draws. Only the events of the next few simulated hours (support
 * session ends, uses just after a rotation) are ever held; the fleet is generated device by device.
 * An incident that cannot be built honestly at its instant gives way to a normal action: with
 * default policy, expired-credential incidents run out about 270 days into the simulation and
 * expiring ones after {@code devices / 40} cohorts of 22.5 days (at most 15); a dormant device
 * returns after the dormancy period (90 days) of simulated time, except the few returning devices
 * whose last use, emitted right after the registry, lies a dormancy period before start.
 */
public final class ActivityGenerator implements Iterator<SimEvent> {

    private record Pending(long timestamp, long order, SimEvent event) {
    }

    private final SimulationOptions options;
    private final FleetGenerator fleet;
    private final SimContext ctx;
    private final NormalTraffic normal;
    private final CredentialIncidents credentialIncidents;
    private final TrafficIncidents trafficIncidents;
    private final AuthIncidents authIncidents;
    private final LifecycleIncidents lifecycleIncidents;
    private final ChangeIncidents changeIncidents;
    private final SupportSessions supportSessions;
    private final List<AlertType> incidentTypes;
    private final List<AlertType> deck = new ArrayList<>();
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparingLong(Pending::timestamp).thenComparingLong(Pending::order));
    private int registered;
    private boolean backstory;
    private long ticks;
    private long clock;
    private long order;

    public ActivityGenerator(SimulationOptions options) {
        this.options = options;
        this.fleet = new FleetGenerator(options);
        this.ctx = new SimContext(options, fleet, this::enqueue);
        this.normal = new NormalTraffic(ctx);
        this.credentialIncidents = new CredentialIncidents(ctx);
        this.trafficIncidents = new TrafficIncidents(ctx);
        this.authIncidents = new AuthIncidents(ctx);
        this.lifecycleIncidents = new LifecycleIncidents(ctx);
        this.changeIncidents = new ChangeIncidents(ctx);
        this.supportSessions = new SupportSessions(ctx);
        this.incidentTypes = List.copyOf(options.incidentTypes());
        // The returning devices' last uses are the earliest activity, before start.
        this.clock = fleet.returning().length > 0 ? fleet.lastUseBeforeStart(0) : options.start().toEpochMilli();
    }

    /** The endless event sequence as a sequential stream; bound it with {@code limit}. */
    public static Stream<SimEvent> stream(SimulationOptions options) {
        Spliterator<SimEvent> events = Spliterators.spliteratorUnknownSize(new ActivityGenerator(options),
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(events, false);
    }

    public FleetGenerator fleet() {
        return fleet;
    }

    /** Always true: the simulation never ends by itself. */
    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public SimEvent next() {
        if (registered < fleet.size()) {
            return ctx.events.registry(fleet.device(fleet.registryOrder(registered++)));
        }
        if (!backstory) {
            // Right after the registry, older than it: the returning devices' last uses before start.
            backstory = true;
            lifecycleIncidents.returningDevices(fleet);
        }
        // Everything a later action emits is at or after its own tick, so whatever is due by
        // the current tick can go out without breaking time order.
        while (pending.isEmpty() || pending.peek().timestamp() > clock) {
            tick();
        }
        return pending.poll().event();
    }

    private void tick() {
        clock = options.start().toEpochMilli() + (long) (ticks++ * 1000.0 / options.eventsPerSecond());
        if (!incidentTypes.isEmpty() && ctx.random.nextDouble() < options.incidentRate()) {
            if (inject(draw(), clock)) {
                return;
            }
        }
        normal.act(clock);
    }

    /** The next type from the deck, reshuffled (Fisher-Yates) when empty. */
    private AlertType draw() {
        if (deck.isEmpty()) {
            deck.addAll(incidentTypes);
            for (int i = deck.size() - 1; i > 0; i--) {
                int j = ctx.random.nextInt(i + 1);
                deck.set(j, deck.set(i, deck.get(j)));
            }
        }
        return deck.remove(deck.size() - 1);
    }

    /** False when no incident of the type can be built honestly at this instant; a normal action follows. */
    private boolean inject(AlertType type, long at) {
        return switch (type) {
            case UNKNOWN_DEVICE -> trafficIncidents.unknownDevice(at);
            case IMPERSONATED_TELEMETRY -> trafficIncidents.impersonation(at);
            case UNEXPECTED_DATA_PATH -> trafficIncidents.offPath(at);
            case STALE_CREDENTIAL -> credentialIncidents.stale(at);
            case EXPIRED_CREDENTIAL -> credentialIncidents.expired(at);
            case CREDENTIAL_EXPIRING -> credentialIncidents.expiring(at);
            case REVOKED_CREDENTIAL_IN_USE -> credentialIncidents.revoked(at);
            case DEFAULT_CREDENTIAL -> authIncidents.defaultCredential(at);
            case SHARED_CREDENTIAL -> authIncidents.shared(at);
            case AUTH_FAILURE_BURST -> authIncidents.burst(at);
            case CLONED_IDENTITY -> authIncidents.cloned(at);
            case RETIRED_IDENTITY_ACTIVE -> lifecycleIncidents.retired(at);
            case ORPHANED_IDENTITY -> lifecycleIncidents.orphaned(at);
            case DORMANT_IDENTITY_REACTIVATED -> lifecycleIncidents.dormant(at);
            case UNAPPROVED_REMOTE_SUPPORT -> supportSessions.unapproved(at);
            case UNAUTHORIZED_CONFIG_CHANGE -> changeIncidents.unauthorizedChange(at);
            case FIRMWARE_DRIFT -> changeIncidents.firmwareDrift(at);
        };
    }

    private void enqueue(SimEvent event) {
        if (event.timestamp() < clock) {
            throw new IllegalStateException("event at " + event.timestamp() + " is behind the clock at " + clock);
        }
        pending.add(new Pending(event.timestamp(), order++, event));
    }
}
