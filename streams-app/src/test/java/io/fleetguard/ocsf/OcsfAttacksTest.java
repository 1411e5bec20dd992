package io.fleetguard.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetguard.alert.AlertCatalogue;
import io.fleetguard.schema.AlertType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.fleetguard.ocsf.AlertBuilder.anAlert;
import static org.assertj.core.api.Assertions.assertThat;

class OcsfAttacksTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldKnowTheNameOfEveryTechniqueTheCatalogueUses() {
        assertThat(AlertCatalogue.entries()).flatExtracting(AlertCatalogue.Entry::attackTechniques)
                .allSatisfy(id -> assertThat(AttackTechniques.byId(id)).as(id).isPresent());
    }

    @Test
    void shouldWriteTheIcsV19ReportingMessageSubTechniqueUnderItsParentWithBothTactics() throws IOException {
        // Given: IMPERSONATED_TELEMETRY maps to T1565.002, T1078, T1692.002 and T0859
        JsonNode attacks = attacksOf(AlertType.IMPERSONATED_TELEMETRY);

        // When
        List<JsonNode> reporting = new ArrayList<>();
        attacks.forEach(a -> {
            if (a.at("/sub_technique/uid").asText().equals("T1692.002")) {
                reporting.add(a);
            }
        });

        // Then
        assertThat(reporting).hasSize(2);
        assertThat(reporting).allSatisfy(a -> {
            assertThat(a.at("/technique/uid").asText()).isEqualTo("T1692");
            assertThat(a.at("/technique/name").asText()).isEqualTo("Unauthorized Message");
            assertThat(a.at("/sub_technique/name").asText()).isEqualTo("Reporting Message");
            assertThat(a.at("/sub_technique/src_url").asText())
                    .isEqualTo("https://attack.mitre.org/versions/v19/techniques/T1692/002/");
            assertThat(a.get("version").asText()).isEqualTo("v19");
        });
        assertThat(reporting).extracting(a -> a.at("/tactic/uid").asText() + " " + a.at("/tactic/name").asText())
                .containsExactly("TA0103 Evasion", "TA0106 Impair Process Control");
    }

    @Test
    void shouldWriteOneAttackPerTechniqueAndTactic() throws IOException {
        // Given: T1565.002 (1 tactic), T1078 (4), T1692.002 (2), T0859 (2)
        JsonNode attacks = attacksOf(AlertType.IMPERSONATED_TELEMETRY);

        // Then
        List<String> pairs = new ArrayList<>();
        attacks.forEach(a -> pairs.add(a.path("sub_technique").path("uid").asText(a.at("/technique/uid").asText())
                + "/" + a.at("/tactic/uid").asText()));
        assertThat(pairs).containsExactly("T1565.002/TA0040", "T1078/TA0005", "T1078/TA0003", "T1078/TA0004", "T1078/TA0001",
                "T1692.002/TA0103", "T1692.002/TA0106", "T0859/TA0110", "T0859/TA0109");
    }

    @Test
    void shouldWriteTheDefaultCredentialsIcsSubTechniqueAndATechniqueWithoutAConfirmedTactic() throws IOException {
        // Given
        JsonNode defaults = attacksOf(AlertType.DEFAULT_CREDENTIAL);
        JsonNode dataPath = attacksOf(AlertType.UNEXPECTED_DATA_PATH);

        // Then
        assertThat(defaults.findValuesAsText("uid")).contains("T1694", "T1694.001", "T1078", "T1078.001", "T1110", "T1110.001");
        List<JsonNode> bridging = new ArrayList<>();
        dataPath.forEach(a -> {
            if (a.at("/technique/uid").asText().equals("T1599")) {
                bridging.add(a);
            }
        });
        assertThat(bridging).singleElement().satisfies(a -> {
            assertThat(a.at("/technique/name").asText()).isEqualTo("Network Boundary Bridging");
            assertThat(a.has("tactic")).isFalse();
        });
    }

    @Test
    void shouldLeaveAttacksOutWhenTheAlertTypeHasNoTechnique() throws IOException {
        // Given: STALE_CREDENTIAL is posture, mapped to no technique
        JsonNode finding = MAPPER.readTree(OcsfDetectionFinding.toJson(anAlert(AlertType.STALE_CREDENTIAL).build(), null));

        // Then
        assertThat(finding.at("/finding_info").has("attacks")).isFalse();
    }

    private static JsonNode attacksOf(AlertType type) throws IOException {
        return MAPPER.readTree(OcsfDetectionFinding.toJson(anAlert(type).build(), null)).at("/finding_info/attacks");
    }
}
