package io.fleetguard.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;

/**
 * FleetGuard's JSON Lines form of a record: field names as in the Avro schema, enums as strings,
 * timestamps as ISO-8601 UTC strings, times of day as HH:mm[:ss], absent optional fields omitted,
 * nested records as objects. Jackson does the escaping, so no field content can break a line.
 */
public final class JsonLines {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonLines() {
    }

    /** One line, without the trailing newline. */
    public static String encode(SpecificRecord record) {
        try {
            return MAPPER.writeValueAsString(object(record));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + record.getSchema().getName(), e);
        }
    }

    private static ObjectNode object(SpecificRecord record) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field f : record.getSchema().getFields()) {
            Object v = record.get(f.pos());
            if (v != null) {
                node.set(f.name(), value(v));
            }
        }
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode value(Object v) {
        if (v instanceof SpecificRecord r) {
            return object(r);
        } else if (v instanceof Instant i) {
            return NODES.textNode(i.toString());
        } else if (v instanceof LocalTime t) {
            return NODES.textNode(t.toString());
        } else if (v instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof Long l) {
            return NODES.numberNode(l);
        } else if (v instanceof Integer n) {
            return NODES.numberNode(n);
        } else if (v instanceof Collection<?> c) {
            ArrayNode a = NODES.arrayNode();
            c.forEach(item -> a.add(value(item)));
            return a;
        } else if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, item) -> o.set(String.valueOf(k), value(item)));
            return o;
        }
        return NODES.textNode(String.valueOf(v));
    }
}
