package io.fleetguard.ops;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpsServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    private final AtomicBoolean failed = new AtomicBoolean();
    private final OpsServer server = OpsServer.start("127.0.0.1", 0, () -> "fleetguard_alerts_total 3.0\n",
            new Health(state::get, failed::get));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldBeReadyOnlyWhileRunning() throws Exception {
        // Given a client that is rebalancing
        state.set(State.REBALANCING);
        // Then not ready, yet alive
        assertThat(get("/health/ready")).isEqualTo("503 application/json {\"status\":\"DOWN\",\"state\":\"REBALANCING\"}\n");
        assertThat(get("/health/live")).isEqualTo("200 application/json {\"status\":\"UP\",\"state\":\"REBALANCING\"}\n");

        // When it runs
        state.set(State.RUNNING);
        assertThat(get("/health/ready")).isEqualTo("200 application/json {\"status\":\"UP\",\"state\":\"RUNNING\"}\n");

        // And while it shuts down it is not ready any more
        state.set(State.PENDING_SHUTDOWN);
        assertThat(get("/health/ready")).isEqualTo("503 application/json {\"status\":\"DOWN\",\"state\":\"PENDING_SHUTDOWN\"}\n");
    }

    @Test
    void shouldNotBeLiveInErrorNorAfterAFailure() throws Exception {
        state.set(State.PENDING_ERROR);
        assertThat(get("/health/live")).isEqualTo("503 application/json {\"status\":\"DOWN\",\"state\":\"PENDING_ERROR\"}\n");
        state.set(State.ERROR);
        assertThat(get("/health/live")).isEqualTo("503 application/json {\"status\":\"DOWN\",\"state\":\"ERROR\"}\n");

        // A client closed after its failure is NOT_RUNNING, but still not live
        failed.set(true);
        state.set(State.NOT_RUNNING);
        assertThat(get("/health/live")).isEqualTo("503 application/json {\"status\":\"DOWN\",\"state\":\"NOT_RUNNING\"}\n");
    }

    @Test
    void shouldServeTheScrapeAsPrometheusText() throws Exception {
        assertThat(get("/metrics")).isEqualTo("200 text/plain; version=0.0.4; charset=utf-8 fleetguard_alerts_total 3.0\n");
        assertThat(get("/metrics?name[]=fleetguard_alerts_total")).startsWith("200 ");
    }

    @Test
    void shouldAnswer404ForUnknownPathsAnd405ForOtherMethods() throws Exception {
        assertThat(get("/")).isEqualTo("404 text/plain; charset=utf-8 not found\n");
        assertThat(get("/metrics/")).startsWith("404 ");
        assertThat(get("/health")).startsWith("404 ");

        HttpResponse<String> post = HTTP.send(request("/metrics").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        HttpResponse<String> delete = HTTP.send(request("/health/ready").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(405);
    }

    @Test
    void shouldFailClearlyWhenThePortIsInUse() {
        int taken = server.address().getPort();

        assertThatThrownBy(() -> OpsServer.start("127.0.0.1", taken, () -> "", new Health(state::get, failed::get)))
                .isInstanceOf(EndpointBindException.class)
                .hasMessageStartingWith("Cannot serve metrics and health on 127.0.0.1:" + taken + " (")
                .hasMessageEndingWith("); set metrics.http.port to a free port, 0 for any free port or -1 for no endpoints");
    }

    @Test
    void shouldStopAnsweringOnClose() {
        server.close();

        assertThatThrownBy(() -> get("/health/live")).isInstanceOf(ConnectException.class);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("") + " " + r.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path));
    }
}
