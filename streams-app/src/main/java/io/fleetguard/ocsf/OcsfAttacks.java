package io.fleetguard.ocsf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * Maps ATT&amp;CK technique ids to OCSF {@code attack} objects. A sub-technique is written as its
 * parent {@code technique} plus the {@code sub_technique}. OCSF's attack object holds a single
 * {@code tactic} ({@code tactics} is deprecated since 1.1.0), so a technique serving several tactics
 * yields one attack object per tactic. An id missing from {@link AttackTechniques} is still written,
 * by uid alone.
 */
final class OcsfAttacks {

    private OcsfAttacks() {
    }

    static ArrayNode of(List<String> techniqueIds, TextCap cap, JsonNodeFactory json) {
        ArrayNode attacks = json.arrayNode();
        for (String raw : cap.items(techniqueIds)) {
            String id = cap.text(raw);
            Optional<AttackTechniques.Technique> known = AttackTechniques.byId(id);
            List<AttackTechniques.Tactic> tactics = known.map(AttackTechniques.Technique::tactics).orElse(List.of());
            if (tactics.isEmpty()) {
                attacks.add(attack(id, known, null, json));
            }
            for (AttackTechniques.Tactic tactic : tactics) {
                attacks.add(attack(id, known, tactic, json));
            }
        }
        return attacks;
    }

    private static ObjectNode attack(String id, Optional<AttackTechniques.Technique> known, AttackTechniques.Tactic tactic,
                                     JsonNodeFactory json) {
        ObjectNode attack = json.objectNode();
        String name = known.map(AttackTechniques.Technique::name).orElse(null);
        int dot = id.indexOf('.');
        int colon = name == null ? -1 : name.indexOf(": ");
        if (dot < 0) {
            attack.set("technique", entity(id, name, known.isPresent(), json));
        } else {
            String parentId = id.substring(0, dot);
            attack.set("technique", entity(parentId, colon < 0 ? null : name.substring(0, colon), known.isPresent(), json));
            attack.set("sub_technique", entity(id, colon < 0 ? name : name.substring(colon + 2), known.isPresent(), json));
        }
        if (tactic != null) {
            attack.set("tactic", json.objectNode().put("uid", tactic.uid()).put("name", tactic.name()));
        }
        if (known.isPresent()) {
            attack.put("version", AttackTechniques.MATRIX_VERSION);
        }
        return attack;
    }

    private static ObjectNode entity(String uid, String name, boolean known, JsonNodeFactory json) {
        ObjectNode node = json.objectNode().put("uid", uid);
        if (name != null) {
            node.put("name", name);
        }
        if (known) {
            node.put("src_url", AttackTechniques.permalink(uid));
        }
        return node;
    }
}
