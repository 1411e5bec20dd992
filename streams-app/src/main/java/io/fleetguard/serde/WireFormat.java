package io.fleetguard.serde;

import org.apache.kafka.common.errors.SerializationException;

import java.io.ByteArrayOutputStream;

/**
 * The Confluent wire format every Schema Registry aware client reads and writes: magic byte
 * {@code 0x00}, the schema id as a 4-byte big-endian int, then the Avro binary encoding.
 */
public final class WireFormat {

    /** The only magic byte defined so far; anything else is not Schema Registry framing. */
    public static final byte MAGIC_BYTE = 0x00;

    /** Magic byte plus schema id: where the Avro payload starts. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Writes the 5-byte header for {@code schemaId} to {@code out}. */
    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /**
     * Checks the header of {@code data} and returns its schema id.
     *
     * @throws SerializationException when the input is shorter than the header or does not
     *                                start with the magic byte
     */
    public static int readSchemaId(String topic, byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException(prefix(topic) + "truncated: " + data.length
                + " bytes, need at least " + HEADER_SIZE + " (magic byte + 4-byte schema id)");
        }
        if (data[0] != MAGIC_BYTE) {
            // 0x7b ('{') usually means JSON was produced to an Avro topic; naming the byte helps.
            throw new SerializationException(prefix(topic) + "unknown magic byte "
                + String.format("0x%02x", data[0] & 0xff) + ", expected 0x00");
        }
        return ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    }

    /** The error for an Avro payload that the decoder could not read to the end. */
    public static SerializationException decodeFailure(String topic, int schemaId, Exception cause) {
        return new SerializationException("Cannot decode Avro payload from topic '" + topic
            + "' with schema id " + schemaId + ": truncated or corrupt ("
            + cause.getClass().getSimpleName() + ")", cause);
    }

    private static String prefix(String topic) {
        return "Cannot read Schema Registry wire format from topic '" + topic + "': ";
    }
}
