package io.drover.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.drover.status.RolloutsJson;
import io.drover.status.StatusBoard;
import io.drover.status.StatusPage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The status page of {@code drover serve} ({@code /}, and {@code /api/rollouts} as JSON) during the
 * demo, from the demo's own status board, on the JDK's small HTTP server: the demo runs without
 * the Quarkus container. Listens on the loopback interface only; the page is read-only.
 */
public final class StatusServer implements AutoCloseable {

    private final HttpServer server;

    private StatusServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code board} on {@code port} of 127.0.0.1; 0 takes a free port ({@link #url()} says which). */
    public static StatusServer start(int port, StatusBoard board) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        StatusPage page = new StatusPage();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "text/plain", "only GET\n");
            } else if (path.equals("/")) {
                answer(exchange, 200, "text/html; charset=utf-8", page.render(board.rollouts()));
            } else if (path.equals("/api/rollouts")) {
                answer(exchange, 200, "application/json", RolloutsJson.write(board.rollouts()));
            } else {
                answer(exchange, 404, "text/plain", "not found: the status page is at /, its JSON at /api/rollouts\n");
            }
        });
        server.start();
        return new StatusServer(server);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
