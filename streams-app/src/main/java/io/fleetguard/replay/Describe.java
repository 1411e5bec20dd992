package io.fleetguard.replay;

import com.fasterxml.jackson.databind.JsonNode;

/** Names a JSON value's kind for error messages; never its content, which may be anything. */
final class Describe {

    private Describe() {
    }

    static String node(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            default -> "something else";
        };
    }
}
