package io.fleetguard.replay;

import io.fleetguard.feed.JsonLines;
import io.fleetguard.schema.IdentityAlert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Offline replay judges each event by the registry of its time, whatever the order of the file. */
class OfflineReplayRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldApplyRegistryVersionsAndTombstonesByEventTimeNotByPositionInTheFile() throws Exception {
        // Given a registry file newest first: cam-1's credential revoked at +1 h, cam-2 deregistered at +2 h
        ReplayFile registry = write("registry.jsonl", ReplayInput.REGISTRY,
                "{\"deviceId\":\"cam-2\",\"deleted\":true,\"updatedAt\":\"" + T0.plus(hours(2)) + "\"}",
                JsonLines.encode(aDevice("cam-1").updatedAt(T0.plus(hours(1)))
                        .withCredential(aCredential("fp-1").issuedAt(T0.minus(hours(24))).revoked()).build()),
                JsonLines.encode(aDevice("cam-1").updatedAt(T0)
                        .withCredential(aCredential("fp-1").issuedAt(T0.minus(hours(24)))).build()),
                JsonLines.encode(aDevice("cam-2").updatedAt(T0)
                        .withCredential(aCredential("fp-2").issuedAt(T0.minus(hours(24)))).build()));
        ReplayFile auth = write("auth.jsonl", ReplayInput.AUTH,
                auth("a2", "cam-1", "fp-1", T0.plus(Duration.ofMinutes(90))),
                auth("a1", "cam-1", "fp-1", T0.plus(Duration.ofMinutes(30))),
                auth("a3", "cam-2", "fp-2", T0.plus(Duration.ofMinutes(150))),
                auth("a4", "cam-2", "fp-2", T0.plus(Duration.ofMinutes(60))),
                auth("a5", "", "fp-2", T0.plus(Duration.ofMinutes(61))));

        // When it is replayed to stdout
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path rejects = dir.resolve("rejects.jsonl");
        OfflineReport report = new OfflineReplay(new OfflineReplay.Options(List.of(auth, registry), null, rejects, Map.of(),
                Clock.systemUTC(), 1), new PrintStream(console, true, StandardCharsets.UTF_8), stdout).run();

        // Then only the use after the revocation and the use after the deregistration alert, in time order
        List<IdentityAlert> alerts = decode(stdout.toString(StandardCharsets.UTF_8));
        assertThat(alerts).extracting(a -> a.getType() + " " + a.getDeviceId() + " " + a.getTriggeringEventIds())
                .containsExactly("REVOKED_CREDENTIAL_IN_USE cam-1 [a2]", "UNKNOWN_DEVICE cam-2 [a3]");
        // And the record without a device id was dead-lettered by the topology and listed with its line
        assertThat(report.deadLetters()).isEqualTo(1);
        assertThat(Files.readAllLines(rejects)).singleElement().asString()
                .contains("auth.jsonl\",\"line\":5,\"reason\":\"dead-letter missing-device-id: deviceId is empty\"");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("auth.jsonl:5: dead-letter missing-device-id",
                "Offline replay done: 9 records", "events/s");
    }

    @Test
    void shouldJudgeASessionExportedOnceAtItsEndByEveryRuleOnce() throws Exception {
        // Given a session recorder's export: s1 on cam-1 arrives once, already ended, with no ticket and
        // by a vendor cam-1 does not approve; s2 by an approved vendor with a ticket arrives the same way;
        // and a start record of s1 that the recorder sends again later
        ReplayFile registry = write("registry.jsonl", ReplayInput.REGISTRY,
                JsonLines.encode(aDevice("cam-1").updatedAt(T0.minus(hours(24))).withApprovedSupportVendors("acme-support")
                        .withCredential(aCredential("fp-1").issuedAt(T0.minus(hours(24)))).build()));
        ReplayFile support = write("support.jsonl", ReplayInput.SUPPORT,
                JsonLines.encode(aSupportSession("s1", "cam-1", T0).withVendor("shady-remote").endedAt(T0.plus(hours(1))).build()),
                JsonLines.encode(aSupportSession("s2", "cam-1", T0.plus(hours(2))).withTicket("CHG-7")
                        .endedAt(T0.plus(hours(3))).build()),
                JsonLines.encode(aSupportSession("s1", "cam-1", T0).withVendor("shady-remote").build()));

        // When it is replayed
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        new OfflineReplay(new OfflineReplay.Options(List.of(support, registry), null, dir.resolve("rejects.jsonl"), Map.of(),
                Clock.systemUTC(), 1), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), stdout).run();

        // Then s1's start rules fire on its one record, once each; s2 raises nothing
        assertThat(decode(stdout.toString(StandardCharsets.UTF_8)))
                .extracting(a -> a.getType() + " " + a.getSeverity() + " " + a.getActivity() + " " + a.getSubject())
                .containsExactlyInAnyOrder("UNAPPROVED_REMOTE_SUPPORT HIGH NEW session:s1:no-ticket",
                        "UNAPPROVED_REMOTE_SUPPORT HIGH NEW session:s1:unapproved-vendor");
    }

    private static Duration hours(int n) {
        return Duration.ofHours(n);
    }

    private static String auth(String id, String device, String fingerprint, Instant at) {
        return JsonLines.encode(anAuthEvent(id, device, at).success().withFingerprint(fingerprint).build());
    }

    private ReplayFile write(String name, ReplayInput input, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines), StandardCharsets.UTF_8);
        return new ReplayFile(input, p);
    }

    private static List<IdentityAlert> decode(String text) {
        JsonLinesDecoder<IdentityAlert> decoder = JsonLinesDecoder.of(IdentityAlert.class);
        return text.lines().map(l -> {
            try {
                return decoder.decode(l);
            } catch (MalformedRecordException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
