package io.drover.testing.argocd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.drover.testing.CheckedInteractions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Argo CD's API server for tests, on a WireMock server on a random loopback port (HTTP, and HTTPS
 * with WireMock's self-signed certificate). It serves GET /api/v1/applications/{name} with and
 * without {@code refresh=normal}, for one bearer token; any other token gets Argo CD's 401, an
 * application not set up gets Argo CD's 404. Every request and answer is checked against Argo
 * CD's swagger: call {@link #assertValidationPassed()} at the end of a test.
 */
public final class StubArgoCd {

    public static final String TOKEN = "argocd-api-token-for-drover";
    private static final int LOW = 10;

    private final WireMockServer server;
    private final CheckedInteractions contract = new CheckedInteractions(ArgoCdContract.validator());
    private final Map<String, StubMapping> looks = new HashMap<>();
    private final Map<String, StubMapping> refreshes = new HashMap<>();

    public StubArgoCd() {
        server = new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        server.addMockServiceRequestListener(contract);
    }

    public void start() {
        server.start();
        server.stubFor(get(urlPathMatching("/api/v1/applications/[^/]+")).atPriority(LOW)
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(error(404, 5, "applications.argoproj.io not found")));
        server.stubFor(get(urlPathMatching("/api/v1/.*")).atPriority(LOW + 1)
                .willReturn(error(401, 16, "invalid session: token signature is invalid")));
    }

    public void stop() {
        server.stop();
    }

    /** Forgets every application, request and check: a fresh Argo CD for the next test. */
    public void reset() {
        looks.values().forEach(server::removeStub);
        refreshes.values().forEach(server::removeStub);
        looks.clear();
        refreshes.clear();
        server.resetRequests();
        contract.reset();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The same server over TLS, with a certificate no client trusts. */
    public String httpsUrl() {
        return "https://127.0.0.1:" + server.httpsPort();
    }

    /** From now on, GET of the application answers this (and a refresh too, unless {@link #afterRefresh} says otherwise). */
    public void serve(String name, ApplicationJson app) {
        replace(looks, name, request(name).withQueryParam("refresh", absent()), ok(app));
        replace(refreshes, name, request(name).withQueryParam("refresh", equalTo("normal")), ok(app));
    }

    /** What a refresh of the application answers once Argo CD has reconciled it. */
    public void afterRefresh(String name, ApplicationJson app) {
        afterRefresh(name, app, Duration.ZERO);
    }

    /** What a refresh answers, after Argo CD took {@code reconciling} to reconcile the application. */
    public void afterRefresh(String name, ApplicationJson app, Duration reconciling) {
        replace(refreshes, name, request(name).withQueryParam("refresh", equalTo("normal")),
                ok(app).withFixedDelay((int) reconciling.toMillis()));
    }

    /** The application is gone: Argo CD's 404. */
    public void remove(String name) {
        answerAll(name, null);
    }

    /** Every call about the application fails with this status and Argo CD's error body. */
    public void fail(String name, int status, int grpcCode, String message) {
        answerAll(name, error(status, grpcCode, message));
    }

    /** Answers 200 with a body that is not JSON. */
    public void garble(String name) {
        answerAll(name, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader(ArgoCdContract.FAULT_HEADER, "not JSON").withBody("<html><body>Bad gateway</body></html>"));
    }

    /** Answers as usual, but only after {@code delay}. */
    public void delay(String name, ApplicationJson app, Duration delay) {
        answerAll(name, ok(app).withFixedDelay((int) delay.toMillis()));
    }

    /** A 404 from something that is not Argo CD (a proxy in front of it, say): not Argo CD's error body. */
    public void notArgoCd(String name) {
        answerAll(name, aResponse().withStatus(404).withHeader("Content-Type", "text/html")
                .withHeader(ArgoCdContract.FAULT_HEADER, "not Argo CD")
                .withBody("<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center>"
                        + "<hr><center>nginx</center></body></html>"));
    }

    /** How often Drover asked Argo CD to refresh the application. */
    public int refreshRequests(String name) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path(name))).withQueryParam("refresh", equalTo("normal"))).size();
    }

    /** Every request Drover made about the application. */
    public List<LoggedRequest> requests(String name) {
        return server.findAll(getRequestedFor(urlPathEqualTo(path(name))));
    }

    public void assertValidationPassed() {
        contract.assertPassed(server.getAllServeEvents().size());
    }

    private void replace(Map<String, StubMapping> stubs, String name, MappingBuilder request, ResponseDefinitionBuilder answer) {
        StubMapping old = stubs.put(name, server.stubFor(request.willReturn(answer)));
        if (old != null) {
            server.removeStub(old);
        }
    }

    /** One answer to every call about the application, refreshes included; none: the catch-all 404. */
    private void answerAll(String name, ResponseDefinitionBuilder answer) {
        Optional.ofNullable(refreshes.remove(name)).ifPresent(server::removeStub);
        Optional.ofNullable(looks.remove(name)).ifPresent(server::removeStub);
        if (answer != null) {
            looks.put(name, server.stubFor(request(name).willReturn(answer)));
        }
    }

    private static MappingBuilder request(String name) {
        return get(urlPathEqualTo(path(name))).withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    private static String path(String name) {
        return "/api/v1/applications/" + name;
    }

    private static ResponseDefinitionBuilder ok(ApplicationJson app) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(app.json());
    }

    /** Argo CD's error body ({@code runtimeError}): gRPC code and message, the HTTP status from the code. */
    private static ResponseDefinitionBuilder error(int status, int grpcCode, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(ApplicationJson.JSON.createObjectNode().put("error", message).put("code", grpcCode)
                        .put("message", message).toString());
    }
}
