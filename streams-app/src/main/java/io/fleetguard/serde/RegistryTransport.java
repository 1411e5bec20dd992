package io.fleetguard.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetguard.serde.RegistryErrors.Action;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one Schema Registry request: base URLs in order on connection failure, bounded
 * retries with exponential backoff on connection failures, 429 and 5xx (a 4xx will not
 * change by asking again), the registry media type and optional basic auth.
 */
final class RegistryTransport {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

    /** Caps the doubling so a long retry budget does not stall a stream thread for minutes. */
    private static final long MAX_BACKOFF_MS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(RegistryTransport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Waits between retries; tests substitute one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final List<URI> baseUrls;
    private final String authorization;
    private final Duration timeout;
    private final int maxRetries;
    private final long backoffMs;
    private final Sleeper sleeper;
    private final HttpClient http;

    /**
     * @param authorization the complete {@code Authorization} header value, or null; kept only
     *                      here and sent only in that header
     * @param ssl           the TLS context for https URLs, or null for the JVM default
     */
    RegistryTransport(List<URI> baseUrls, String authorization, SSLContext ssl, Duration timeout,
                      int maxRetries, long backoffMs, Sleeper sleeper) {
        this.baseUrls = List.copyOf(baseUrls);
        this.authorization = authorization;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.backoffMs = backoffMs;
        this.sleeper = sleeper;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder
            // HTTP/1.1: every registry speaks it, and no h2c upgrade dance through proxies.
            .version(HttpClient.Version.HTTP_1_1)
            // Never follow redirects: the Authorization header must not travel to another host.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /** Sends {@code body} (null for GET) to {@code path} and returns the parsed JSON answer. */
    JsonNode send(Action action, String method, String path, String body) {
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = attempt(action, method, path, body, attempt);
            if (outcome.answer() != null) {
                return outcome.answer();
            }
            if (!outcome.failure().isRetriable() || attempt > maxRetries) {
                throw outcome.failure();
            }
            backOff(attempt, outcome.failure());
        }
    }

    /** Either the registry's answer or why there is none. */
    private record Outcome(JsonNode answer, SchemaRegistryException failure) {
    }

    /** One attempt: the base URLs in order until one answers at all. */
    private Outcome attempt(Action action, String method, String path, String body, int attempt) {
        List<URI> unreachable = new ArrayList<>();
        IOException lastFailure = null;
        for (URI base : baseUrls) {
            URI uri = URI.create(base + path);
            try {
                HttpResponse<String> response = http.send(request(uri, method, body), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                return status >= 200 && status < 300
                    ? new Outcome(parse(action, uri, response.body()), null)
                    : new Outcome(null, RegistryErrors.forStatus(action, uri, status, response.body(), attempt));
            } catch (IOException e) {
                // Connection refused, reset, TLS failure or timeout: the next base URL may be alive.
                unreachable.add(uri);
                lastFailure = e;
            } catch (InterruptedException e) {
                throw new InterruptException(e);
            }
        }
        return new Outcome(null, RegistryErrors.unreachable(action, unreachable, lastFailure, attempt));
    }

    private HttpRequest request(URI uri, String method, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", MEDIA_TYPE);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", MEDIA_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void backOff(int attempt, SchemaRegistryException failure) {
        long delay = Math.min(MAX_BACKOFF_MS, backoffMs << Math.min(attempt - 1, 20));
        LOG.warn("{}; retry {} of {} in {} ms", failure.getMessage(), attempt, maxRetries, delay);
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }

    private static JsonNode parse(Action action, URI uri, String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException("Cannot " + action.description() + " at " + uri
                + ": answer is not JSON (" + e.getOriginalMessage() + ")", 200, 0, e);
        }
    }
}
