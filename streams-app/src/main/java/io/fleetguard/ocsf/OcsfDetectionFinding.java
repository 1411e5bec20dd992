package io.fleetguard.ocsf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetguard.alert.AlertCatalogue;
import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes an {@link IdentityAlert} as one OCSF 1.9.0 Detection Finding (class 2004), a single line of
 * JSON for the {@code fleetguard.alerts.ocsf} topic. A new alert is activity Create, a suppressed
 * repeat is activity Update of the same finding ({@code finding_info.uid} is the alert id, which an
 * update keeps). The record is built as a Jackson tree, never by concatenation, and every string is
 * capped ({@link TextCap}), so nothing in an alert can change the record's structure or size much.
 */
public final class OcsfDetectionFinding {

    public static final String OCSF_VERSION = "1.9.0";
    public static final int CLASS_UID = 2004;
    public static final int CATEGORY_UID = 2;
    public static final String PRODUCT = "FleetGuard";

    /** endpoint.type_id "IOT" in the OCSF schema. */
    static final int DEVICE_TYPE_IOT = 7;
    /** The device object's uid is observable type 47 in the OCSF schema (device.json). */
    static final int OBSERVABLE_DEVICE_UID = 47;
    /** analytic.type_id "Rule". */
    static final int ANALYTIC_RULE = 1;
    /** Finding status_id "New". */
    static final int STATUS_NEW = 1;

    private static final ObjectWriter WRITER = new ObjectMapper().writer().with(new LineSafeEscapes());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OcsfDetectionFinding() {
    }

    /**
     * @param productVersion FleetGuard's version for {@code metadata.product.version}; null leaves it out
     * @return the finding as one JSON object without a line break
     */
    public static String toJson(IdentityAlert alert, String productVersion) {
        Objects.requireNonNull(alert, "alert");
        try {
            return WRITER.writeValueAsString(toTree(alert, productVersion));
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes; reaching this is a bug, not bad input.
            throw new IllegalStateException("cannot write OCSF finding for alert " + alert.getAlertId(), e);
        }
    }

    static ObjectNode toTree(IdentityAlert alert, String productVersion) {
        TextCap cap = new TextCap();
        boolean update = alert.getActivity() == AlertActivity.UPDATE;
        int activityId = update ? 2 : 1;
        String activity = update ? "Update" : "Create";
        ObjectNode root = JSON.objectNode()
                .put("class_uid", CLASS_UID).put("class_name", "Detection Finding")
                .put("category_uid", CATEGORY_UID).put("category_name", "Findings")
                .put("activity_id", activityId).put("activity_name", activity)
                .put("type_uid", CLASS_UID * 100L + activityId).put("type_name", "Detection Finding: " + activity)
                .put("severity_id", severityId(alert.getSeverity())).put("severity", severityCaption(alert.getSeverity()))
                .put("time", alert.getEventTime().toEpochMilli())
                .put("start_time", alert.getFirstSeen().toEpochMilli())
                .put("end_time", alert.getLastSeen().toEpochMilli())
                .put("count", alert.getCount())
                .put("message", cap.text(alert.getSummary()))
                .put("is_alert", true);
        if (!update) {
            // The status is the SOC's to move on; an update must not reset a finding under review.
            root.put("status_id", STATUS_NEW).put("status", "New");
        }
        ObjectNode metadata = root.putObject("metadata");
        root.set("finding_info", findingInfo(alert, update, cap));
        root.set("device", device(alert, cap));
        OcsfEvidence evidence = OcsfEvidence.of(alert.getEvidence(), cap);
        if (!evidence.isEmpty()) {
            root.putArray("evidences").add(evidence.toEvidence(JSON));
        }
        root.set("observables", observables(alert, evidence, cap));
        if (!alert.getRecommendedAction().isBlank()) {
            root.putObject("remediation").put("desc", cap.text(alert.getRecommendedAction()));
        }
        root.set("unmapped", unmapped(alert, cap));
        fillMetadata(metadata, productVersion, cap);
        return root;
    }

