package io.fleetguard.topology;

import io.fleetguard.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterDeserializationHandlerTest {

    private final DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("in", 3, 42L, new byte[] {1}, new byte[] {0, 0, 0, 0, 7});

    {
        handler.configure(Map.of("errors.dead.letter.queue.topic.name", "dlq"));
    }

    @Test
    void shouldFailInsteadOfDeadLetteringWhenTheRegistryIsUnavailable() {
        Exception e = new SerializationException("cannot fetch schema 7",
                new SchemaRegistryException("503 from http://sr:8081", 503, 50301));

        DeserializationExceptionHandler.Response response = handler.handleError(context(), record, e);

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldDeadLetterWhenTheSchemaIdIsUnknown() {
        Exception e = new SerializationException("unknown schema id 7",
                new SchemaRegistryException("schema 7 not found at http://sr:8081", 404, 40403));

        DeserializationExceptionHandler.Response response = handler.handleError(context(), record, e);

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("dlq");
            assertThat(r.value()).isEqualTo(record.value());
            assertThat(new String(r.headers().lastHeader("fleetguard.dlq.reason").value())).isEqualTo("deserialization");
            assertThat(new String(r.headers().lastHeader("__streams.errors.offset").value())).isEqualTo("42");
        });
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            public String topic() { return "in"; }
            public int partition() { return 3; }
            public long offset() { return 42L; }
            public Headers headers() { return new RecordHeaders(); }
            public String processorNodeId() { return "auth-source"; }
            public TaskId taskId() { return new TaskId(0, 3); }
            public long timestamp() { return 1_000L; }
            public byte[] sourceRawKey() { return new byte[] {1}; }
            public byte[] sourceRawValue() { return new byte[] {0, 0, 0, 0, 7}; }
        };
    }
}
