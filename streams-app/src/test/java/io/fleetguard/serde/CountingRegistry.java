package io.fleetguard.serde;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;

/** Wraps a registry and records every call made to it, to prove what the serde caches. */
final class CountingRegistry implements SchemaRegistryClient {

    private final SchemaRegistryClient delegate;
    private final List<String> calls = new ArrayList<>();

    CountingRegistry(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        calls.add("register " + subject);
        return delegate.register(subject, schema);
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        calls.add("lookup " + subject);
        return delegate.lookup(subject, schema);
    }

    @Override
    public synchronized Schema getById(int id) {
        calls.add("getById " + id);
        return delegate.getById(id);
    }

    @Override
    public String url() {
        return delegate.url();
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
