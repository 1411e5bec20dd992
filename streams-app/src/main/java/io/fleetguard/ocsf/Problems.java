package io.fleetguard.ocsf;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The attribute checks {@link OcsfRequiredFields} is made of; each records a "path: problem" line.
 * The boolean ones return whether the attribute is present and well typed, so nested checks run
 * only on something that exists.
 */
final class Problems {

    private final List<String> lines = new ArrayList<>();

    void add(String path, String problem) {
        lines.add(path + ": " + problem);
    }

    List<String> list() {
        return List.copyOf(lines);
    }

    boolean string(JsonNode parent, String path, String name) {
        JsonNode v = present(parent, path, name);
        if (v == null) {
            return false;
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            add(join(path, name), "must be a non-empty string");
            return false;
        }
        return true;
    }

    boolean integer(JsonNode parent, String path, String name) {
        JsonNode v = present(parent, path, name);
        if (v != null && !(v.isIntegralNumber() && v.canConvertToInt())) {
            add(join(path, name), "must be an integer");
            return false;
        }
        return v != null;
    }

    /** For long_t and timestamp_t (milliseconds since the epoch). */
    boolean longInteger(JsonNode parent, String path, String name) {
        JsonNode v = present(parent, path, name);
        if (v != null && !(v.isIntegralNumber() && v.canConvertToLong())) {
            add(join(path, name), "must be a long integer");
            return false;
        }
        return v != null;
    }

    void enumInteger(JsonNode parent, String path, String name, Set<Integer> values) {
        if (integer(parent, path, name) && !values.contains(parent.get(name).asInt())) {
            add(join(path, name), "must be one of " + new TreeSet<>(values));
        }
    }

    void fixedInteger(JsonNode parent, String path, String name, int value) {
        if (integer(parent, path, name) && parent.get(name).asInt() != value) {
            add(join(path, name), "must be " + value);
        }
    }

    boolean object(JsonNode parent, String path, String name) {
        JsonNode v = present(parent, path, name);
        if (v != null && !v.isObject()) {
            add(join(path, name), "must be an object");
            return false;
        }
        return v != null;
    }

    /** Like {@link #object} for an attribute that may be absent. */
    boolean optionalObject(JsonNode parent, String path, String name) {
        return parent.has(name) && object(parent, path, name);
    }

    void atLeastOne(JsonNode object, String path, List<String> names) {
        boolean any = names.stream().anyMatch(n -> object.has(n) && !object.get(n).isNull()
                && !(object.get(n).isTextual() && object.get(n).asText().isEmpty()));
        if (!any) {
            add(path, "needs at least one of " + names);
        }
    }

    /** Runs the check on each element of an optional array of objects at {@code fieldPath}. */
    void eachObject(JsonNode parent, String fieldPath, BiConsumer<JsonNode, String> check) {
        String name = fieldPath.substring(fieldPath.lastIndexOf('.') + 1);
        JsonNode array = parent.get(name);
        if (array == null) {
            return;
        }
        if (!array.isArray()) {
            add(fieldPath, "must be an array");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = fieldPath + "[" + i + "]";
            if (array.get(i).isObject()) {
                check.accept(array.get(i), path);
            } else {
                add(path, "must be an object");
            }
        }
    }

    private JsonNode present(JsonNode parent, String path, String name) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            add(join(path, name), "required attribute is missing");
            return null;
        }
        return v;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
