package io.fleetguard.topology;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How an activity waits in the event-order buffer: one format byte, then Avro binary under the
 * schema compiled into this build (the buffer holds a grace period of events and is never read by
 * another version's schema registry subject, so no schema id is needed). A build whose schemas
 * change must bump {@link #FORMAT}; a buffer written by another format fails loudly.
 */
final class EventOrderCodec {

    static final byte FORMAT = 1;
    private final List<SpecificDatumWriter<SpecificRecord>> writers = new ArrayList<>();
    private final List<SpecificDatumReader<SpecificRecord>> readers = new ArrayList<>();
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    /** One per processor: the readers, writers and coders are reused and not thread-safe. */
    EventOrderCodec() {
        for (ActivityInput input : ActivityInput.values()) {
            writers.add(new SpecificDatumWriter<>(input.schema()));
            readers.add(new SpecificDatumReader<>(input.schema()));
        }
    }

    byte[] encode(SpecificRecord event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(FORMAT);
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        try {
            writers.get(ActivityInput.of(event).rank()).write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    SpecificRecord decode(int rank, byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new IllegalStateException("event-order buffer entry of format " + (bytes.length == 0 ? "none" : bytes[0])
                    + ", this build reads " + FORMAT + "; reset the application's state to upgrade");
        }
        decoder = DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, decoder);
        try {
            return readers.get(rank).read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
