package io.fleetguard.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static io.fleetguard.ocsf.AlertBuilder.T;
import static io.fleetguard.ocsf.AlertBuilder.anAlert;
import static org.assertj.core.api.Assertions.assertThat;

class OcsfDetectionFindingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldWriteTheRepresentativeAlertExactlyAsTheGoldenRecord() throws IOException {
        // Given
        IdentityAlert alert = anAlert(AlertType.IMPERSONATED_TELEMETRY).build();

        // When
        String json = OcsfDetectionFinding.toJson(alert, "0.1.0");

        // Then: same tree, and byte for byte the golden record in compact form (attribute order included)
        try (InputStream golden = getClass().getResourceAsStream("/ocsf/impersonated-telemetry-create.json")) {
            JsonNode expected = MAPPER.readTree(golden);
            assertThat(MAPPER.readTree(json)).isEqualTo(expected);
            assertThat(json).isEqualTo(MAPPER.writeValueAsString(expected));
        }
    }

    @Test
    void shouldMapTheRepresentativeAlertFieldByField() throws IOException {
        // Given
        IdentityAlert alert = anAlert(AlertType.IMPERSONATED_TELEMETRY).build();

        // When
        JsonNode f = MAPPER.readTree(OcsfDetectionFinding.toJson(alert, "0.1.0"));

        // Then
        assertThat(f.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(f.get("category_uid").asInt()).isEqualTo(2);
        assertThat(f.get("time").asLong()).isEqualTo(T.toEpochMilli());
        assertThat(f.get("message").asText()).isEqualTo(alert.getSummary());
        assertThat(f.at("/metadata/version").asText()).isEqualTo("1.9.0");
        assertThat(f.at("/metadata/product/name").asText()).isEqualTo("FleetGuard");
        assertThat(f.at("/metadata/product/vendor_name").asText()).isEqualTo("FleetGuard");
        assertThat(f.at("/metadata/product/version").asText()).isEqualTo("0.1.0");
        assertThat(f.at("/finding_info/uid").asText()).isEqualTo("a1b2c3d4");
        assertThat(f.at("/finding_info/title").asText()).isEqualTo("Impersonated telemetry");
        assertThat(f.at("/finding_info/types/0").asText()).isEqualTo("impersonation");
        assertThat(f.at("/finding_info/analytic/uid").asText()).isEqualTo("IMPERSONATED_TELEMETRY");
        assertThat(f.at("/finding_info/analytic/type_id").asInt()).isEqualTo(1);
        assertThat(f.at("/finding_info/related_events/0/uid").asText()).isEqualTo("t-42");
        assertThat(f.at("/device/type_id").asInt()).isEqualTo(7);
        assertThat(f.at("/device/uid").asText()).isEqualTo("cam-7");
        assertThat(f.at("/device/owner/name").asText()).isEqualTo("ops-team");
        assertThat(f.at("/remediation/desc").asText()).isEqualTo(alert.getRecommendedAction());
        assertThat(f.at("/unmapped/owasp_nhi")).hasSize(2);
        assertThat(observableTypes(f)).containsExactly("device.uid=47", "evidences[0].src_endpoint.ip=2",
                "evidences[0].user.name=4", "evidences[0].data.credentialFingerprint=8");
    }

    @Test
    void shouldWriteANewAlertAsCreateAndItsRepeatAsUpdateOfTheSameFinding() throws IOException {
        // Given
        IdentityAlert created = anAlert(AlertType.EXPIRED_CREDENTIAL).build();
        IdentityAlert updated = anAlert(AlertType.EXPIRED_CREDENTIAL).update().build();

        // When
        JsonNode create = MAPPER.readTree(OcsfDetectionFinding.toJson(created, "0.1.0"));
        JsonNode update = MAPPER.readTree(OcsfDetectionFinding.toJson(updated, "0.1.0"));

        // Then
        assertThat(create.get("activity_id").asInt()).isEqualTo(1);
        assertThat(create.get("activity_name").asText()).isEqualTo("Create");
        assertThat(create.get("type_uid").asLong()).isEqualTo(200401L);
        assertThat(create.get("status_id").asInt()).isEqualTo(1);
        assertThat(update.get("activity_id").asInt()).isEqualTo(2);
        assertThat(update.get("activity_name").asText()).isEqualTo("Update");
        assertThat(update.get("type_uid").asLong()).isEqualTo(200402L);
        assertThat(update.has("status_id")).as("an update leaves the SOC's status alone").isFalse();
        assertThat(update.at("/finding_info/uid")).isEqualTo(create.at("/finding_info/uid"));
        assertThat(update.get("count").asLong()).isEqualTo(3L);
        assertThat(update.at("/finding_info/modified_time").asLong()).isEqualTo(T.plusSeconds(600).toEpochMilli());
        assertThat(update.at("/finding_info/first_seen_time").asLong()).isEqualTo(T.toEpochMilli());
    }

    @ParameterizedTest
    @CsvSource({"LOW, 2, Low", "MEDIUM, 3, Medium", "HIGH, 4, High", "CRITICAL, 5, Critical"})
    void shouldMapSeverityToOcsfSeverityId(Severity severity, int severityId, String caption) throws IOException {
        // Given
        IdentityAlert alert = anAlert(AlertType.UNKNOWN_DEVICE).withSeverity(severity).build();

        // When
        JsonNode f = MAPPER.readTree(OcsfDetectionFinding.toJson(alert, "0.1.0"));

        // Then
        assertThat(f.get("severity_id").asInt()).isEqualTo(severityId);
        assertThat(f.get("severity").asText()).isEqualTo(caption);
    }

    @Test
    void shouldWriteAnUnknownTechniqueByUidAlone() throws IOException {
        // Given
        IdentityAlert alert = anAlert(AlertType.UNKNOWN_DEVICE).withAttackTechniques(List.of("T9999.001")).build();

        // When
        JsonNode attacks = MAPPER.readTree(OcsfDetectionFinding.toJson(alert, null)).at("/finding_info/attacks");

        // Then
        assertThat(attacks).hasSize(1);
        assertThat(attacks.get(0).toString()).isEqualTo("{\"technique\":{\"uid\":\"T9999\"},\"sub_technique\":{\"uid\":\"T9999.001\"}}");
    }

    private static List<String> observableTypes(JsonNode finding) {
        List<String> types = new ArrayList<>();
        finding.get("observables").forEach(o -> types.add(o.get("name").asText() + "=" + o.get("type_id").asInt()));
        return types;
    }
}
