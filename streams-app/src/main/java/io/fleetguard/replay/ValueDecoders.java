package io.fleetguard.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds, once per schema, the {@link ValueDecoder} that inverts {@code feed.JsonLines.encode}:
 * records as objects, enums by symbol name, arrays, maps, unions with null by omission or null,
 * timestamp-millis and time-millis via {@link JsonTimes}. Types the encoder cannot write
 * faithfully (bytes, fixed, other logical types) are refused when the decoder is built.
 */
final class ValueDecoders {

    private final Map<String, RecordDecoder> records = new HashMap<>();
    private final ClassLoader classes;

    ValueDecoders(ClassLoader classes) {
        this.classes = classes;
    }

    RecordDecoder record(Schema schema) {
        RecordDecoder known = records.get(schema.getFullName());
        if (known != null) {
            return known;
        }
        RecordDecoder decoder = new RecordDecoder(schema, javaClass(schema));
        records.put(schema.getFullName(), decoder); // before its fields, so a recursive schema terminates
        decoder.resolveFields(this);
        return decoder;
    }

    ValueDecoder of(Schema schema) {
        String logical = schema.getProp("logicalType");
        return switch (schema.getType()) {
            case RECORD -> record(schema);
            case ENUM -> enumeration(schema);
            case ARRAY -> array(of(schema.getElementType()));
            case MAP -> map(of(schema.getValueType()));
            case UNION -> union(schema);
            case STRING -> ValueDecoders::string;
            case BOOLEAN -> ValueDecoders::bool;
            case INT -> "time-millis".equals(logical) ? JsonTimes::timeOfDay : plain(logical, ValueDecoders::integer, schema);
            case LONG -> "timestamp-millis".equals(logical) ? JsonTimes::instant : plain(logical, ValueDecoders::longInteger, schema);
            case FLOAT -> node -> (float) decimal(node);
            case DOUBLE -> ValueDecoders::decimal;
            case NULL -> ValueDecoders::nothing;
            case BYTES, FIXED -> throw new IllegalArgumentException("JSON Lines cannot carry " + schema.getType()
                    + " faithfully (schema " + schema + ")");
        };
    }

    private static ValueDecoder plain(String logical, ValueDecoder decoder, Schema schema) {
        if (logical != null) {
            throw new IllegalArgumentException("logical type " + logical + " is not supported in JSON Lines (" + schema + ")");
        }
        return decoder;
    }

    private ValueDecoder enumeration(Schema schema) {
        Class<?> type = javaClass(schema);
        Map<String, Object> bySymbol = new HashMap<>();
        for (Object constant : type.getEnumConstants()) {
            bySymbol.put(((Enum<?>) constant).name(), constant);
        }
        return node -> {
            Object constant = node.isTextual() ? bySymbol.get(node.textValue()) : null;
            if (constant == null) {
                throw new MalformedRecordException("expected one of " + schema.getEnumSymbols() + ", got "
                        + (node.isTextual() ? "another string" : Describe.node(node)));
            }
            return constant;
        };
    }

    private static ValueDecoder array(ValueDecoder items) {
        return node -> {
            if (!node.isArray()) {
                throw new MalformedRecordException("expected an array, got " + Describe.node(node));
            }
            List<Object> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                try {
                    out.add(items.decode(node.get(i)));
                } catch (MalformedRecordException e) {
                    throw e.inElement(Integer.toString(i));
                }
            }
            return out;
        };
    }

    private static ValueDecoder map(ValueDecoder values) {
        return node -> {
            if (!node.isObject()) {
                throw new MalformedRecordException("expected an object (a map), got " + Describe.node(node));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                try {
                    out.put(e.getKey(), values.decode(e.getValue()));
                } catch (MalformedRecordException ex) {
                    throw ex.inElement("\"" + e.getKey() + "\"");
                }
            }
            return out;
        };
    }

    /** The encoder does not tag union branches, so the first non-null branch that accepts the value wins. */
    private ValueDecoder union(Schema schema) {
        boolean nullable = false;
        List<ValueDecoder> branches = new ArrayList<>();
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() == Schema.Type.NULL) {
                nullable = true;
            } else {
                branches.add(of(branch));
            }
        }
        boolean acceptsNull = nullable;
        return node -> {
            if (node.isNull() && acceptsNull) {
                return null;
            }
            MalformedRecordException first = null;
            for (ValueDecoder branch : branches) {
                try {
                    return branch.decode(node);
                } catch (MalformedRecordException e) {
                    first = first == null ? e : first;
                }
            }
            if (branches.size() == 1 && first != null) {
                throw first;
            }
            throw new MalformedRecordException("matches no branch of " + schema);
        };
    }

    private static Object string(JsonNode node) throws MalformedRecordException {
        if (!node.isTextual()) {
            throw new MalformedRecordException("expected a string, got " + Describe.node(node));
        }
        return node.textValue();
    }

    private static Object bool(JsonNode node) throws MalformedRecordException {
        if (!node.isBoolean()) {
            throw new MalformedRecordException("expected true or false, got " + Describe.node(node));
        }
        return node.booleanValue();
    }

    private static Object integer(JsonNode node) throws MalformedRecordException {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new MalformedRecordException("expected a 32-bit integer, got " + Describe.node(node));
        }
        return node.intValue();
    }

    private static Object longInteger(JsonNode node) throws MalformedRecordException {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MalformedRecordException("expected a 64-bit integer, got " + Describe.node(node));
        }
        return node.longValue();
    }

    /** Numbers, or strings: the encoder writes a float or double through String.valueOf. */
    private static double decimal(JsonNode node) throws MalformedRecordException {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.textValue());
            } catch (NumberFormatException e) {
                throw new MalformedRecordException("expected a number, got a string that is not one");
            }
        }
        throw new MalformedRecordException("expected a number, got " + Describe.node(node));
    }

    private static Object nothing(JsonNode node) throws MalformedRecordException {
        if (!node.isNull()) {
            throw new MalformedRecordException("expected null, got " + Describe.node(node));
        }
        return null;
    }

    private Class<?> javaClass(Schema schema) {
        try {
            return Class.forName(schema.getFullName(), true, classes);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no generated class for " + schema.getFullName(), e);
        }
    }
}
