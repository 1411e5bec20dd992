package io.fleetguard.replay;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one JSON value into the Java value an Avro-generated class holds for one schema. */
@FunctionalInterface
interface ValueDecoder {

    /** @param node the JSON value, never Java null (a JSON null is a {@code NullNode}) */
    Object decode(JsonNode node) throws MalformedRecordException;
}
