package io.fleetguard.topology;

import io.fleetguard.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A record whose bytes cannot be decoded goes to the dead-letter topic as it came; processing goes
 * on. Except when the Schema Registry is unreachable or failing (5xx, 429, I/O): then the record is
 * fine and the registry is not, so the instance fails instead of dead-lettering good data; it
 * resumes from the same offset once restarted.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (registryUnavailable(exception)) {
            LOG.error("Schema Registry unavailable while decoding {}-{}@{}; stopping rather than dead-lettering good records",
                    context.topic(), context.partition(), context.offset(), exception);
            return Response.fail();
        }
        return Response.resume(deadLetters.build(context, record.key(), record.value(), record.headers(),
                RecordValidator.DESERIALIZATION, exception, false));
    }

    static boolean registryUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException sre && sre.isRetriable()) {
                return true;
            }
        }
        return false;
    }
}