    static int severityId(Severity severity) {
        return switch (severity) {
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    private static String severityCaption(Severity severity) {
        String name = severity.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Called last, so that {@code is_truncated} knows about every cap applied to the record. */
    private static void fillMetadata(ObjectNode metadata, String productVersion, TextCap cap) {
        metadata.put("version", OCSF_VERSION);
        ObjectNode product = metadata.putObject("product").put("name", PRODUCT).put("vendor_name", PRODUCT);
        if (productVersion != null && !productVersion.isBlank()) {
            product.put("version", cap.text(productVersion));
        }
        if (cap.truncated()) {
            metadata.put("is_truncated", true);
        }
    }

    private static ObjectNode findingInfo(IdentityAlert alert, boolean update, TextCap cap) {
        AlertCatalogue.Entry entry = AlertCatalogue.entry(alert.getType());
        String type = alert.getType().name();
        ObjectNode info = JSON.objectNode()
                .put("uid", cap.text(alert.getAlertId()))
                .put("title", title(type))
                .put("desc", cap.text(alert.getSummary()));
        info.putArray("types").add(cap.text(alert.getCategory()));
        info.putObject("analytic")
                .put("uid", type).put("name", type)
                .put("type_id", ANALYTIC_RULE).put("type", "Rule")
                .put("desc", entry.rule())
                .put("version", cap.text(alert.getRuleVersion()));
        info.put("created_time", alert.getFirstSeen().toEpochMilli())
                .put("first_seen_time", alert.getFirstSeen().toEpochMilli())
                .put("last_seen_time", alert.getLastSeen().toEpochMilli());
        if (update) {
            info.put("modified_time", alert.getEventTime().toEpochMilli());
        }
        ArrayNode attacks = OcsfAttacks.of(alert.getAttackTechniques(), cap, JSON);
        if (!attacks.isEmpty()) {
            info.set("attacks", attacks);
        }
        List<String> eventIds = alert.getTriggeringEventIds();
        ArrayNode related = JSON.arrayNode();
        cap.items(eventIds).forEach(id -> related.add(JSON.objectNode().put("uid", cap.text(id))));
        if (!related.isEmpty()) {
            info.set("related_events", related);
            info.put("related_events_count", eventIds.size());
        }
        return info;
    }

    /** "UNKNOWN_DEVICE" -> "Unknown device". */
    private static String title(String type) {
        String words = type.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static ObjectNode device(IdentityAlert alert, TextCap cap) {
        String deviceId = cap.text(alert.getDeviceId());
        ObjectNode device = JSON.objectNode()
                .put("type_id", DEVICE_TYPE_IOT).put("type", "IOT")
                .put("uid", deviceId).put("name", deviceId);
        if (alert.getOwner() != null && !alert.getOwner().isBlank()) {
            // endpoint.owner is a User: "the identity ... that owns the endpoint".
            device.putObject("owner").put("name", cap.text(alert.getOwner()));
        }
        return device;
    }

    private static ArrayNode observables(IdentityAlert alert, OcsfEvidence evidence, TextCap cap) {
        ArrayNode observables = JSON.arrayNode();
        observables.add(OcsfEvidence.observable("device.uid", null, OBSERVABLE_DEVICE_UID, cap.text(alert.getDeviceId()), JSON));
        evidence.addObservables(observables, JSON);
        return observables;
    }

    /** What OCSF's Detection Finding has no attribute for: framework mappings and FleetGuard's own keys. */
    private static ObjectNode unmapped(IdentityAlert alert, TextCap cap) {
        ObjectNode unmapped = JSON.objectNode();
        ArrayNode owasp = unmapped.putArray("owasp_nhi");
        cap.items(alert.getOwaspNhi()).forEach(id -> owasp.add(cap.text(id)));
        ArrayNode nist = unmapped.putArray("nist_csf");
        cap.items(alert.getNistCsf()).forEach(id -> nist.add(cap.text(id)));
        unmapped.put("subject", cap.text(alert.getSubject()));
        if (alert.getDeviceClass() != null) {
            unmapped.put("device_class", cap.text(alert.getDeviceClass()));
        }
        return unmapped;
    }
}
