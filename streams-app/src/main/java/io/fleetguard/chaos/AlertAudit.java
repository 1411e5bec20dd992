package io.fleetguard.chaos;

import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Live first alerts against the offline replay's, id for id. Rules that correlate devices after a
 * repartition (password spraying by source address, a credential shared by two devices) name the
 * device, and so the triggering event and the id, whose record arrived last, which depends on how
 * the partitions interleaved; such alerts are matched on (type, severity, subject) instead and
 * counted apart as {@code orderDependent}, never as lost or extra.
 *
 * @param expected       first alerts of the offline replay
 * @param lost           expected first alerts the live run never committed
 * @param duplicates     first alerts committed more often than offline
 * @param extra          live first alerts offline never produced
 * @param orderDependent cross-device alerts equal but for the device the arrival order named
 * @param updates        suppression updates committed live
 * @param orphanUpdates  updates without a first alert of the same id
 */
record AlertAudit(long expected, long live, long lost, long duplicates, long extra, long orderDependent,
                  long updates, long orphanUpdates, List<String> differences) {

    private static final int SAMPLES = 10;

    static AlertAudit of(List<IdentityAlert> offline, List<IdentityAlert> liveAlerts) {
        List<IdentityAlert> offlineNew = firsts(offline);
        List<IdentityAlert> liveNew = firsts(liveAlerts);
        Map<String, Long> want = counts(offlineNew, IdentityAlert::getAlertId);
        Map<String, Long> got = counts(liveNew, IdentityAlert::getAlertId);
        long duplicates = 0;
        List<IdentityAlert> missing = new ArrayList<>();
        List<IdentityAlert> surplus = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (IdentityAlert a : offlineNew) {
            if (seen.add(a.getAlertId())) {
                long w = want.get(a.getAlertId());
                long g = got.getOrDefault(a.getAlertId(), 0L);
                duplicates += Math.max(0, g - w);
                for (long i = g; i < w; i++) {
                    missing.add(a);
                }
            }
        }
        for (IdentityAlert a : liveNew) {
            if (!want.containsKey(a.getAlertId())) {
                surplus.add(a);
            }
        }
        long orderDependent = matchByFinding(missing, surplus);
        Set<String> liveIds = got.keySet();
        List<IdentityAlert> updates = liveAlerts.stream().filter(a -> a.getActivity() == AlertActivity.UPDATE).toList();
        long orphans = updates.stream().filter(u -> !liveIds.contains(u.getAlertId())).count();
        List<String> samples = new ArrayList<>();
        missing.stream().limit(SAMPLES).forEach(a -> samples.add("lost  " + describe(a)));
        surplus.stream().limit(SAMPLES).forEach(a -> samples.add("extra " + describe(a)));
        return new AlertAudit(offlineNew.size(), liveNew.size(), missing.size(), duplicates, surplus.size(),
                orderDependent, updates.size(), orphans, List.copyOf(samples));
    }

    /** Removes the pairs of order-dependent alerts that agree on type, severity and subject; returns how many. */
    private static long matchByFinding(List<IdentityAlert> missing, List<IdentityAlert> surplus) {
        long matched = 0;
        for (var it = missing.iterator(); it.hasNext(); ) {
            IdentityAlert m = it.next();
            if (!orderDependent(m)) {
                continue;
            }
            for (var s = surplus.iterator(); s.hasNext(); ) {
                if (finding(s.next()).equals(finding(m))) {
                    s.remove();
                    it.remove();
                    matched++;
                    break;
                }
            }
        }
        return matched;
    }

    static boolean orderDependent(IdentityAlert a) {
        return a.getType() == AlertType.SHARED_CREDENTIAL
                || (a.getType() == AlertType.AUTH_FAILURE_BURST && a.getSeverity() == Severity.HIGH);
    }

    private static String describe(IdentityAlert a) {
        return a.getAlertId() + " " + a.getType() + " " + a.getSeverity() + " " + a.getDeviceId() + " " + a.getSubject()
                + " at " + a.getEventTime();
    }

    private static String finding(IdentityAlert a) {
        return a.getType() + " " + a.getSeverity() + " " + a.getSubject();
    }

    private static List<IdentityAlert> firsts(List<IdentityAlert> alerts) {
        return alerts.stream().filter(a -> a.getActivity() == AlertActivity.NEW).toList();
    }

    private static <T> Map<String, Long> counts(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, HashMap::new, Collectors.counting()));
    }

    boolean clean() {
        return lost == 0 && duplicates == 0 && extra == 0 && orphanUpdates == 0;
    }
}
