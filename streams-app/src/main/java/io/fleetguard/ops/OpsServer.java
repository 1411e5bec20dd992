package io.fleetguard.ops;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The operations endpoints of one instance on the JDK's own HTTP server (no web framework):
 * {@code GET /metrics} in Prometheus text format, {@code GET /health/live}, {@code GET /health/ready}.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens on {@code host:port} (port 0: any free port) and serves until {@link #close()}.
     *
     * @throws EndpointBindException when the address cannot be bound, e.g. the port is in use
     */
    public static OpsServer start(String host, int port, Supplier<String> scrape, Health health) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw cannotServe(host, port, "unknown host", null);
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw cannotServe(host, port, e.getMessage(), e);
        }
        // Two threads: a slow scrape must not hold up a health probe.
        ExecutorService executor = Executors.newFixedThreadPool(2, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new OpsRoutes(scrape, health));
        server.start();
        OpsServer ops = new OpsServer(server, executor);
        LOG.info("Serving /metrics, /health/live and /health/ready on http://{}:{}", host, ops.address().getPort());
        return ops;
    }

    /** The bound address; its port is the real one when 0 was asked for. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops listening at once; requests in flight are cut short. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        LOG.info("Stopped serving metrics and health");
    }

    private static EndpointBindException cannotServe(String host, int port, String why, Throwable cause) {
        return new EndpointBindException("Cannot serve metrics and health on " + host + ":" + port + " (" + why
                + "); set metrics.http.port to a free port, 0 for any free port or -1 for no endpoints", cause);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "fleetguard-ops-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
