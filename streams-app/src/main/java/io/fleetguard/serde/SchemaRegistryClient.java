package io.fleetguard.serde;

import org.apache.avro.Schema;

/**
 * The three Schema Registry operations an Avro serde needs, as documented by Confluent and
 * implemented by Redpanda, Karapace and Apicurio's ccompat API.
 *
 * <p>Implementations are thread-safe and cache in memory (subject + schema to id, id to
 * schema), so the per-record path makes no network call once a schema has been seen.
 * Failures are reported as {@link SchemaRegistryException}.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} ({@code POST /subjects/{s}/versions}); returns its id. */
    int register(String subject, Schema schema);

    /**
     * Returns the id of {@code schema} under {@code subject} ({@code POST /subjects/{s}}) without
     * registering it; a schema that is not registered is an error naming subject and registry.
     */
    int lookup(String subject, Schema schema);

    /** Returns the schema with global id {@code id} ({@code GET /schemas/ids/{id}}). */
    Schema getById(int id);

    /** Where this client points (base URLs or {@code mock://scope}), for error messages; never holds credentials. */
    String url();
}
