/**
 * Avro serialization over Schema Registry in the Confluent wire format: a REST client that
 * interoperates with Confluent Schema Registry, Redpanda, Karapace and Apicurio (ccompat),
 * an in-memory registry for {@code mock://} URLs, and a drop-in {@code SpecificAvroSerde}.
 */
package io.fleetguard.serde;
