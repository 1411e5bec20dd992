package io.fleetguard.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Schema Registry on an ephemeral loopback port that implements the three endpoints the
 * client uses with an in-memory store, records every request, and can be told to answer
 * with canned statuses (n times, then behave normally) or to demand basic auth.
 */
public final class FakeSchemaRegistry implements AutoCloseable {

    /** One request as the server saw it; header names are lower case. */
    public record Request(String method, String rawPath, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private record Canned(int status, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // Any base path (Apicurio serves the API under /apis/ccompat/v7) followed by the endpoint.
    private static final Pattern REGISTER = Pattern.compile("^(?:/.*?)?/subjects/([^/]+)/versions$");
    private static final Pattern LOOKUP = Pattern.compile("^(?:/.*?)?/subjects/([^/]+)$");
    private static final Pattern BY_ID = Pattern.compile("^(?:/.*?)?/schemas/ids/(\\d+)$");

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Canned> canned = new ArrayDeque<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private String requiredAuthorization;

    private FakeSchemaRegistry(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeSchemaRegistry start() throws IOException {
        return new FakeSchemaRegistry(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    static FakeSchemaRegistry startHttps(SSLContext ssl, boolean needClientAuth) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(parameters);
            }
        });
        return new FakeSchemaRegistry(https);
    }

    public String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code times} requests get this answer instead of the normal one. */
    synchronized void answer(int status, String body, int times) {
        for (int i = 0; i < times; i++) {
            canned.add(new Canned(status, body));
        }
    }

    public synchronized void answerError(int status, int errorCode, String message, int times) {
        answer(status, JSON.createObjectNode().put("error_code", errorCode).put("message", message).toString(), times);
    }

    public synchronized void requireBasicAuth(String user, String password) {
        requiredAuthorization = "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    synchronized int preRegister(String subject, String schema) {
        int id = idsBySchema.computeIfAbsent(schema, s -> {
            int next = idsBySchema.size() + 1;
            schemasById.put(next, s);
            return next;
        });
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Integer> versions(String subject) {
        return List.copyOf(subjects.getOrDefault(subject, List.of()));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers, body);
        requests.add(request);
        Canned answer = canned.isEmpty() ? route(request) : canned.poll();
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", RegistryTransport.MEDIA_TYPE);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Canned route(Request request) throws IOException {
        if (requiredAuthorization != null && !requiredAuthorization.equals(request.header("authorization"))) {
            return error(401, 401, "Unauthorized");
        }
        Matcher matcher;
        if ("POST".equals(request.method()) && (matcher = REGISTER.matcher(request.rawPath())).matches()) {
            int id = preRegister(decode(matcher.group(1)), JSON.readTree(request.body()).path("schema").asText());
            return new Canned(200, "{\"id\":" + id + "}");
        }
        if ("POST".equals(request.method()) && (matcher = LOOKUP.matcher(request.rawPath())).matches()) {
            return lookup(decode(matcher.group(1)), JSON.readTree(request.body()));
        }
        if ("GET".equals(request.method()) && (matcher = BY_ID.matcher(request.rawPath())).matches()) {
            String schema = schemasById.get(Integer.parseInt(matcher.group(1)));
            return schema == null
                ? error(404, 40403, "Schema " + matcher.group(1) + " not found")
                : new Canned(200, JSON.createObjectNode().put("schema", schema).toString());
        }
        return error(404, 404, "HTTP 404 Not Found");
    }

    private Canned lookup(String subject, JsonNode body) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null) {
            return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        Integer id = idsBySchema.get(body.path("schema").asText());
        if (id == null || !versions.contains(id)) {
            return error(404, 40403, "Schema not found");
        }
        return new Canned(200, JSON.createObjectNode().put("subject", subject).put("version", versions.indexOf(id) + 1)
            .put("id", id).put("schema", schemasById.get(id)).toString());
    }

    private static Canned error(int status, int errorCode, String message) {
        return new Canned(status, JSON.createObjectNode().put("error_code", errorCode).put("message", message).toString());
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
