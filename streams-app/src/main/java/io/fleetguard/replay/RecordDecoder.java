package io.fleetguard.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decodes a JSON object into one Avro-generated record class. An omitted field takes its schema
 * default (null for an optional one); a required field without a default must be present. Unknown
 * field names are refused: a typo such as {@code "timestmap"} would otherwise drop the field
 * silently and turn into a misleading detection.
 */
final class RecordDecoder implements ValueDecoder {

    private static final ObjectMapper DEFAULTS = new ObjectMapper();

    private final Schema schema;
    private final Constructor<?> constructor;
    private final List<Schema.Field> fields;
    private final Map<String, Integer> positions = new HashMap<>();
    private ValueDecoder[] decoders;
    private JsonNode[] defaults;

    RecordDecoder(Schema schema, Class<?> type) {
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type + " is not a generated Avro record class");
        }
        this.schema = schema;
        this.fields = schema.getFields();
        try {
            this.constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no public no-argument constructor", e);
        }
        fields.forEach(f -> positions.put(f.name(), f.pos()));
    }

    void resolveFields(ValueDecoders factory) {
        decoders = new ValueDecoder[fields.size()];
        defaults = new JsonNode[fields.size()];
        for (Schema.Field f : fields) {
            decoders[f.pos()] = factory.of(f.schema());
            defaults[f.pos()] = defaultOf(f);
        }
    }

    /** The field's default as JSON, so it goes through the same decoder; null when it has none. */
    private static JsonNode defaultOf(Schema.Field f) {
        if (f.hasDefaultValue()) {
            Object v = f.defaultVal();
            return v == JsonProperties.NULL_VALUE ? NullNode.getInstance() : DEFAULTS.valueToTree(v);
        }
        return isNullable(f.schema()) ? NullNode.getInstance() : null;
    }

    private static boolean isNullable(Schema s) {
        return s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(b -> b.getType() == Schema.Type.NULL);
    }

    @Override
    public SpecificRecord decode(JsonNode node) throws MalformedRecordException {
        if (!node.isObject()) {
            throw new MalformedRecordException("expected an object (" + schema.getName() + "), got " + Describe.node(node));
        }
        SpecificRecord record = newRecord();
        int present = 0;
        Schema.Field missing = null;
        for (Schema.Field f : fields) {
            JsonNode value = node.get(f.name());
            if (value != null) {
                present++;
            } else if (defaults[f.pos()] != null) {
                value = defaults[f.pos()];
            } else {
                missing = missing == null ? f : missing;
                continue;
            }
            try {
                record.put(f.pos(), decoders[f.pos()].decode(value));
            } catch (MalformedRecordException e) {
                throw e.inField(f.name());
            }
        }
        // An unknown name first: when a field is misspelt, that is the news, not the missing field.
        if (present != node.size()) {
            throw new MalformedRecordException("unknown field '" + firstUnknown(node) + "': " + schema.getName()
                    + " has " + positions.keySet().stream().sorted().toList() + " (check the spelling)");
        }
        if (missing != null) {
            throw new MalformedRecordException("is required by " + schema.getName() + " but missing").inField(missing.name());
        }
        return record;
    }

    private String firstUnknown(JsonNode node) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!positions.containsKey(name)) {
                return name.length() > 64 ? name.substring(0, 64) + "..." : name;
            }
        }
        return "?";
    }

    private SpecificRecord newRecord() {
        try {
            return (SpecificRecord) constructor.newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot instantiate " + schema.getFullName(), e);
        }
    }
}
