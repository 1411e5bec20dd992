package io.fleetguard.alert;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Severity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The alert catalogue of DESIGN.md section 5 held as data, in one place: category, rule, default
 * severity, framework mappings (ATT&amp;CK v19 Enterprise and ICS, OWASP NHI Top 10 2025, NIST CSF 2.0; verified against the
 * frameworks' own material, see docs/alert-mappings.md)
 * and the recommended action. README's catalogue table is checked against it by a test.
 */
public final class AlertCatalogue {

    /**
     * @param attackTechniques ATT&amp;CK v19 technique ids, Enterprise and ICS together (ICS ids are T08xx,
     *                         and T169x for the sub-techniques ICS gained in v19)
     * @param oncePerDay       fire at most once per UTC day per (device, subject)
     */
    public record Entry(AlertType type, String category, Severity severity, String rule,
                        List<String> attackTechniques, List<String> owaspNhi, List<String> nistCsf,
                        String recommendedAction, boolean oncePerDay) {
    }

    private static final Map<AlertType, Entry> ENTRIES = table();

    private static Map<AlertType, Entry> table() {
        Map<AlertType, Entry> t = new EnumMap<>(AlertType.class);
        add(t, AlertType.UNKNOWN_DEVICE, "unknown device", Severity.HIGH,
                "An event names a device absent from the registry at event time (failed authentication: MEDIUM).",
                List.of("T1200", "T1078", "T0864", "T0848"), List.of("NHI1"), List.of("ID.AM-01", "PR.AA-03", "DE.CM-01"),
                "Identify the device behind the source address; register it with an owner or block its credential and address.");
        add(t, AlertType.STALE_CREDENTIAL, "stale credential", Severity.MEDIUM,
                "A used credential is older than its rotation limit (password/PSK 90 d, token 30 d, certificate 397 d).",
                List.of(), List.of("NHI7"), List.of("PR.AA-01", "ID.AM-08"),
                "Rotate the credential and fix whatever kept it from rotating automatically.");
        add(t, AlertType.EXPIRED_CREDENTIAL, "stale credential", Severity.HIGH,
                "A used credential's expiry is before the event time.",
                List.of("T1078", "T1550", "T0859"), List.of("NHI7", "NHI4"), List.of("PR.AA-01", "PR.AA-03"),
                "Find out why an expired credential was accepted, make the broker enforce expiry, and reissue the credential.");
        add(t, AlertType.REVOKED_CREDENTIAL_IN_USE, "stale credential", Severity.HIGH,
                "A revoked or rotated-out credential is used (superseded, or dropped from the device's registry entry).",
                List.of("T1078", "T1550", "T0859"), List.of("NHI1", "NHI2"), List.of("PR.AA-01", "PR.AA-03", "DE.CM-09"),
                "Treat the credential as compromised: block it at the broker, confirm revocation propagated, and investigate the source.");
        add(t, AlertType.CREDENTIAL_EXPIRING, "stale credential", Severity.LOW,
                "A used credential expires within 30 d (once a day per credential).",
                List.of(), List.of("NHI7"), List.of("PR.AA-01", "ID.AM-08"),
                "Schedule the credential's renewal before it expires.");
        add(t, AlertType.IMPERSONATED_TELEMETRY, "impersonation", Severity.CRITICAL,
                "Telemetry whose connection credential is not one of the claimed device's.",
                List.of("T1565.002", "T1078", "T1692.002", "T0859"), List.of("NHI2", "NHI9"), List.of("PR.AA-03", "PR.AA-04", "DE.CM-01"),
                "Quarantine data from the connection, find who holds the credential, and revoke it if it is not the device's.");
        add(t, AlertType.CLONED_IDENTITY, "impersonation", Severity.HIGH,
                "One deviceId holds overlapping sessions from two source networks, its client id is taken over by another principal, network or listener, or it logs in with a credential never registered to it.",
                List.of("T1078", "T1550", "T0859"), List.of("NHI2", "NHI9"), List.of("PR.AA-01", "PR.AA-03", "DE.CM-09"),
                "Find which of the sessions is the real device, rotate its credential, and block the other source.");
        add(t, AlertType.UNEXPECTED_DATA_PATH, "data path", Severity.MEDIUM,
                "Telemetry goes to a destination outside allowedDataPaths, via an unlisted gateway, or from outside allowedSourceCidrs.",
                List.of("T1090", "T1599", "T0884", "T0869"), List.of("NHI5"), List.of("ID.AM-03", "PR.AA-05", "DE.CM-01"),
                "Check whether the device's role changed; otherwise tighten broker ACLs to the allowed paths and investigate the device.");
        add(t, AlertType.DEFAULT_CREDENTIAL, "credential hygiene", Severity.CRITICAL,
                "A factory-default credential or default principal (admin, root, ...) is used (tried: MEDIUM).",
                List.of("T1078.001", "T1110.001", "T1694.001", "T0859"), List.of("NHI4"), List.of("PR.AA-01", "PR.AA-03", "PR.PS-01"),
                "Replace the default credential with a unique one and disable the default account.");
        add(t, AlertType.SHARED_CREDENTIAL, "credential hygiene", Severity.HIGH,
                "One credential authenticates as two or more devices within 24 h.",
                List.of("T1078", "T0859"), List.of("NHI9"), List.of("PR.AA-01", "PR.AA-02", "DE.CM-09"),
                "Issue each device its own credential and revoke the shared one.");
        add(t, AlertType.RETIRED_IDENTITY_ACTIVE, "lifecycle", Severity.HIGH,
                "A RETIRED or DECOMMISSIONED (HIGH) or SUSPENDED (MEDIUM) device is used.",
                List.of("T1078", "T0859"), List.of("NHI1"), List.of("ID.AM-08", "PR.AA-01", "DE.CM-09"),
                "Revoke every credential of the retired device and find what is using it.");
        add(t, AlertType.ORPHANED_IDENTITY, "lifecycle", Severity.MEDIUM,
                "A device without an owner is used (once a day).",
                List.of(), List.of("NHI1"), List.of("ID.AM-01", "ID.AM-08", "GV.RR-02"),
                "Assign an accountable owner or retire the device.");
        add(t, AlertType.DORMANT_IDENTITY_REACTIVATED, "lifecycle", Severity.MEDIUM,
                "A device silent for 90 d is used again.",
                List.of("T1078", "T0859"), List.of("NHI1", "NHI7"), List.of("PR.AA-05", "DE.CM-09"),
                "Confirm with the owner that the device was expected to return; otherwise revoke its credentials.");
        add(t, AlertType.AUTH_FAILURE_BURST, "credential attack", Severity.MEDIUM,
                "Five or more failures in 5 min for one device (MEDIUM) or from one source IP across devices (HIGH).",
                List.of("T1110", "T1110.001", "T1110.003"), List.of("NHI4"), List.of("DE.CM-03", "DE.CM-09", "PR.AA-03"),
                "Block or rate-limit the source and check whether any attempt succeeded.");
        add(t, AlertType.UNAPPROVED_REMOTE_SUPPORT, "remote access", Severity.HIGH,
                "A support session without a ticket, from an unapproved vendor, outside the maintenance window, or longer than 4 h.",
                List.of("T1133", "T1199", "T1219", "T0822", "T0886"), List.of("NHI3"), List.of("DE.CM-06", "GV.SC-07", "PR.AA-05"),
                "Contact the vendor, end the session if it is not authorised, and review what it changed.");
        add(t, AlertType.UNAUTHORIZED_CONFIG_CHANGE, "change control", Severity.HIGH,
                "A change by someone other than the owner or automation outside an approved support session, or a firmware downgrade.",
                List.of("T1601", "T1601.002", "T0836", "T1693"), List.of("NHI5"), List.of("PR.PS-01", "ID.RA-07", "DE.CM-09"),
                "Verify the change with the owner, roll it back if unapproved, and check the device for tampering.");
        add(t, AlertType.FIRMWARE_DRIFT, "change control", Severity.LOW,
                "Reported firmware, or the firmware a FIRMWARE change installs, differs from the registry's expectedFirmware.",
                List.of(), List.of(), List.of("PR.PS-01", "PR.PS-02", "DE.CM-09"),
                "Bring the device to the expected firmware or update the registry if the new version is approved.");
        return Collections.unmodifiableMap(t);
    }

    private AlertCatalogue() {
    }

    private static void add(Map<AlertType, Entry> t, AlertType type, String category, Severity severity, String rule, List<String> attack,
                            List<String> owasp, List<String> nist, String action) {
        t.put(type, new Entry(type, category, severity, rule, attack, owasp, nist, action,
                type == AlertType.CREDENTIAL_EXPIRING || type == AlertType.ORPHANED_IDENTITY));
    }

    public static Entry entry(AlertType type) {
        Entry e = ENTRIES.get(type);
        if (e == null) {
            throw new IllegalArgumentException("alert type " + type + " is not in the catalogue");
        }
        return e;
    }

    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }
}
