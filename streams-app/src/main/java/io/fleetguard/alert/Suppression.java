package io.fleetguard.alert;

import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.IdentityAlert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The suppression rule, pure: the same (type, device, subject) raises one alert per window; repeats
 * inside the window only raise {@code count} and {@code lastSeen} of the held alert, which is
 * re-emitted once as an UPDATE (same alert id) when the window closes. A repeat of higher severity
 * is never swallowed: it is emitted at once and opens a new window. Types the catalogue marks
 * once-a-day (CREDENTIAL_EXPIRING, ORPHANED_IDENTITY) use a window of at least one day.
 */
public final class Suppression {

    /** Triggering event ids kept on an aggregated alert; the count says how many there were. */
    static final int MAX_TRIGGER_IDS = 20;

    private static final long ONE_DAY_MS = Duration.ofDays(1).toMillis();

    private final Duration window;

    public Suppression(Duration window) {
        this.window = window;
    }

    /** Decision for an incoming alert given the held one (null: none). */
    public record Outcome(IdentityAlert emit, IdentityAlert held, IdentityAlert closedUpdate) {
    }

    /** The key the suppression state is held under. */
    public static String key(IdentityAlert a) {
        return a.getType() + "|" + a.getDeviceId() + "|" + a.getSubject();
    }

    public Outcome offer(IdentityAlert incoming, IdentityAlert held) {
        long at = incoming.getEventTime().toEpochMilli();
        if (held == null) {
            return new Outcome(incoming, incoming, null);
        }
        if (at >= windowEnd(held)) {
            // Normally the punctuator closed it already; an old window still open is closed here.
            return new Outcome(incoming, incoming, held.getCount() > 1 ? asUpdate(held) : null);
        }
        if (incoming.getSeverity().ordinal() > held.getSeverity().ordinal()) {
            return new Outcome(incoming, incoming, held.getCount() > 1 ? asUpdate(held) : null);
        }
        return new Outcome(null, merge(held, incoming), null);
    }

    public long windowEnd(IdentityAlert held) {
        long ms = window.toMillis();
        if (AlertCatalogue.entry(held.getType()).oncePerDay()) {
            ms = Math.max(ms, ONE_DAY_MS);
        }
        return held.getFirstSeen().toEpochMilli() + ms;
    }

    /** The update to emit when a held alert's window closes, or null when nothing was suppressed. */
    public IdentityAlert close(IdentityAlert held) {
        return held.getCount() > 1 ? asUpdate(held) : null;
    }

    private static IdentityAlert merge(IdentityAlert held, IdentityAlert repeat) {
        List<String> ids = new ArrayList<>(held.getTriggeringEventIds());
        for (String id : repeat.getTriggeringEventIds()) {
            if (ids.size() < MAX_TRIGGER_IDS) {
                ids.add(id);
            }
        }
        IdentityAlert merged = IdentityAlert.newBuilder(held).build();
        merged.setCount(held.getCount() + repeat.getCount());
        merged.setLastSeen(repeat.getLastSeen().isAfter(held.getLastSeen()) ? repeat.getLastSeen() : held.getLastSeen());
        merged.setFirstSeen(repeat.getFirstSeen().isBefore(held.getFirstSeen()) ? repeat.getFirstSeen() : held.getFirstSeen());
        merged.setTriggeringEventIds(ids);
        return merged;
    }

    private static IdentityAlert asUpdate(IdentityAlert held) {
        IdentityAlert update = IdentityAlert.newBuilder(held).build();
        update.setActivity(AlertActivity.UPDATE);
        update.setEventTime(held.getLastSeen());
        update.setSummary(held.getSummary() + " (seen " + held.getCount() + " times)");
        return update;
    }
}
