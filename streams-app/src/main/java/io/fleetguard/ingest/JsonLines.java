package io.fleetguard.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Strict reading of one JSON log line. Duplicate keys are an error, not "last one wins": two
 * principalId or clientid members could otherwise mean one thing to FleetGuard and another to
 * the SIEM that reads the same line. Nesting is shallow in every log we read, so it is capped.
 */
final class JsonLines {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16).maxNumberLength(32).maxStringLength(RawLine.MAX_CHARS).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonLines() {
    }

    /** @throws LineRejected when the line is not exactly one JSON object */
    static ObjectNode object(String line) {
        JsonNode node;
        try (JsonParser parser = MAPPER.getFactory().createParser(line)) {
            node = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new LineRejected(Reasons.INVALID_JSON);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof LineRejected rejected) {
                throw rejected;
            }
            throw new LineRejected(Reasons.INVALID_JSON);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new LineRejected(Reasons.NOT_A_JSON_OBJECT);
        }
        return object;
    }

    /** The member as text; null when absent or JSON null. @throws LineRejected when not a string */
    static String text(ObjectNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new LineRejected(Reasons.WRONG_FIELD_TYPE);
        }
        return value.textValue();
    }
}
