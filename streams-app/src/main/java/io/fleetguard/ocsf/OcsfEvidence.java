package io.fleetguard.ocsf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns an alert's evidence map into one OCSF {@code evidences} entry and the observables it yields.
 * The facts go to {@code data}; a source IP literal also to {@code src_endpoint.ip}, a principal to
 * {@code user.name}. Evidence never holds a secret by contract (only fingerprints), but this is the
 * last stop before a SIEM, so any entry whose key or value looks like a secret is dropped anyway.
 */
final class OcsfEvidence {

    static final String SOURCE_IP_KEY = "sourceIp";
    static final String PRINCIPAL_KEY = "principal";
    static final String FINGERPRINT_KEY = "credentialFingerprint";

    // Found in the key lower-cased with separators removed ("api_key" -> "apikey"), or the whole of it.
    private static final Pattern SECRET_KEY_PART = Pattern.compile(
            "password|passwd|passphrase|pwd|secret|token|apikey|privatekey|presharedkey|bearer|cookie");
    private static final Pattern SECRET_KEY_WHOLE = Pattern.compile("psk|credentials?");
    private static final Pattern KEY_SEPARATORS = Pattern.compile("[^a-z0-9]");
    // Found anywhere in a value: a PEM private key or a "password=..."-style assignment. (Searched
    // for, not matched with a leading ".*", which backtracked over every long value.)
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)-----BEGIN [A-Z ]*PRIVATE KEY|\\b(password|passwd|secret|token|apikey|api_key)\\s*[=:]\\s*\\S");
    // OCSF file_hash_t: hex digits only.
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");

    /** Observable type ids from the OCSF dictionary's types (ip_t 2, username_t 4, file_hash_t 8). */
    static final int OBSERVABLE_IP_ADDRESS = 2;
    static final int OBSERVABLE_USER_NAME = 4;
    static final int OBSERVABLE_HASH = 8;

    private final Map<String, String> kept;

    private OcsfEvidence(Map<String, String> kept) {
        this.kept = kept;
    }

    /** Keeps the non-secret entries, capped, in key order so the same alert gives the same record. */
    static OcsfEvidence of(Map<String, String> evidence, TextCap cap) {
        Map<String, String> kept = new TreeMap<>();
        if (evidence != null) {
            new TreeMap<>(evidence).forEach((key, value) -> {
                if (key != null && value != null && !looksSecret(key, value)) {
                    if (kept.size() < TextCap.MAX_ITEMS) {
                        kept.put(cap.text(key), cap.text(value));
                    } else {
                        cap.markTruncated();
                    }
                }
            });
        }
        return new OcsfEvidence(kept);
    }

    static boolean looksSecret(String key, String value) {
        String normalized = KEY_SEPARATORS.matcher(key.toLowerCase(Locale.ROOT)).replaceAll("");
        return SECRET_KEY_PART.matcher(normalized).find() || SECRET_KEY_WHOLE.matcher(normalized).matches()
                || SECRET_VALUE.matcher(value).find();
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** @return the one {@code evidences} entry (call only when not {@link #isEmpty()}) */
    ObjectNode toEvidence(JsonNodeFactory json) {
        ObjectNode entry = json.objectNode();
        ObjectNode data = entry.putObject("data");
        kept.forEach(data::put);
        String ip = kept.get(SOURCE_IP_KEY);
        if (IpText.isLiteral(ip)) {
            entry.putObject("src_endpoint").put("ip", ip);
        }
        String principal = kept.get(PRINCIPAL_KEY);
        if (principal != null && !principal.isEmpty()) {
            entry.putObject("user").put("name", principal);
        }
        return entry;
    }

    /** Adds the observables found in the evidence; names point at where {@link #toEvidence} put them. */
    void addObservables(ArrayNode observables, JsonNodeFactory json) {
        String ip = kept.get(SOURCE_IP_KEY);
        if (IpText.isLiteral(ip)) {
            observables.add(observable("evidences[0].src_endpoint.ip", "IP Address", OBSERVABLE_IP_ADDRESS, ip, json));
        }
        kept.forEach((key, value) -> {
            if (!key.equals(SOURCE_IP_KEY) && key.toLowerCase(Locale.ROOT).endsWith("ip") && IpText.isLiteral(value)) {
                observables.add(observable("evidences[0].data." + key, "IP Address", OBSERVABLE_IP_ADDRESS, value, json));
            }
        });
        String principal = kept.get(PRINCIPAL_KEY);
        if (principal != null && !principal.isEmpty()) {
            observables.add(observable("evidences[0].user.name", "User Name", OBSERVABLE_USER_NAME, principal, json));
        }
        String fingerprint = kept.get(FINGERPRINT_KEY);
        if (fingerprint != null && HEX.matcher(fingerprint).matches()) {
            observables.add(observable("evidences[0].data." + FINGERPRINT_KEY, "Hash", OBSERVABLE_HASH, fingerprint, json));
        }
    }

    static ObjectNode observable(String name, String type, int typeId, String value, JsonNodeFactory json) {
        ObjectNode node = json.objectNode().put("name", name);
        if (type != null) {
            node.put("type", type);
        }
        return node.put("type_id", typeId).put("value", value);
    }
}
