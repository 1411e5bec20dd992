package io.fleetguard.replay;

import io.fleetguard.detect.Activity;
import io.fleetguard.feed.JsonLines;
import io.fleetguard.feed.JsonLinesEventSink;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.TelemetryRecord;
import io.fleetguard.sim.ActivityGenerator;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.sim.SimulationOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Simulated histories as JSON Lines files, and offline replays of them, for replay tests. */
public final class SimulatedHistory {

    /** Seed 11, 80 devices, 5 % incidents of every supported type. */
    public static final SimulationOptions OPTIONS = SimulationOptions.builder().seed(11).devices(80)
            .incidentRate(0.05).build();

    private SimulatedHistory() {
    }

    public static List<SimEvent> events(SimulationOptions options, int count) {
        return ActivityGenerator.stream(options).limit(count).toList();
    }

    /** Writes the events as {@code feed.JsonLinesEventSink} does: one file per input, in event order. */
    /** From the first non-registry event to the last event: the range a replay of {@code events} covers. */
    public record Range(Instant from, Instant to) {
    }

    public static Range range(List<SimEvent> events) {
        Instant from = events.stream().filter(e -> e.stream() != SimEvent.Stream.REGISTRY)
                .map(e -> Instant.ofEpochMilli(e.timestamp())).min(Instant::compareTo).orElseThrow();
        return new Range(from, Instant.ofEpochMilli(events.get(events.size() - 1).timestamp()));
    }

    public static List<ReplayFile> write(Path dir, List<SimEvent> events) {
        try (JsonLinesEventSink sink = new JsonLinesEventSink(dir)) {
            events.forEach(sink::send);
        }
        return files(dir);
    }

    /** The input files present in an export directory, by their standard names. */
    public static List<ReplayFile> files(Path dir) {
        List<ReplayFile> files = new ArrayList<>();
        for (ReplayInput input : ReplayInput.values()) {
            Path p = dir.resolve(input.fileName());
            if (Files.exists(p)) {
                files.add(new ReplayFile(input, p));
            }
        }
        return files;
    }

    /** Triggering event id of each injected incident, with the alert types it must raise. */
    public static Map<String, java.util.Set<AlertType>> incidents(List<SimEvent> events) {
        Map<String, java.util.Set<AlertType>> out = new HashMap<>();
        for (SimEvent e : events) {
            if (e.isIncident()) {
                out.put(eventId(e), e.raises());
            }
        }
        return out;
    }

    private static String eventId(SimEvent e) {
        Object v = e.value();
        if (v instanceof AuthEvent a) {
            return Activity.of(a).eventId();
        } else if (v instanceof TelemetryRecord t) {
            return Activity.of(t).eventId();
        } else if (v instanceof ConfigChange c) {
            return Activity.of(c).eventId();
        } else if (v instanceof RemoteSupportSession s) {
            return Activity.of(s).eventId();
        }
        return e.key();
    }

    /** Replays offline with two engines into {@code out} (rejects beside it); console output is kept quiet. */
    public static OfflineReport replay(List<ReplayFile> files, Path out, Map<String, String> settings) {
        return replay(files, out, settings, OfflineReplay.Options.defaultEngines());
    }

    public static OfflineReport replay(List<ReplayFile> files, Path out, Map<String, String> settings, int engines) {
        return replay(files, out, settings, engines, AlertFormat.IDENTITY_ALERT);
    }

    public static OfflineReport replay(List<ReplayFile> files, Path out, Map<String, String> settings, int engines,
                                       AlertFormat format) {
        try {
            return new OfflineReplay(new OfflineReplay.Options(files, List.of(), out, rejectsOf(out), settings, Clock.systemUTC(),
                    engines, format), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.out).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static Path rejectsOf(Path out) {
        return out.resolveSibling(out.getFileName() + ".rejects.jsonl");
    }

    /** Alerts of a JSON Lines alert file, in file order. */
    public static List<IdentityAlert> readAlerts(Path file) {
        JsonLinesDecoder<IdentityAlert> decoder = JsonLinesDecoder.of(IdentityAlert.class);
        try {
            List<IdentityAlert> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                out.add(decoder.decode(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedRecordException e) {
            throw new IllegalStateException("alert file " + file + " is not in the alert contract: " + e.getMessage(), e);
        }
    }

    /** Alerts in a canonical order (by id), as JSON Lines: equal lists mean equal ids and equal records. */
    public static List<String> canonical(List<IdentityAlert> alerts) {
        return alerts.stream().map(JsonLines::encode).sorted().toList(); // each line starts with its alertId
    }

    /**
     * {@link #canonical} with the credential-owner enrichment set aside (evidence
     * {@code credentialOwner} and the summary's sentence naming it). The owner of a foreign credential
     * is looked up in a table fed by another partition's registry records, so a run that catches up a
     * backlog can look before that partition's task has written them (README, Reliability): live may
     * then omit the owner that offline replay names, never name another one ({@link #credentialOwners}).
     */
    public static List<String> canonicalOwnerAside(List<IdentityAlert> alerts) {
        return canonical(alerts.stream().map(a -> {
            if (!a.getEvidence().containsKey(OWNER)) {
                return a;
            }
            IdentityAlert copy = IdentityAlert.newBuilder(a).build();
            Map<String, String> evidence = new HashMap<>(a.getEvidence());
            String owner = evidence.remove(OWNER);
            copy.setEvidence(evidence);
            copy.setSummary(a.getSummary().replace("; that credential is registered to " + owner, ""));
            return copy;
        }).toList());
    }

    /** The credential owner each alert names, by alert id and activity. */
    public static Map<String, String> credentialOwners(List<IdentityAlert> alerts) {
        Map<String, String> owners = new HashMap<>();
        alerts.stream().filter(a -> a.getEvidence().containsKey(OWNER))
                .forEach(a -> owners.put(a.getAlertId() + " " + a.getActivity(), a.getEvidence().get(OWNER)));
        return owners;
    }

    private static final String OWNER = "credentialOwner";
}
