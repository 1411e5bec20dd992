package io.fleetguard.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetguard.serde.MockSchemaRegistry;
import io.fleetguard.serde.SchemaRegistryException;
import org.apache.avro.Schema;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three Schema Registry endpoints FleetGuard's client uses, over HTTP with basic auth, backed
 * by {@link MockSchemaRegistry}. It lives in the chaos JVM, which is never killed, so schema ids
 * stay valid across every kill and restart of the broker and the apps.
 */
final class ChaosRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGISTER = Pattern.compile("^/subjects/([^/]+)/versions$");
    private static final Pattern LOOKUP = Pattern.compile("^/subjects/([^/]+)$");
    private static final Pattern BY_ID = Pattern.compile("^/schemas/ids/(\\d+)$");

    private final MockSchemaRegistry store = new MockSchemaRegistry("chaos-registry");
    private final HttpServer server;
    private final String expectedAuthorization;

    ChaosRegistry(String userInfo) throws IOException {
        this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"error_code\":40101,\"message\":\"unauthorized\"}");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 200;
            String answer;
            try {
                answer = route(exchange.getRequestMethod(), path, body);
            } catch (SchemaRegistryException e) {
                status = 404;
                answer = "{\"error_code\":" + e.errorCode() + ",\"message\":\"not found\"}";
            } catch (RuntimeException e) {
                status = 500;
                answer = "{\"error_code\":50001,\"message\":\"error\"}";
            }
            answer(exchange, status, answer);
        }
    }

    private String route(String method, String path, String body) throws IOException {
        Matcher m;
        if ("GET".equals(method) && (m = BY_ID.matcher(path)).matches()) {
            Schema schema = store.getById(Integer.parseInt(m.group(1)));
            return JSON.createObjectNode().put("schema", schema.toString()).toString();
        }
        if ("POST".equals(method) && (m = REGISTER.matcher(path)).matches()) {
            return idAnswer(store.register(subject(m), schemaOf(body)));
        }
        if ("POST".equals(method) && (m = LOOKUP.matcher(path)).matches()) {
            return idAnswer(store.lookup(subject(m), schemaOf(body)));
        }
        throw new SchemaRegistryException("no such endpoint", 404, 40401);
    }

    private static String subject(Matcher m) {
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private static Schema schemaOf(String body) throws IOException {
        JsonNode node = JSON.readTree(body);
        return new Schema.Parser().parse(node.path("schema").asText());
    }

    private static String idAnswer(int id) {
        return "{\"id\":" + id + "}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
