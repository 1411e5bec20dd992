package io.fleetguard.topology;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import java.util.Map;

/**
 * A record that breaks the input contract ({@link InvalidRecordException}) or trips a bug in a
 * processor goes to the dead-letter topic with its original source bytes; processing goes on, so
 * one poison pill can never stop detection for the whole fleet.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    static final String PROCESSING_ERROR = "processing-error";

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        boolean contractViolation = exception instanceof InvalidRecordException;
        String reason = contractViolation ? ((InvalidRecordException) exception).reason() : PROCESSING_ERROR;
        return Response.resume(deadLetters.build(context, context.sourceRawKey(), context.sourceRawValue(),
                context.headers(), reason, exception, !contractViolation));
    }
}
