package io.fleetguard.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.fleetguard.ocsf.AlertBuilder.anAlert;
import static org.assertj.core.api.Assertions.assertThat;

class OcsfRequiredFieldsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldFindNoProblemInAnyTypeSeverityAndActivityCombination() {
        List<String> problems = new ArrayList<>();
        int records = 0;
        for (AlertType type : AlertType.values()) {
            for (Severity severity : Severity.values()) {
                for (boolean update : new boolean[]{false, true}) {
                    AlertBuilder alert = anAlert(type).withSeverity(severity);
                    String json = OcsfDetectionFinding.toJson((update ? alert.update() : alert).build(), "0.1.0");
                    assertThat(json).doesNotContain("\n");
                    OcsfRequiredFields.check(json).forEach(p -> problems.add(type + "/" + severity + "/" + update + ": " + p));
                    records++;
                }
            }
        }
        assertThat(records).isEqualTo(AlertType.values().length * 4 * 2);
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldFindNoProblemInASparseAlert() {
        // Given: no owner, no evidence, no triggering event, no product version
        String json = OcsfDetectionFinding.toJson(anAlert(AlertType.ORPHANED_IDENTITY).withoutOwner()
                .withEvidence(Map.of()).withTriggeringEventIds(List.of()).build(), null);

        // Then
        assertThat(OcsfRequiredFields.check(json)).isEmpty();
    }

    @Test
    void shouldReportEachMissingRequiredAttribute() throws IOException {
        // Given
        ObjectNode f = valid();
        f.remove("time");
        ((ObjectNode) f.get("finding_info")).remove("uid");
        ((ObjectNode) f.get("metadata")).remove("version");
        ((ObjectNode) f.get("device")).remove("type_id");

        // Then
        assertThat(OcsfRequiredFields.check(f)).containsExactlyInAnyOrder(
                "time: required attribute is missing",
                "finding_info.uid: required attribute is missing",
                "metadata.version: required attribute is missing",
                "device.type_id: required attribute is missing");
    }

    @Test
    void shouldReportIllTypedAndInconsistentAttributes() throws IOException {
        // Given
        ObjectNode f = valid();
        f.put("time", "2024-06-01T12:00:00Z");
        f.put("class_uid", 2001);
        f.put("type_uid", 200402);
        f.put("severity_id", 7);
        f.set("metadata", MAPPER.createArrayNode());

        // Then
        assertThat(OcsfRequiredFields.check(f)).containsExactlyInAnyOrder(
                "time: must be a long integer",
                "class_uid: must be 2004",
                "type_uid: must be class_uid * 100 + activity_id = 200401",
                "severity_id: must be one of [0, 1, 2, 3, 4, 5, 6, 99]",
                "metadata: must be an object");
    }

    @Test
    void shouldReportBrokenConstraintsOfNestedObjects() throws IOException {
        // Given
        ObjectNode f = valid();
        ((ObjectNode) f.at("/metadata/product")).removeAll();
        ((ArrayNode) f.get("evidences")).set(0, MAPPER.createObjectNode().put("name", "nothing else"));
        ((ObjectNode) f.at("/finding_info/attacks/0")).removeAll();
        ((ObjectNode) f.at("/observables/0")).remove("type_id");
        ((ObjectNode) f.get("remediation")).put("desc", "");

        // Then
        assertThat(OcsfRequiredFields.check(f)).containsExactlyInAnyOrder(
                "metadata.product: needs at least one of [name, uid]",
                "evidences[0]: needs at least one of [actor, api, connection_info, data, database, databucket, device, "
                        + "dst_endpoint, email, file, process, query, resources, src_endpoint, url, user, job, script]",
                "finding_info.attacks[0]: needs at least one of [tactic, technique, sub_technique]",
                "observables[0].type_id: required attribute is missing",
                "remediation.desc: must be a non-empty string");
    }

    @Test
    void shouldRejectSomethingThatIsNotAJsonObject() {
        assertThat(OcsfRequiredFields.check("[1, 2]")).containsExactly("(root): the event is not a JSON object");
        assertThat(OcsfRequiredFields.check("{\"class_uid\":")).singleElement().asString().startsWith("not JSON: ");
    }

    private static ObjectNode valid() throws IOException {
        JsonNode f = MAPPER.readTree(OcsfDetectionFinding.toJson(anAlert(AlertType.IMPERSONATED_TELEMETRY).build(), "0.1.0"));
        assertThat(OcsfRequiredFields.check(f)).isEmpty();
        return (ObjectNode) f;
    }
}
