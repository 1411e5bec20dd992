package io.fleetguard.ocsf;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * ATT&amp;CK v19 names and tactics for every technique id the {@code AlertCatalogue} uses, Enterprise
 * and ICS. Names are those of docs/alert-mappings.md section 3 ("Parent: Sub" for sub-techniques).
 * Tactics: the ICS ones as MITRE's technique pages list them (T1692.002, T1693 and T1694.001 on their
 * v19 pages; the T08xx ones, which v19 did not revoke, on their v16 pages). The Enterprise ones are
 * ATT&amp;CK's long-standing assignments, with v19's move of T1078, T1550 and T1601 from Defense
 * Evasion to Stealth (TA0005) as recorded in docs/alert-mappings.md 1.3. T1599's v19 tactic (Stealth
 * or Defense Impairment) was not confirmed, so it carries none rather than a guess.
 */
final class AttackTechniques {

    /** The ATT&amp;CK release these ids and names were checked against. */
    static final String MATRIX_VERSION = "v19";

    record Tactic(String uid, String name) {
    }

    /** @param name "Technique" or "Technique: Sub-technique" */
    record Technique(String uid, String name, List<Tactic> tactics) {
    }

    private static final Tactic INITIAL_ACCESS = new Tactic("TA0001", "Initial Access");
    private static final Tactic PERSISTENCE = new Tactic("TA0003", "Persistence");
    private static final Tactic PRIVILEGE_ESCALATION = new Tactic("TA0004", "Privilege Escalation");
    private static final Tactic STEALTH = new Tactic("TA0005", "Stealth");
    private static final Tactic CREDENTIAL_ACCESS = new Tactic("TA0006", "Credential Access");
    private static final Tactic LATERAL_MOVEMENT = new Tactic("TA0008", "Lateral Movement");
    private static final Tactic COMMAND_AND_CONTROL = new Tactic("TA0011", "Command and Control");
    private static final Tactic IMPACT = new Tactic("TA0040", "Impact");

    private static final Tactic ICS_COMMAND_AND_CONTROL = new Tactic("TA0101", "Command and Control");
    private static final Tactic ICS_EVASION = new Tactic("TA0103", "Evasion");
    private static final Tactic ICS_IMPAIR_PROCESS_CONTROL = new Tactic("TA0106", "Impair Process Control");
    private static final Tactic ICS_INHIBIT_RESPONSE_FUNCTION = new Tactic("TA0107", "Inhibit Response Function");
    private static final Tactic ICS_INITIAL_ACCESS = new Tactic("TA0108", "Initial Access");
    private static final Tactic ICS_LATERAL_MOVEMENT = new Tactic("TA0109", "Lateral Movement");
    private static final Tactic ICS_PERSISTENCE = new Tactic("TA0110", "Persistence");

    private static final List<Tactic> VALID_ACCOUNTS = List.of(STEALTH, PERSISTENCE, PRIVILEGE_ESCALATION, INITIAL_ACCESS);

    private static final Map<String, Technique> BY_ID = Map.ofEntries(
            // Enterprise
            technique("T1078", "Valid Accounts", VALID_ACCOUNTS),
            technique("T1078.001", "Valid Accounts: Default Accounts", VALID_ACCOUNTS),
            technique("T1090", "Proxy", List.of(COMMAND_AND_CONTROL)),
            technique("T1110", "Brute Force", List.of(CREDENTIAL_ACCESS)),
            technique("T1110.001", "Brute Force: Password Guessing", List.of(CREDENTIAL_ACCESS)),
            technique("T1110.003", "Brute Force: Password Spraying", List.of(CREDENTIAL_ACCESS)),
            technique("T1133", "External Remote Services", List.of(INITIAL_ACCESS, PERSISTENCE)),
            technique("T1199", "Trusted Relationship", List.of(INITIAL_ACCESS)),
            technique("T1200", "Hardware Additions", List.of(INITIAL_ACCESS)),
            technique("T1219", "Remote Access Tools", List.of(COMMAND_AND_CONTROL)),
            technique("T1550", "Use Alternate Authentication Material", List.of(STEALTH, LATERAL_MOVEMENT)),
            technique("T1565.002", "Data Manipulation: Transmitted Data Manipulation", List.of(IMPACT)),
            technique("T1599", "Network Boundary Bridging", List.of()),
            technique("T1601", "Modify System Image", List.of(STEALTH)),
            technique("T1601.002", "Modify System Image: Downgrade System Image", List.of(STEALTH)),
            // ICS
            technique("T0822", "External Remote Services", List.of(ICS_INITIAL_ACCESS)),
            technique("T0836", "Modify Parameter", List.of(ICS_IMPAIR_PROCESS_CONTROL)),
            technique("T0848", "Rogue Master", List.of(ICS_INITIAL_ACCESS)),
            technique("T0859", "Valid Accounts", List.of(ICS_PERSISTENCE, ICS_LATERAL_MOVEMENT)),
            technique("T0864", "Transient Cyber Asset", List.of(ICS_INITIAL_ACCESS)),
            technique("T0869", "Standard Application Layer Protocol", List.of(ICS_COMMAND_AND_CONTROL)),
            technique("T0884", "Connection Proxy", List.of(ICS_COMMAND_AND_CONTROL)),
            technique("T0886", "Remote Services", List.of(ICS_INITIAL_ACCESS, ICS_LATERAL_MOVEMENT)),
            technique("T1692.002", "Unauthorized Message: Reporting Message", List.of(ICS_EVASION, ICS_IMPAIR_PROCESS_CONTROL)),
            technique("T1693", "Modify Firmware", List.of(ICS_PERSISTENCE, ICS_INHIBIT_RESPONSE_FUNCTION, ICS_IMPAIR_PROCESS_CONTROL)),
            technique("T1694.001", "Insecure Credentials: Default Credentials", List.of(ICS_PERSISTENCE, ICS_LATERAL_MOVEMENT)));

    private AttackTechniques() {
    }

    static Optional<Technique> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** @return the versioned permalink of a technique or sub-technique, as OCSF's {@code src_url} wants */
    static String permalink(String id) {
        return "https://attack.mitre.org/versions/" + MATRIX_VERSION + "/techniques/" + id.replace('.', '/') + "/";
    }

    private static Map.Entry<String, Technique> technique(String id, String name, List<Tactic> tactics) {
        return entry(id, new Technique(id, name, tactics));
    }
}
