package io.fleetguard.replay;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The exact inverse of {@code feed.JsonLines.encode}, generic over the Avro schema of a generated
 * class: field names as in the schema, enums by symbol, timestamps as ISO-8601 or epoch millis,
 * times of day as {@code HH:mm[:ss[.SSS]]}, optional fields omitted or null, nested records as
 * objects. A line that does not fit is a {@link MalformedRecordException} naming the field path;
 * unknown and duplicate field names are refused so that typos cannot pass unnoticed.
 *
 * <pre>{@code
 * AuthEvent e = JsonLinesDecoder.of(AuthEvent.class).decode(line);
 * }</pre>
 *
 * @param <T> the generated record class
 */
public final class JsonLinesDecoder<T extends SpecificRecord> {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Class<T> type;
    private final RecordDecoder decoder;

    private JsonLinesDecoder(Class<T> type) {
        this.type = type;
        this.decoder = new ValueDecoders(type.getClassLoader()).record(SpecificData.get().getSchema(type));
    }

    /** Builds the decoder for one generated class; reuse it, building walks the whole schema. */
    public static <T extends SpecificRecord> JsonLinesDecoder<T> of(Class<T> type) {
        return new JsonLinesDecoder<>(type);
    }

    public T decode(String line) throws MalformedRecordException {
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        return decode(utf8, 0, utf8.length);
    }

    public T decode(byte[] utf8, int offset, int length) throws MalformedRecordException {
        return decode(parse(utf8, offset, length));
    }

    public T decode(JsonNode node) throws MalformedRecordException {
        return type.cast(decoder.decode(node));
    }

    /** Parses one line as a single JSON value; syntax errors name the column, never the text. */
    static JsonNode parse(byte[] utf8, int offset, int length) throws MalformedRecordException {
        try {
            return MAPPER.readTree(utf8, offset, length);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedRecordException("not valid JSON" + (at == null ? "" : " at column " + at.getColumnNr())
                    + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MalformedRecordException("not readable JSON: " + e.getClass().getSimpleName());
        }
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
