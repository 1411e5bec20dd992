package io.fleetguard.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.fleetguard.ocsf.AlertBuilder.anAlert;
import static org.assertj.core.api.Assertions.assertThat;

/** Attacker-influenced text cannot change the record's structure, split its line, bloat it or leak a secret. */
class OcsfOutputSafetyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "cam\"}, \"x\": \"injected",
            "line one\nline two\r\nthree",
            "separators \u2028 and \u2029 and NEL \u0085",
            "back\\slash \\\" quote \t tab \u0000 nul \u001b esc \u007f del",
            "emoji \uD83D\uDE00 and ümlaut and </script>"})
    void shouldKeepHostileTextVerbatimInsideOneLineWithoutChangingTheStructure(String hostile) throws IOException {
        // Given
        IdentityAlert alert = anAlert(AlertType.UNKNOWN_DEVICE).withSummary(hostile).withDeviceId(hostile)
                .withEvidence(Map.of(hostile, hostile, "sourceIp", "10.0.0.10")).build();

        // When
        String json = OcsfDetectionFinding.toJson(alert, hostile);

        // Then
        assertThat(json).doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085", "\u0000");
        JsonNode f = MAPPER.readTree(json);
        assertThat(f.has("x")).isFalse();
        assertThat(f.get("message").asText()).isEqualTo(hostile);
        assertThat(f.at("/device/uid").asText()).isEqualTo(hostile);
        assertThat(f.at("/metadata/product/version").asText()).isEqualTo(hostile);
        assertThat(f.at("/evidences/0/data").get(hostile).asText()).isEqualTo(hostile);
        assertThat(OcsfRequiredFields.check(f)).isEmpty();
    }

    @Test
    void shouldCapAnOversizedSummaryWithAMarkerAndSayTheRecordWasTruncated() throws IOException {
        // Given
        String huge = "A".repeat(100_000);
        IdentityAlert alert = anAlert(AlertType.UNKNOWN_DEVICE).withSummary(huge).build();

        // When
        String json = OcsfDetectionFinding.toJson(alert, "0.1.0");

        // Then
        JsonNode f = MAPPER.readTree(json);
        assertThat(f.get("message").asText()).isEqualTo("A".repeat(2048) + "…[truncated 97952 chars]");
        assertThat(f.at("/metadata/is_truncated").asBoolean()).isTrue();
        assertThat(json.length()).isLessThan(20_000);
    }

    @Test
    void shouldKeepTextAtTheCapWhole() throws IOException {
        // Given: exactly the cap, ending in a surrogate pair that must not be split
        String atCap = "B".repeat(2046) + "\uD83D\uDE00";
        IdentityAlert alert = anAlert(AlertType.UNKNOWN_DEVICE).withSummary(atCap).build();

        // When
        JsonNode f = MAPPER.readTree(OcsfDetectionFinding.toJson(alert, "0.1.0"));

        // Then
        assertThat(f.get("message").asText()).isEqualTo(atCap);
        assertThat(f.at("/metadata").has("is_truncated")).isFalse();
    }

    @Test
    void shouldNotSplitASurrogatePairAtTheCutAndShouldReplaceALoneSurrogate() {
        // Given
        TextCap cap = new TextCap();

        // When
        String cut = cap.text("C".repeat(2047) + "\uD83D\uDE00" + "tail");
        String lone = cap.text("x\uD83Dy");

        // Then
        assertThat(cut).isEqualTo("C".repeat(2047) + "…[truncated 6 chars]");
        assertThat(lone).isEqualTo("x\uFFFDy");
    }

    @Test
    void shouldCapHowManyEvidenceEntriesAndEventIdsARecordCarries() throws IOException {
        // Given
        Map<String, String> evidence = new HashMap<>();
        IntStream.range(0, 1000).forEach(i -> evidence.put("k" + i, "v" + i));
        List<String> eventIds = IntStream.range(0, 1000).mapToObj(i -> "e" + i).toList();
        IdentityAlert alert = anAlert(AlertType.UNKNOWN_DEVICE).withEvidence(evidence).withTriggeringEventIds(eventIds).build();

        // When
        JsonNode f = MAPPER.readTree(OcsfDetectionFinding.toJson(alert, "0.1.0"));

        // Then
        assertThat(f.at("/evidences/0/data")).hasSize(64);
        assertThat(f.at("/finding_info/related_events")).hasSize(64);
        assertThat(f.at("/finding_info/related_events_count").asInt()).isEqualTo(1000);
        assertThat(f.at("/metadata/is_truncated").asBoolean()).isTrue();
    }

    @Test
    void shouldDropEveryEvidenceEntryThatLooksSecret() throws IOException {
        // Given
        Map<String, String> evidence = Map.of(
                "password", "hunter2-a", "clientSecret", "hunter2-b", "api_key", "hunter2-c", "accessToken", "hunter2-d",
                "PrivateKey", "hunter2-e", "psk", "hunter2-f", "note", "password=hunter2-g",
                "blob", "-----BEGIN RSA PRIVATE KEY-----hunter2-h",
                "credentialFingerprint", "9f86d081884c7d65", "credentialType", "API_TOKEN");
        IdentityAlert alert = anAlert(AlertType.UNKNOWN_DEVICE).withEvidence(evidence).build();

        // When
        String json = OcsfDetectionFinding.toJson(alert, "0.1.0");

        // Then
        assertThat(json).doesNotContain("hunter2");
        assertThat(MAPPER.readTree(json).at("/evidences/0/data").properties()).extracting(Map.Entry::getKey)
                .containsExactly("credentialFingerprint", "credentialType");
    }

    @Test
    void shouldPutOnlyAddressLiteralsWhereOcsfExpectsAnIp() throws IOException {
        // Given
        IdentityAlert named = anAlert(AlertType.UNKNOWN_DEVICE).withEvidence(Map.of("sourceIp", "evil.example.com")).build();
        IdentityAlert v6 = anAlert(AlertType.UNKNOWN_DEVICE).withEvidence(Map.of("sourceIp", "2001:db8::7")).build();

        // When
        JsonNode fromName = MAPPER.readTree(OcsfDetectionFinding.toJson(named, null));
        JsonNode fromV6 = MAPPER.readTree(OcsfDetectionFinding.toJson(v6, null));

        // Then
        assertThat(fromName.at("/evidences/0").has("src_endpoint")).isFalse();
        assertThat(fromName.at("/evidences/0/data/sourceIp").asText()).isEqualTo("evil.example.com");
        assertThat(fromV6.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("2001:db8::7");
    }
}
