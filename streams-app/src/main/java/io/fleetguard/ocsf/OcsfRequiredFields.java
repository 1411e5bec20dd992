package io.fleetguard.ocsf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Set;

/**
 * Checks a Detection Finding against the requirement levels OCSF 1.9.0 documents: the class's
 * required attributes (from base_event, finding and detection_finding), the required attributes and
 * {@code at_least_one} constraints of the nested objects FleetGuard emits, the fixed class values,
 * and the documented enum values of the ids it uses. Optional containers are checked only when
 * present. Every problem is reported, not just the first.
 */
public final class OcsfRequiredFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> ENDPOINT_IDS = List.of("ip", "uid", "name", "hostname", "instance_uid", "interface_uid", "interface_name");
    private static final List<String> NETWORK_ENDPOINT_IDS = List.of("ip", "uid", "name", "hostname", "svc_name", "instance_uid",
            "interface_uid", "interface_name", "domain");
    private static final List<String> USER_IDS = List.of("account", "name", "uid");
    private static final List<String> ENTITY_IDS = List.of("name", "uid");
    private static final List<String> EVIDENCE_ARTIFACTS = List.of("actor", "api", "connection_info", "data", "database",
            "databucket", "device", "dst_endpoint", "email", "file", "process", "query", "resources", "src_endpoint", "url",
            "user", "job", "script");

    private OcsfRequiredFields() {
    }

    /** @return the problems of a JSON text, or one problem if it is not a JSON object */
    public static List<String> check(String json) {
        try {
            return check(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }

    /** @return one line per missing or ill-typed required attribute or broken constraint; empty when valid */
    public static List<String> check(JsonNode event) {
        Problems p = new Problems();
        if (event == null || !event.isObject()) {
            p.add("(root)", "the event is not a JSON object");
            return p.list();
        }
        classAttributes(event, p);
        metadata(event.get("metadata"), p);
        findingInfo(event.get("finding_info"), p);
        device(event.get("device"), p);
        p.eachObject(event, "observables", (o, path) -> p.integer(o, path, "type_id"));
        p.eachObject(event, "evidences", (evidence, path) -> evidence(evidence, path, p));
        if (p.optionalObject(event, "", "remediation")) {
            p.string(event.get("remediation"), "remediation", "desc");
        }
        return p.list();
    }

    private static void classAttributes(JsonNode event, Problems p) {
        p.enumInteger(event, "", "activity_id", Set.of(0, 1, 2, 3, 99));
        p.fixedInteger(event, "", "category_uid", OcsfDetectionFinding.CATEGORY_UID);
        p.fixedInteger(event, "", "class_uid", OcsfDetectionFinding.CLASS_UID);
        p.enumInteger(event, "", "severity_id", Set.of(0, 1, 2, 3, 4, 5, 6, 99));
        p.longInteger(event, "", "time");
        if (p.longInteger(event, "", "type_uid") && event.path("activity_id").isIntegralNumber()) {
            long expected = OcsfDetectionFinding.CLASS_UID * 100L + event.get("activity_id").asLong();
            if (event.get("type_uid").asLong() != expected) {
                p.add("type_uid", "must be class_uid * 100 + activity_id = " + expected);
            }
        }
        p.object(event, "", "metadata");
        p.object(event, "", "finding_info");
        if (event.has("status_id")) {
            p.enumInteger(event, "", "status_id", Set.of(0, 1, 2, 3, 4, 5, 6, 99));
        }
    }

    private static void metadata(JsonNode metadata, Problems p) {
        if (metadata == null || !metadata.isObject()) {
            return;
        }
        p.string(metadata, "metadata", "version");
        if (p.object(metadata, "metadata", "product")) {
            p.atLeastOne(metadata.get("product"), "metadata.product", ENTITY_IDS);
        }
    }

    private static void findingInfo(JsonNode info, Problems p) {
        if (info == null || !info.isObject()) {
            return;
        }
        p.string(info, "finding_info", "uid");
        if (p.optionalObject(info, "finding_info", "analytic")) {
            p.integer(info.get("analytic"), "finding_info.analytic", "type_id");
            p.atLeastOne(info.get("analytic"), "finding_info.analytic", ENTITY_IDS);
        }
        p.eachObject(info, "finding_info.attacks", (attack, path) -> {
            p.atLeastOne(attack, path, List.of("tactic", "technique", "sub_technique"));
            for (String part : List.of("tactic", "technique", "sub_technique")) {
                if (p.optionalObject(attack, path, part)) {
                    p.atLeastOne(attack.get(part), path + "." + part, ENTITY_IDS);
                }
            }
        });
        p.eachObject(info, "finding_info.related_events", (related, path) -> p.string(related, path, "uid"));
    }

    private static void device(JsonNode device, Problems p) {
        if (device == null) {
            return;
        }
        if (!device.isObject()) {
            p.add("device", "must be an object");
            return;
        }
        p.integer(device, "device", "type_id");
        p.atLeastOne(device, "device", ENDPOINT_IDS);
        if (p.optionalObject(device, "device", "owner")) {
            p.atLeastOne(device.get("owner"), "device.owner", USER_IDS);
        }
    }

    private static void evidence(JsonNode evidence, String path, Problems p) {
        p.atLeastOne(evidence, path, EVIDENCE_ARTIFACTS);
        if (p.optionalObject(evidence, path, "src_endpoint")) {
            p.atLeastOne(evidence.get("src_endpoint"), path + ".src_endpoint", NETWORK_ENDPOINT_IDS);
        }
        if (p.optionalObject(evidence, path, "user")) {
            p.atLeastOne(evidence.get("user"), path + ".user", USER_IDS);
        }
    }
}
