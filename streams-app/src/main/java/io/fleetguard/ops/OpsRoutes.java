package io.fleetguard.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The three GET endpoints. An unknown path is 404; a known path with another method is 405. The
 * query string is ignored (Prometheus may add one).
 */
final class OpsRoutes implements HttpHandler {

    /** Prometheus text exposition format 0.0.4, what PrometheusMeterRegistry.scrape() writes. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);

    private final Map<String, Supplier<Response>> routes;

    OpsRoutes(Supplier<String> scrape, Health health) {
        this.routes = Map.of(
                "/metrics", () -> new Response(200, PROMETHEUS_TEXT, scrape.get()),
                "/health/live", () -> probe(health.live()),
                "/health/ready", () -> probe(health.ready()));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, respond(exchange.getRequestMethod(), exchange.getRequestURI().getPath()));
        }
    }

    private Response respond(String method, String path) {
        Supplier<Response> route = routes.get(path);
        if (route == null) {
            return new Response(404, TEXT, "not found\n");
        }
        if (!"GET".equals(method)) {
            return new Response(405, TEXT, "method not allowed\n");
        }
        try {
            return route.get();
        } catch (RuntimeException e) {
            LOG.warn("Answering {} failed", path, e);
            return new Response(500, TEXT, "internal error\n");
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        if (response.status() == 405) {
            exchange.getResponseHeaders().set("Allow", "GET");
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Response probe(Health.Probe probe) {
        return new Response(probe.httpStatus(), JSON, probe.json() + "\n");
    }

    private record Response(int status, String contentType, String body) {
    }
}
