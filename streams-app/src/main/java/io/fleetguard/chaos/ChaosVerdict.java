package io.fleetguard.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetguard.replay.JsonLinesDecoder;
import io.fleetguard.replay.MalformedRecordException;
import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads what the live run committed (alerts, OCSF findings, dead letters, all {@code read_committed})
 * and judges it: against the offline replay's alerts, the poison pills sent, and the planted secrets.
 */
final class ChaosVerdict {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REASON = "fleetguard.dlq.reason";

    private final Map<String, Object> client;
    private final FleetGuardTopics topics;
    private final SecretScan secrets;
    private List<IdentityAlert> live = List.of();
    private long ocsfMismatches;
    private final Set<String> poisonFound = new HashSet<>();
    private final Map<String, Long> poisonReasons = new TreeMap<>();

    ChaosVerdict(Map<String, Object> client, FleetGuardTopics topics, SecretScan secrets) {
        this.client = client;
        this.topics = topics;
        this.secrets = secrets;
    }

    void readAlerts() {
        Deserializer<IdentityAlert> values = topics.alerts().valueSerde().deserializer();
        List<IdentityAlert> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicDump.readAll(client, topics.alerts().name())) {
            secrets.scan("alert topic", latin1(r.value()) + latin1(r.key()));
            out.add(values.deserialize(r.topic(), r.value()));
        }
        live = List.copyOf(out);
    }

    void readOcsf() throws IOException {
        Map<String, Long> diff = new HashMap<>();
        for (IdentityAlert a : live) {
            diff.merge(a.getAlertId() + "/" + (a.getActivity() == AlertActivity.UPDATE ? 2 : 1), 1L, Long::sum);
        }
        for (ConsumerRecord<byte[], byte[]> r : TopicDump.readAll(client, topics.alertsOcsf())) {
            String text = new String(r.value(), StandardCharsets.UTF_8);
            secrets.scan("OCSF topic", text);
            JsonNode finding = JSON.readTree(text);
            diff.merge(finding.path("finding_info").path("uid").asText() + "/" + finding.path("activity_id").asInt(), -1L, Long::sum);
        }
        ocsfMismatches = diff.values().stream().mapToLong(Math::abs).sum();
    }

    /** Dead letters: their headers are scanned for secrets, and the poison pills among them counted by reason. */
    void readDeadLetters() {
        for (ConsumerRecord<byte[], byte[]> r : TopicDump.readAll(client, topics.deadLetter())) {
            String poison = null;
            String reason = "none";
            for (Header h : r.headers()) {
                String v = h.value() == null ? "" : latin1(h.value());
                secrets.scan("dead-letter headers", h.key() + "=" + v);
                if (h.key().equals(PoisonPills.HEADER)) {
                    poison = v;
                } else if (h.key().equals(REASON)) {
                    reason = v;
                }
            }
            if (poison != null && poisonFound.add(poison)) {
                poisonReasons.merge(reason, 1L, Long::sum);
            }
        }
    }

    /** Scans a log or other text file; a missing file scans as empty. */
    void scanFile(String place, Path file) throws IOException {
        if (Files.exists(file)) {
            secrets.scan(place, Files.readString(file, StandardCharsets.ISO_8859_1));
        }
    }

    static List<IdentityAlert> readAlertFile(Path file) throws IOException {
        JsonLinesDecoder<IdentityAlert> decoder = JsonLinesDecoder.of(IdentityAlert.class);
        List<IdentityAlert> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                out.add(decoder.decode(line));
            } catch (MalformedRecordException e) {
                throw new IllegalStateException("offline alert file " + file + " has a bad line: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String latin1(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    List<IdentityAlert> live() {
        return live;
    }

    long ocsfMismatches() {
        return ocsfMismatches;
    }

    long secretsLeaked() {
        return secrets.leaked();
    }

    long poisonDeadLettered() {
        return poisonFound.size();
    }

    Map<String, Long> poisonReasons() {
        return Map.copyOf(poisonReasons);
    }

    Set<String> poisonFound() {
        return Set.copyOf(poisonFound);
    }
}
