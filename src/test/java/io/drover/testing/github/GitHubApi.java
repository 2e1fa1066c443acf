package io.drover.testing.github;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.drover.testing.github.Traffic.Fault;
import io.drover.testing.github.Traffic.Reply;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stub's GitHub: a WireMock transformer that answers every request, applies injected faults,
 * and adds the headers GitHub sends with every answer (rate limit, request id). One catch-all stub
 * sends everything here; {@link RepositoryRoutes} does the routing in plain Java.
 */
final class GitHubApi implements ResponseDefinitionTransformerV2 {

    static final String NAME = "drover-stub-github";

    private static final int RATE_LIMIT = 5000;
    private static final java.util.regex.Pattern TEAM_MEMBERSHIP =
            java.util.regex.Pattern.compile("/orgs/([^/]+)/teams/([^/]+)/memberships/([^/]+)");
    /** The GETs whose 304 answer the description declares; others always answer in full. */
    private static final java.util.regex.Pattern NOT_MODIFIED_DECLARED =
            java.util.regex.Pattern.compile("/rate_limit|/repos/[^/]+/[^/]+/(pulls|pulls/\\d+|issues/\\d+)");

    private final String owner;
    private final String name;
    private final FakeRepository repository;
    private final Traffic traffic;
    private final ContractCheck contract;
    private final Clock clock;
    private final long rateLimitReset;
    private final AtomicInteger rateLimitUsed = new AtomicInteger();
    private final AtomicLong requestIds = new AtomicLong(0x1000);
    private final List<Throwable> stubFailures = new CopyOnWriteArrayList<>();
    private final AtomicInteger notModified = new AtomicInteger();
    private volatile Duration timeoutDelay = Duration.ofSeconds(5);
    private volatile GitHubJson json;
    private volatile RepositoryRoutes routes;

    GitHubApi(String owner, String name, FakeRepository repository, Traffic traffic,
            ContractCheck contract, Clock clock) {
        this.owner = owner;
        this.name = name;
        this.repository = repository;
        this.traffic = traffic;
        this.contract = contract;
        this.clock = clock;
        this.rateLimitReset = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** The address is known only once the server listens; URLs in the answers point at it. */
    void serveAt(String apiUrl) {
        this.json = new GitHubJson(apiUrl, owner, name);
        this.routes = new RepositoryRoutes(repository, json);
    }

    void setTimeoutDelay(Duration delay) {
        this.timeoutDelay = delay;
    }

    /** How many conditional GETs were answered 304 Not Modified. */
    int notModifiedCount() {
        return notModified.get();
    }

    private static String sha256(String body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Throwable> stubFailures() {
        return List.copyOf(stubFailures);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        String method = request.getMethod().getName();
        String path = URI.create(request.getUrl()).getPath();
        traffic.record(new Traffic.Seen(method, path, request.getUrl()));
        if (!path.equals("/rate_limit")) {
            rateLimitUsed.incrementAndGet(); // GitHub does not count GET /rate_limit against the limit
        }
        Optional<Fault> fault = traffic.takeFault(method, path);
        boolean refused = fault.isPresent() && fault.get().refuses();
        Optional<Fault.Loss> lost = fault.map(Fault::lost);
        String requestId = "D00D:" + Long.toHexString(requestIds.incrementAndGet()).toUpperCase(Locale.ROOT);
        Reply reply;
        if (refused) {
            // Refused before it reached the repository: no state changes.
            reply = fault.get().failure();
            contract.markInjectedFault(requestId);
        } else {
            // A lost answer is served in full, then held back or dropped: the change happened on GitHub.
            reply = answer(request, method, path);
        }
        String etag = null;
        if (!refused && method.equals("GET") && reply.status() == 200 && reply.body() != null) {
            // GitHub tags what it serves; a request that names the current tag gets 304, uncounted.
            etag = "\"" + sha256(reply.body()) + "\"";
            if (etag.equals(request.getHeader("If-None-Match")) && NOT_MODIFIED_DECLARED.matcher(path).matches()) {
                rateLimitUsed.decrementAndGet();
                notModified.incrementAndGet();
                reply = new Reply(304, null, Map.of());
            }
        }
        Map<String, String> headers = commonHeaders(requestId);
        if (etag != null) {
            headers.put("ETag", etag);
        }
        reply.headers().forEach((header, value) -> {
            headers.keySet().removeIf(header::equalsIgnoreCase); // a fault's headers replace GitHub's usual ones
            headers.put(header, value);
        });
        ResponseDefinitionBuilder response = responseDefinition().withStatus(reply.status());
        headers.forEach(response::withHeader);
        if (reply.body() != null) {
            response.withBody(reply.body());
        }
        if (lost.equals(Optional.of(Fault.Loss.LATE))) {
            response.withFixedDelay((int) timeoutDelay.toMillis());
        } else if (lost.equals(Optional.of(Fault.Loss.DROPPED))) {
            response.withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
        }
        return response.build();
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Map<String, String> commonHeaders(String requestId) {
        int used = Math.min(rateLimitUsed.get(), RATE_LIMIT);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)));
        headers.put("X-GitHub-Api-Version-Selected", "2022-11-28");
        headers.put("X-GitHub-Media-Type", "github.v3; format=json");
        headers.put(ContractCheck.REQUEST_ID_HEADER, requestId);
        headers.put("X-RateLimit-Limit", String.valueOf(RATE_LIMIT));
        headers.put("X-RateLimit-Remaining", String.valueOf(RATE_LIMIT - used));
        headers.put("X-RateLimit-Reset", String.valueOf(rateLimitReset));
        headers.put("X-RateLimit-Used", String.valueOf(used));
        headers.put("X-RateLimit-Resource", "core");
        return headers;
    }

    private Reply answer(LoggedRequest request, String method, String path) {
        if (path.equals("/rate_limit") && method.equals("GET")) {
            return Reply.json(200, json.rateLimit(RATE_LIMIT, Math.min(rateLimitUsed.get(), RATE_LIMIT), rateLimitReset));
        }
        if (path.equals("/user") && method.equals("GET")) {
            return Reply.json(200, json.authenticatedUser());
        }
        try {
            synchronized (repository) { // read and render one consistent state
                java.util.regex.Matcher team = TEAM_MEMBERSHIP.matcher(path);
                if (team.matches() && method.equals("GET")) {
                    String login = decode(team.group(3));
                    // The description declares this 404 without a body (GitHub itself sends a basic-error,
                    // which the adapter does not read): answered as declared, so the check holds.
                    return repository.teamMembership(decode(team.group(1)), decode(team.group(2)), login)
                            .map(m -> Reply.json(200, json.teamMembership(m.getKey(), login, m.getValue())))
                            .orElse(new Reply(404, null, Map.of()));
                }
                return routes.answer(request, method, path);
            }
        } catch (GitHubError e) {
            return Reply.json(e.status, e.body);
        } catch (RuntimeException e) {
            // A bug in the stub or in the test's merge handler: fail the test, not only this request.
            stubFailures.add(e);
            return Reply.json(500, GitHubError.basicBody("StubGitHub failed: " + e, "https://docs.github.com/rest"));
        }
    }

}
