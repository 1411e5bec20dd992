package io.fleetguard.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a failed registry exchange into a {@link SchemaRegistryException} whose message says
 * what was attempted, where, the HTTP status, what it means and the registry's own
 * {@code error_code}/{@code message}. Inputs never include credentials, so neither do messages.
 */
final class RegistryErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_CHARS = 200;

    private RegistryErrors() {
    }

    /** What a request does, in words, and what a 404 means for it. */
    record Action(String description, String notFoundMeaning) {
    }

    static SchemaRegistryException forStatus(Action action, URI uri, int status, String body, int attempts) {
        JsonNode error = parse(body);
        int errorCode = error.path("error_code").asInt(0);
        String message = "Cannot " + action.description() + " at " + uri + ": HTTP " + status + ", "
            + meaning(action, status, errorCode) + detail(error, body) + suffix(attempts);
        return new SchemaRegistryException(message, status, errorCode);
    }

    static SchemaRegistryException unreachable(Action action, List<URI> tried, IOException cause, int attempts) {
        String where = tried.stream().map(URI::toString).collect(Collectors.joining(", "));
        String reason = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        String message = "Cannot " + action.description() + ": Schema Registry unreachable at " + where
            + " (" + reason + ")" + suffix(attempts);
        return new SchemaRegistryException(message, 0, 0, cause);
    }

    private static String meaning(Action action, int status, int errorCode) {
        return switch (status) {
            case 401 -> "authentication failed (check " + SerdeConfig.BASIC_AUTH_USER_INFO + ")";
            case 403 -> "not authorized for this subject or operation";
            case 404 -> action.notFoundMeaning() != null ? action.notFoundMeaning() : notFound(errorCode);
            case 409 -> "schema is incompatible with an earlier version under this subject";
            case 422 -> "invalid schema (rejected as unprocessable)";
            case 429 -> "rate limited";
            default -> status >= 500 ? "registry server error" : "unexpected answer";
        };
    }

    private static String notFound(int errorCode) {
        return switch (errorCode) {
            case 40401 -> "subject not found";
            case 40402 -> "version not found";
            case 40403 -> "schema not found";
            default -> "not found";
        };
    }

    private static String detail(JsonNode error, String body) {
        if (error.has("error_code") || error.has("message")) {
            return " (error_code " + error.path("error_code").asText("?") + ": " + error.path("message").asText("") + ")";
        }
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return " (body: " + (text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) + "..." : text) + ")";
    }

    private static String suffix(int attempts) {
        return attempts > 1 ? " after " + attempts + " attempts" : "";
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            // Proxies and load balancers answer with HTML; the raw body is shown instead.
            return JSON.createObjectNode();
        }
    }
}
