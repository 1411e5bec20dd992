package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * AUTH_FAILURE_BURST: {@code threshold} or more failed authentications within {@code window} of
 * event time, counted per device (MEDIUM: someone guessing one device's secret) or per source
 * address across at least two devices (HIGH: password spraying). One alert per window per key.
 */
public final class FailureBurstRule {

    private final int threshold;
    private final Duration window;
    private final boolean perSource;

    private FailureBurstRule(int threshold, Duration window, boolean perSource) {
        this.threshold = threshold;
        this.window = window;
        this.perSource = perSource;
    }

    public static FailureBurstRule perDevice(int threshold, Duration window) {
        return new FailureBurstRule(threshold, window, false);
    }

    public static FailureBurstRule perSource(int threshold, Duration window) {
        return new FailureBurstRule(threshold, window, true);
    }

    /**
     * The fullest window of length {@code window} that contains {@code at}. Events can arrive out of
     * order (across partitions, or late within grace), so the burst may lie before, after or around
     * the event just added; counting only [at - window, at] would lose a burst completed by a late one.
     */
    private List<RecentEvents.Entry> densestWindowAround(RecentEvents state, long at) {
        List<RecentEvents.Entry> best = List.of();
        for (RecentEvents.Entry start : state.between(at - window.toMillis(), at)) {
            List<RecentEvents.Entry> candidate = state.between(start.at(), start.at() + window.toMillis());
            if (candidate.size() > best.size()) {
                best = candidate;
            }
        }
        return best;
    }

    /** @param failure a failed authentication; its device is remembered per source */
    public Step onFailure(RecentEvents state, Activity failure) {
        long at = failure.timestamp();
        RecentEvents next = state.with(at, failure.deviceId(), threshold * 4);
        List<RecentEvents.Entry> inWindow = densestWindowAround(next, at);
        long devices = inWindow.stream().map(RecentEvents.Entry::label).distinct().count();
        boolean burst = inWindow.size() >= threshold && (!perSource || devices >= 2);
        boolean quiet = state.mark() == RecentEvents.NEVER || Math.abs(at - state.mark()) >= window.toMillis();
        if (!burst || !quiet) {
            return new Step(next, List.of());
        }
        String subject = perSource ? "source:" + failure.sourceIp() : "device:" + failure.deviceId();
        String summary = perSource
                ? inWindow.size() + " failed authentications from " + failure.sourceIp() + " against " + devices
                        + " devices within " + window.toMinutes() + " min (password spraying?)"
                : inWindow.size() + " failed authentications as " + failure.deviceId() + " within "
                        + window.toMinutes() + " min";
        Finding f = new Finding(AlertType.AUTH_FAILURE_BURST, perSource ? Severity.HIGH : Severity.MEDIUM, subject, summary,
                Evidence.of(failure)
                        .put("failures", Integer.toString(inWindow.size()))
                        .put("windowMinutes", Long.toString(window.toMinutes()))
                        .put("firstFailure", Instant.ofEpochMilli(inWindow.get(0).at()).toString())
                        .put("lastFailure", Instant.ofEpochMilli(inWindow.get(inWindow.size() - 1).at()).toString())
                        .put("sourceIp", failure.sourceIp())
                        .put("devices", perSource ? String.join(",", inWindow.stream().map(RecentEvents.Entry::label).distinct().limit(10).toList()) : null)
                        .toMap());
        return new Step(next.marked(at), List.of(f));
    }
}
