package io.drover.forge.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import io.drover.ops.RemoteCalls;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Sends the library's requests with a request timeout (its default connector has none, so a
 * hung GitHub would hang the pass). A write that times out is not handed back as an IOException,
 * which the library would resend: it may have happened, so the pass ends and the next one looks.
 * GETs are conditional: an answer with an ETag is kept, and a 304 for it (which GitHub does not
 * count against the rate limit) is served from what was kept.
 */
final class TimedConnector implements GitHubConnector {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");

    private static final int CACHED_ANSWERS = 512;

    private final HttpClient client;
    private final Duration timeout;
    private final Map<String, Kept> kept = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                    return size() > CACHED_ANSWERS;
                }
            });

    /** A 200 answer to a GET, with the tag GitHub gave it. */
    private record Kept(String etag, Map<String, List<String>> headers, byte[] body) {
    }

    private final RemoteCalls calls;

    TimedConnector(Duration timeout) {
        this(timeout, RemoteCalls.NONE);
    }

    TimedConnector(Duration timeout, RemoteCalls calls) {
        this.timeout = timeout;
        this.calls = calls;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            GitHubConnectorResponse response = exchange(request);
            // A 304 is handed to the library as the kept 200; the metrics still see the 304 GitHub did not count.
            outcome = response instanceof Response r && r.notModified ? "3xx" : RemoteCalls.outcome(response.statusCode());
            String remaining = response.header("X-RateLimit-Remaining");
            if (remaining != null && remaining.matches("\\d{1,18}")) {
                calls.rateLimitRemaining(Long.parseLong(remaining));
            }
            return response;
        } catch (HttpTimeoutException e) {
            outcome = "timeout";
            throw e;
        } catch (UncheckedIOException e) {
            outcome = e.getCause() instanceof HttpTimeoutException ? "timeout" : "error";
            throw e;
        } finally {
            calls.request("github", request.method(), outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private GitHubConnectorResponse exchange(GitHubConnectorRequest request) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI()).timeout(timeout);
        } catch (URISyntaxException e) {
            throw new IOException("bad GitHub URL " + request.url(), e);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getValue() != null && !RESTRICTED.contains(header.getKey().toLowerCase())) {
                builder.header(header.getKey(), String.join(",", header.getValue()));
            }
        }
        HttpRequest.BodyPublisher body = request.hasBody() && request.body() != null
                ? HttpRequest.BodyPublishers.ofByteArray(request.body().readAllBytes())
                : HttpRequest.BodyPublishers.noBody();
        builder.method(request.method(), body);
        boolean get = "GET".equals(request.method());
        // The token is part of the key: what one identity may see is not served to another.
        String key = request.url() + " " + request.header("Authorization");
        Kept before = get ? kept.get(key) : null;
        if (before != null) {
            builder.header("If-None-Match", before.etag());
        }
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (before != null && response.statusCode() == 304) {
                Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                headers.putAll(before.headers());
                headers.putAll(response.headers().map()); // fresh rate-limit headers
                return new Response(request, 200, headers, before.body(), true);
            }
            String etag = response.headers().firstValue("ETag").orElse(null);
            if (get && response.statusCode() == 200 && etag != null) {
                kept.put(key, new Kept(etag, response.headers().map(), response.body()));
            }
            return new Response(request, response.statusCode(), response.headers().map(), response.body(), false);
        } catch (HttpTimeoutException e) {
            if (!"GET".equals(request.method())) {
                throw new UncheckedIOException("GitHub did not answer " + request.method() + " " + request.url().getPath()
                        + " within " + timeout.toSeconds() + "s; it may have happened", e);
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static final class Response extends GitHubConnectorResponse {
        private final byte[] body;
        private final boolean notModified;

        Response(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body, boolean notModified) {
            super(request, status, headers);
            this.body = body;
            this.notModified = notModified;
        }

        @Override
        public InputStream bodyStream() throws IOException {
            InputStream raw = new ByteArrayInputStream(body == null ? new byte[0] : body);
            return "gzip".equalsIgnoreCase(header("Content-Encoding")) ? new GZIPInputStream(raw) : raw;
        }

        @Override
        public void close() {
            // the body is already read
        }
    }
}
