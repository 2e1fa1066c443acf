package io.drover.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.gate.Observation;
import io.drover.model.ExpectedApplication;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import io.drover.ops.RemoteCalls;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLException;

/**
 * Argo CD's REST API, the two calls the gate needs: get an Application, and get it after a
 * refresh (Argo CD answers once its controller has reconciled the app). Applications are asked
 * for together, so a slow Argo CD costs one timeout, not one per application. Every way a call
 * can go wrong ends as {@link Observation.Unreadable} with the reason and what to do about it.
 */
public final class ArgoCdClient implements ArgoCdApplications {

    /** gRPC's NotFound, in the body of Argo CD's own 404s. */
    private static final int NOT_FOUND = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArgoCdSettings settings;
    private final HttpClient http;

    private final RemoteCalls calls;

    public ArgoCdClient(ArgoCdSettings settings) {
        this(settings, RemoteCalls.NONE);
    }

    /** Reports each request (method, outcome, time) to {@code calls}. */
    public ArgoCdClient(ArgoCdSettings settings, RemoteCalls calls) {
        this.settings = settings;
        this.calls = calls;
        // HTTP/1.1: no h2c upgrade for proxies in front of a plain-HTTP dev Argo CD to stumble on.
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout());
        if (settings.insecure()) {
            builder.sslContext(TrustAnyCertificate.context());
        }
        this.http = builder.build();
    }

    @Override
    public Map<String, Observation> look(List<ExpectedApplication> apps) {
        return all(apps, false);
    }

    /** Asks Argo CD to refresh each application ({@code refresh=normal}) and returns what it reports after. */
    @Override
    public Map<String, Observation> refresh(List<ExpectedApplication> apps) {
        return all(apps, true);
    }

    private Map<String, Observation> all(List<ExpectedApplication> apps, boolean refresh) {
        Map<String, CompletableFuture<Observation>> pending = new LinkedHashMap<>();
        for (ExpectedApplication app : apps) {
            long started = System.nanoTime();
            pending.put(app.name(), http.sendAsync(request(app, refresh), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> calls.request("argocd", "GET",
                            response != null ? RemoteCalls.outcome(response.statusCode())
                                    : failure instanceof java.net.http.HttpTimeoutException
                                            || failure.getCause() instanceof java.net.http.HttpTimeoutException ? "timeout" : "error",
                            java.time.Duration.ofNanos(System.nanoTime() - started)))
                    .thenApply(response -> observation(app, response))
                    .exceptionally(failure -> unreachable(app, refresh, failure)));
        }
        Map<String, Observation> observations = new LinkedHashMap<>();
        pending.forEach((name, future) -> observations.put(name, future.join()));
        return observations;
    }

    private HttpRequest request(ExpectedApplication app, boolean refresh) {
        // With the project named, Argo CD answers 404 for a missing app; without it, 403 (not to leak names).
        StringBuilder query = new StringBuilder("projects=").append(encoded(app.project()));
        settings.appNamespace().ifPresent(ns -> query.append("&appNamespace=").append(encoded(ns)));
        if (refresh) {
            query.append("&refresh=normal");
        }
        return HttpRequest.newBuilder(URI.create(settings.url() + "/api/v1/applications/" + encoded(app.name()) + "?" + query))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private Observation observation(ExpectedApplication app, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            try {
                return new Observation.Found(ApplicationReader.read(response.body()));
            } catch (ApplicationReader.UnreadableApplication e) {
                return new Observation.Unreadable("Argo CD's answer about " + app.name() + " is unreadable: " + e.getMessage());
            }
        }
        if (status == 404 && errorCode(response.body()) == NOT_FOUND) {
            return new Observation.Absent();
        }
        String said = errorMessage(response.body());
        if (status == 404) {
            return new Observation.Unreadable("Argo CD answered 404 for " + app.name() + " without saying that the "
                    + "application does not exist (" + said + "); is drover.argocd.url " + settings.url() + " Argo CD's API server?");
        }
        if (status == 401) {
            return new Observation.Unreadable("Argo CD refused Drover's token (401: " + said + "); set drover.argocd.token "
                    + "to a valid API token");
        }
        if (status == 403) {
            return new Observation.Unreadable("Argo CD denied Drover " + app.name() + " in project " + app.project() + " (403: "
                    + said + "); the token's account needs get on applications in that project, or the application "
                    + "is in another project than its ApplicationSet template says");
        }
        return new Observation.Unreadable("Argo CD answered " + status + " about " + app.name() + ": " + said);
    }

    private Observation unreachable(ExpectedApplication app, boolean refresh, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return new Observation.Unreadable((refresh ? "Drover asked Argo CD to refresh " + app.name() + " and it"
                    : "Argo CD at " + settings.url()) + " did not answer within "
                    + settings.timeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT) + " (drover.argocd.timeout)");
        }
        if (cause instanceof SSLException) {
            return new Observation.Unreadable("no trusted TLS connection to Argo CD at " + settings.url() + ": "
                    + cause.getMessage() + "; for a dev server with a self-signed certificate set drover.argocd.insecure=true");
        }
        if (cause instanceof IOException) {
            return new Observation.Unreadable("cannot reach Argo CD at " + settings.url() + ": " + cause);
        }
        throw new CompletionException(cause);
    }

    /** The gRPC code of Argo CD's error body ({@code runtimeError}), or -1 when the body is not one. */
    private static int errorCode(String body) {
        JsonNode code = errorBody(body).path("code");
        return code.isInt() ? code.asInt() : -1;
    }

    private static String errorMessage(String body) {
        JsonNode message = errorBody(body).path("message");
        if (message.isTextual() && !message.asText().isBlank()) {
            return message.asText();
        }
        String text = body == null ? "" : body.strip();
        return text.isEmpty() ? "no message" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static JsonNode errorBody(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
