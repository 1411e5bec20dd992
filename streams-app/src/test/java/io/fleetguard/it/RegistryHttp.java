package io.fleetguard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test's own HTTP client for a Schema Registry (plain {@code java.net.http}, not FleetGuard's
 * REST client): HTTPS trusting one truststore, basic auth, every answer required to be 200.
 */
final class RegistryHttp {

    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String authorization;

    RegistryHttp(Path truststore, String truststorePassword, String user, String password) throws Exception {
        this.http = HttpClient.newBuilder().sslContext(trusting(truststore, truststorePassword)).build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A Confluent API call with the registry media type; the answer as JSON. */
    JsonNode send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Accept", MEDIA_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", MEDIA_TYPE);
        }
        return JSON.readTree(ok(method + " " + url, http.send(request.build(), HttpResponse.BodyHandlers.ofString())));
    }

    /** A plain GET; the body as text. */
    String get(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build();
        return ok("GET " + url, http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static String ok(String what, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static SSLContext trusting(Path truststore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
