package io.fleetguard.serde;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory Schema Registry for the embedded mode and tests. Like a real registry, a
 * schema gets one global id (from 1) however many subjects it is registered under, and
 * registering a schema a subject already has returns the existing id. There is no
 * compatibility checking. Instances are thread-safe.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

    private final String url;
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();

    /** @param url how errors name this registry, e.g. {@code mock://demo} */
    public MockSchemaRegistry(String url) {
        this.url = url;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = idsBySchema.computeIfAbsent(schema, s -> {
            int next = idsBySchema.size() + 1;
            schemasById.put(next, s);
            return next;
        });
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        Integer id = idsBySchema.get(schema);
        if (id == null || !versionsBySubject.getOrDefault(subject, List.of()).contains(id)) {
            // Mirrors the REST answers: 40401 for an unknown subject, 40403 for an unknown schema.
            int code = versionsBySubject.containsKey(subject) ? 40403 : 40401;
            throw new SchemaRegistryException("Cannot look up schema under subject '" + subject + "' at " + url
                + ": schema is not registered under this subject", 404, code);
        }
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Cannot fetch schema id " + id + " at " + url
                + ": schema not found", 404, 40403);
        }
        return schema;
    }

    @Override
    public String url() {
        return url;
    }

    /** The ids registered under {@code subject}, oldest first; empty for an unknown subject. */
    public synchronized List<Integer> versions(String subject) {
        return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
    }

    /** All subjects with at least one registered schema. */
    public synchronized List<String> subjects() {
        return versionsBySubject.keySet().stream().sorted().toList();
    }
}
