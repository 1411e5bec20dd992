package io.fleetguard.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetguard.serde.RegistryErrors.Action;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link SchemaRegistryClient} over the Confluent REST API, using only the three endpoints that
 * Confluent Schema Registry, Redpanda, Karapace and Apicurio (ccompat) all document. Answers
 * are cached for the life of the client: ids and schemas are immutable once assigned.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final String url;
    private final RegistryTransport transport;
    private final ConcurrentMap<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Schema> schemas = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(SerdeConfig config) {
        this(config, Thread::sleep);
    }

    RestSchemaRegistryClient(SerdeConfig config, RegistryTransport.Sleeper sleeper) {
        List<URI> baseUrls = config.registryUrls().stream().map(RestSchemaRegistryClient::baseUrl).toList();
        if (baseUrls.isEmpty()) {
            throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL + " is required");
        }
        boolean tls = baseUrls.stream().anyMatch(u -> "https".equals(u.getScheme()));
        String authorization = authorization(config.secret(SerdeConfig.BASIC_AUTH_USER_INFO));
        this.url = String.join(",", baseUrls.stream().map(URI::toString).toList());
        this.transport = new RegistryTransport(baseUrls, authorization, tls ? SslContexts.create(config) : null,
            Duration.ofMillis(config.requestTimeoutMs()), config.maxRetries(), config.retryBackoffMs(), sleeper);
        LOG.info("Schema Registry client for {} (basic auth: {}, TLS: {})", url,
            authorization != null ? "yes" : "no", tls ? "yes" : "no");
    }

    @Override
    public int register(String subject, Schema schema) {
        return idFor(subject, schema, "/versions",
            new Action("register schema under subject '" + subject + "'", null));
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return idFor(subject, schema, "",
            new Action("look up schema under subject '" + subject + "'", "schema is not registered under this subject"));
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemas.get(id);
        if (cached != null) {
            return cached;
        }
        Action action = new Action("fetch schema id " + id, null);
        JsonNode answer = transport.send(action, "GET", "/schemas/ids/" + id, null);
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException("Cannot " + action.description() + " from " + url
                + ": it is a " + type + " schema, not AVRO", 200, 0);
        }
        try {
            Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
            Schema previous = schemas.putIfAbsent(id, schema);
            return previous != null ? previous : schema;
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("Cannot " + action.description() + " from " + url
                + ": not a valid Avro schema (" + e.getMessage() + ")", 200, 0, e);
        }
    }

    @Override
    public String url() {
        return url;
    }

    private int idFor(String subject, Schema schema, String pathSuffix, Action action) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
        // No "schemaType": AVRO is the default everywhere and older registries reject the field.
        JsonNode answer = transport.send(action, "POST", "/subjects/" + pathSegment(subject) + pathSuffix, body.toString());
        JsonNode id = answer.path("id");
        if (!id.canConvertToInt() || !id.isIntegralNumber()) {
            throw new SchemaRegistryException("Cannot " + action.description() + " at " + url
                + ": the answer has no integer id", 200, 0);
        }
        ids.putIfAbsent(key, id.intValue());
        schemas.putIfAbsent(id.intValue(), schema);
        LOG.debug("Schema id {} for subject '{}' from {}", id.intValue(), subject, url);
        return id.intValue();
    }

    private static URI baseUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL, shown(value), "not a URL");
        }
        if (uri.getRawUserInfo() != null) {
            // Do not echo the value: it holds a secret.
            throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL + " must not contain credentials; use "
                + SerdeConfig.BASIC_AUTH_USER_INFO);
        }
        if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL, shown(value), "expected http(s)://host[:port][/path]");
        }
        return uri;
    }

    /** A URL for an error message, unless it may carry user:password@ that failed to parse. */
    private static String shown(String value) {
        return value.contains("@") ? "[hidden]" : value;
    }

    private static String authorization(String userInfo) {
        if (userInfo == null) {
            return null;
        }
        if (userInfo.indexOf(':') < 0) {
            throw new ConfigException(SerdeConfig.BASIC_AUTH_USER_INFO + " must have the form user:password");
        }
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** Percent-encodes a subject for use as one path segment (URLEncoder is for forms: '+' for space). */
    private static String pathSegment(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
