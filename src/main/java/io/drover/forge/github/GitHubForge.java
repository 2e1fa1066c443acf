package io.drover.forge.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.drover.ops.RemoteCalls;
import io.drover.forge.Comment;
import io.drover.forge.CommitStatus;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.Issue;
import io.drover.forge.MergeReadiness;
import io.drover.forge.NewPullRequest;
import io.drover.forge.PullRequest;
import io.drover.forge.RepositoryPermission;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

/**
 * The GitHub adapter, on the GitHub API for Java. Its types stay in this package. Errors become
 * {@link ForgeException}s; when GitHub says when to come back, the exception carries it. Nothing
 * is retried here: a write whose answer was lost is found again by the next pass, not repeated.
 */
public final class GitHubForge implements Forge {

    /**
     * How long a team membership answer is remembered. Each pass answers one command per rollout,
     * so a burst of comments from the same people would otherwise ask GitHub once per comment; in
     * exchange, someone taken off a team keeps its rights for at most this long.
     */
    static final Duration MEMBERSHIP_TTL = Duration.ofMinutes(1);
    private static final int MEMBERSHIPS_KEPT = 1_000;

    private final GitHub github;
    private final String repositoryName;
    private final String owner;
    private final String base;
    private final WriteSpacing spacing;
    private final RawApi raw;
    private final Map<Integer, GHPullRequest> seen = new ConcurrentHashMap<>();
    private volatile GHRepository repository;
    /** The token user's login once asked (empty: the token has none); null before. */
    private volatile Optional<String> login;
    /** Answers only: a failed request is asked again next time. Keys in lower case, as GitHub compares them. */
    private final Cache<String, Boolean> memberships;

    private GitHubForge(GitHub github, RawApi raw, String repositoryName, String base, Duration writeSpacing, Clock clock) {
        this.github = github;
        this.memberships = Caffeine.newBuilder().expireAfterWrite(MEMBERSHIP_TTL).maximumSize(MEMBERSHIPS_KEPT)
                .ticker(() -> clock.millis() * 1_000_000L).build();
        this.raw = raw;
        this.repositoryName = repositoryName;
        this.owner = repositoryName.substring(0, repositoryName.indexOf('/'));
        this.base = base;
        this.spacing = new WriteSpacing(writeSpacing);
    }

    /**
     * @param apiUrl the REST API root: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server
     * @param repositoryName owner/name
     */
    public static GitHubForge connect(String apiUrl, String token, String repositoryName, String base, Duration writeSpacing,
            Duration requestTimeout, Clock clock) throws ForgeException {
        return connect(apiUrl, token, repositoryName, base, writeSpacing, requestTimeout, clock, RemoteCalls.NONE);
    }

    /** As above, reporting each request (method, outcome, time) and the rate limit left to {@code calls}. */
    public static GitHubForge connect(String apiUrl, String token, String repositoryName, String base, Duration writeSpacing,
            Duration requestTimeout, Clock clock, RemoteCalls calls) throws ForgeException {
        if (!repositoryName.matches("[^/\\s]+/[^/\\s]+")) {
            throw new ForgeException("drover.github.repository must be owner/name, not '" + repositoryName + "'", Optional.empty(), null);
        }
        try {
            // A login with the token spares the library a GET /user at build time.
            TimedConnector connector = new TimedConnector(requestTimeout, calls);
            GitHub github = new GitHubBuilder().withEndpoint(apiUrl).withOAuthToken(token, "drover")
                    .withConnector(connector)
                    .withRateLimitHandler(LimitHandlers.primary(clock))
                    .withAbuseLimitHandler(LimitHandlers.secondary(clock))
                    .build();
            return new GitHubForge(github, new RawApi(connector, apiUrl, token), repositoryName, base, writeSpacing, clock);
        } catch (IOException e) {
            throw failure("connect to " + apiUrl, e);
        }
    }

    @Override
    public List<PullRequest> openPullRequests(String headPrefix) throws ForgeException {
        return call("list open pull requests", () -> repository().queryPullRequests().state(GHIssueState.OPEN).base(base)
                .list().withPageSize(100).toList().stream()
                .filter(pr -> pr.getHead().getRef().startsWith(headPrefix)).map(this::view).toList());
    }

    @Override
    public Optional<PullRequest> findByHead(String head) throws ForgeException {
        return call("find the pull request of " + head, () -> repository().queryPullRequests().state(GHIssueState.ALL)
                .head(owner + ":" + head).base(base).list().toList().stream()
                .max(Comparator.comparingInt(GHPullRequest::getNumber)).map(this::view));
    }

    @Override
    public PullRequest open(NewPullRequest request) throws ForgeException {
        return call("open a pull request from " + request.head(), () -> {
            spacing.beforeWrite();
            GHPullRequest pr = repository().createPullRequest(request.title(), request.head(), request.base(), request.body());
            if (!request.labels().isEmpty()) {
                spacing.beforeWrite();
                pr.addLabels(request.labels().toArray(String[]::new));
            }
            return view(pr);
        });
    }

    @Override
    public void status(String sha, CommitStatus status) throws ForgeException {
        call("set status " + status.context() + " on " + sha, () -> {
            spacing.beforeWrite();
            repository().createCommitStatus(sha, GHCommitState.valueOf(status.state().name()), null, status.description(),
                    status.context());
            return null;
        });
    }

    @Override
    public void addLabels(int number, List<String> labels) throws ForgeException {
        call("label #" + number, () -> {
            spacing.beforeWrite();
            pullRequest(number).addLabels(labels.toArray(String[]::new));
            return null;
        });
    }

    /**
     * One DELETE of that label, so that labels others add meanwhile stay. GitHub answers 404 when
     * the issue does not carry it: already done.
     */
    @Override
    public void removeLabel(int number, String label) throws ForgeException {
        call("unlabel #" + number, () -> {
            spacing.beforeWrite();
            // A label name may hold a slash (drover/paused): encoded, it stays one path segment.
            raw.delete(repositoryPath() + "/issues/" + number + "/labels/" + pathSegment(label), 200, 404);
            return null;
        });
    }

    private static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** GitHub takes title and body in separate requests here; only what differs from the last answer is sent. */
    @Override
    public void edit(int number, String title, String body) throws ForgeException {
        call("edit #" + number, () -> {
            GHPullRequest pr = pullRequest(number);
            if (!title.equals(pr.getTitle())) {
                spacing.beforeWrite();
                pr.setTitle(title);
            }
            if (!body.equals(pr.getBody())) {
                spacing.beforeWrite();
                pr.setBody(body);
            }
            return null;
        });
    }

    @Override
    public void comment(int number, String body) throws ForgeException {
        call("comment on #" + number, () -> {
            spacing.beforeWrite();
            GHPullRequest pr = seen.get(number);
            if (pr != null) {
                pr.comment(body);
            } else {
                repository().getIssue(number).comment(body);
            }
            return null;
        });
    }

    /** Read raw: the library drops {@code performed_via_github_app}, the mark of an app acting for a user. */
    @Override
    public List<Comment> comments(int number) throws ForgeException {
        return call("read the comments of #" + number, () -> raw.list(repositoryPath() + "/issues/" + number + "/comments?per_page=100")
                .stream().map(GitHubForge::comment).toList());
    }

    private static Comment comment(JsonNode json) {
        JsonNode user = json.path("user");
        boolean bot = "Bot".equals(user.path("type").asText()) || json.path("performed_via_github_app").isObject();
        return new Comment(json.path("id").asLong(), user.path("login").asText(""), json.path("body").asText(""),
                user.path("id").asLong(), bot, Instant.parse(json.path("created_at").asText()),
                Instant.parse(json.path("updated_at").asText()), json.path("html_url").asText(""));
    }

    /** Read raw: the library keeps {@code permission} but drops {@code role_name} (maintain, triage, custom roles). */
    @Override
    public RepositoryPermission permission(String login) throws ForgeException {
        return call("read the permission of " + login, () -> raw.find(repositoryPath() + "/collaborators/"
                + URLEncoder.encode(login, StandardCharsets.UTF_8) + "/permission")
                .map(json -> new RepositoryPermission(json.path("user").path("login").asText(login),
                        json.path("user").path("id").asLong(), json.path("permission").asText("none"),
                        json.path("role_name").asText(json.path("permission").asText("none"))))
                .orElse(RepositoryPermission.none(login)));
    }

    /**
     * Read raw: the library's {@code GHTeam.hasMember} asks another endpoint, counts a pending
     * invitation as membership and turns every error into "no". Here 404 (no member, or a team the
     * token cannot see) is false, and any other failure is a {@link ForgeException}.
     */
    @Override
    public boolean isActiveTeamMember(String org, String teamSlug, String login) throws ForgeException {
        String key = (org + "/" + teamSlug + "/" + login).toLowerCase(Locale.ROOT);
        Boolean known = memberships.getIfPresent(key);
        if (known != null) {
            return known;
        }
        boolean active = call("read whether " + login + " is a member of team " + org + "/" + teamSlug,
                () -> raw.find("/orgs/" + encode(org) + "/teams/" + encode(teamSlug) + "/memberships/" + encode(login))
                        .map(json -> "active".equals(json.path("state").asText()))
                        .orElse(false));
        memberships.put(key, active);
        return active;
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** GitHub answers 200 for a reaction that exists and 201 for a new one: either is done. */
    @Override
    public void react(long commentId, String content) throws ForgeException {
        call("react " + content + " to comment " + commentId, () -> {
            spacing.beforeWrite();
            raw.post(repositoryPath() + "/issues/comments/" + commentId + "/reactions", Map.of("content", content), 200, 201);
            return null;
        });
    }

    @Override
    public Issue createIssue(String title, String body, List<String> labels) throws ForgeException {
        return call("open the issue '" + title + "'", () -> {
            spacing.beforeWrite();
            GHIssueBuilder builder = repository().createIssue(title).body(body);
            labels.forEach(builder::label);
            return issueView(builder.create());
        });
    }

    @Override
    public Optional<Issue> issue(int number) throws ForgeException {
        return call("read issue #" + number, () -> {
            try {
                GHIssue issue = repository().getIssue(number);
                return issue.isPullRequest() ? Optional.<Issue>empty() : Optional.of(issueView(issue));
            } catch (org.kohsuke.github.GHFileNotFoundException e) {
                return Optional.<Issue>empty();
            }
        });
    }

    @Override
    public void updateIssueBody(int number, String body) throws ForgeException {
        call("edit issue #" + number, () -> {
            GHIssue issue = repository().getIssue(number);
            spacing.beforeWrite();
            issue.setBody(body);
            return null;
        });
    }

    @Override
    public List<Issue> issues(String label) throws ForgeException {
        // The issues list holds pull requests too; Drover's dashboards are issues only.
        return call("list open issues labelled " + label, () -> {
            List<Issue> found = new java.util.ArrayList<>();
            for (GHIssue issue : repository().queryIssues().label(label).state(GHIssueState.OPEN)
                    .direction(org.kohsuke.github.GHDirection.ASC).pageSize(100).list()) {
                if (!issue.isPullRequest()) {
                    found.add(issueView(issue));
                }
            }
            return found;
        });
    }

    /**
     * GET /user, once: the login stays the same for the token's life. A GitHub App's installation
     * token has no user (GitHub answers 403 "not accessible by integration"): then empty, and
     * that is remembered too.
     */
    @Override
    public Optional<String> login() throws ForgeException {
        Optional<String> known = login;
        if (known == null) {
            known = call("read the login of the token's user", () -> {
                try {
                    return raw.find("/user").map(user -> user.path("login").asText("")).filter(l -> !l.isEmpty());
                } catch (HttpException e) {
                    if (e.getResponseCode() == 403 && String.valueOf(e.getMessage()).contains("not accessible by integration")) {
                        return Optional.<String>empty();
                    }
                    throw e;
                }
            });
            login = known;
        }
        return known;
    }

    /** Read raw from the pull request itself: a list of pull requests leaves {@code merged_by} out. */
    @Override
    public Optional<String> mergedBy(int number) throws ForgeException {
        return call("read who merged #" + number, () -> raw.find(repositoryPath() + "/pulls/" + number)
                .map(pr -> pr.path("merged_by").path("login").asText("")).filter(l -> !l.isEmpty()));
    }

    private static Issue issueView(GHIssue issue) throws IOException {
        return new Issue(issue.getNumber(), String.valueOf(issue.getHtmlUrl()), issue.getTitle(), issue.getBody(),
                issue.getState() == GHIssueState.OPEN ? Issue.State.OPEN : Issue.State.CLOSED,
                issue.getLabels().stream().map(GHLabel::getName).toList(), issue.getUser() == null ? "" : issue.getUser().getLogin());
    }

    private String repositoryPath() {
        return "/repos/" + repositoryName;
    }

    @Override
    public MergeReadiness readiness(int number) throws ForgeException {
        return call("read the state of #" + number, () -> {
            GHPullRequest pr = repository().getPullRequest(number);
            seen.put(number, pr);
            Boolean mergeable = pr.getMergeable();
            String state = pr.getMergeableState();
            if (mergeable == null) {
                return MergeReadiness.notYet("GitHub is still computing mergeability");
            }
            // "clean": no conflicts and every required status check and review satisfied.
            return mergeable && "clean".equals(state) ? MergeReadiness.ready()
                    : MergeReadiness.notYet("GitHub reports mergeable_state " + state);
        });
    }

    @Override
    public boolean merge(int number, String headSha, String message) throws ForgeException {
        return call("merge #" + number, () -> {
            spacing.beforeWrite();
            try {
                // The library sends this as commit_message; GitHub titles the commit "Merge pull request #N from ...".
                pullRequest(number).merge(message, headSha, GHPullRequest.MergeMethod.MERGE);
                return true;
            } catch (HttpException e) {
                // 405: not mergeable; 409: the head moved since Drover looked.
                if (e.getResponseCode() == 405 || e.getResponseCode() == 409) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public void close(int number) throws ForgeException {
        call("close #" + number, () -> {
            spacing.beforeWrite();
            pullRequest(number).close();
            return null;
        });
    }

    private interface GitHubCall<T> {
        T run() throws IOException;
    }

    /** Runs one use of the library, turning its failures (checked or not) into ForgeExceptions. */
    private static <T> T call(String action, GitHubCall<T> call) throws ForgeException {
        try {
            return call.run();
        } catch (IOException e) {
            throw failure(action, e);
        } catch (java.io.UncheckedIOException e) {
            throw new ForgeException("GitHub: cannot " + action + ": " + e.getMessage(), Optional.empty(), e);
        } catch (org.kohsuke.github.GHException e) {
            // Paged iteration wraps the request's IOException.
            throw e.getCause() instanceof IOException io ? failure(action, io)
                    : new ForgeException("GitHub: cannot " + action + ": " + e.getMessage(), Optional.empty(), e);
        }
    }

    private GHRepository repository() throws IOException {
        if (repository == null) {
            repository = github.getRepository(repositoryName);
        }
        return repository;
    }

    /** The pull request as last listed, to spare a request; fetched when this pass has not seen it. */
    private GHPullRequest pullRequest(int number) throws IOException {
        GHPullRequest pr = seen.get(number);
        if (pr == null) {
            pr = repository().getPullRequest(number);
            seen.put(number, pr);
        }
        return pr;
    }

    private PullRequest view(GHPullRequest pr) {
        seen.put(pr.getNumber(), pr);
        PullRequest.State state;
        try {
            // merged_at is in list answers; isMerged() would fetch the pull request again.
            state = pr.getMergedAt() != null ? PullRequest.State.MERGED
                    : pr.getState() == GHIssueState.OPEN ? PullRequest.State.OPEN : PullRequest.State.CLOSED;
            return new PullRequest(pr.getNumber(), String.valueOf(pr.getHtmlUrl()), pr.getHead().getRef(), pr.getHead().getSha(),
                    state, Optional.ofNullable(pr.getMergeCommitSha()),
                    Optional.ofNullable(pr.getMergedAt()).map(java.util.Date::toInstant), pr.getTitle(), pr.getBody(),
                    pr.getLabels().stream().map(GHLabel::getName).toList(), pr.getUser() == null ? "" : pr.getUser().getLogin());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ForgeException failure(String action, IOException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof RetryLater)) {
            cause = cause.getCause();
        }
        if (cause instanceof RetryLater later) {
            return new ForgeException("GitHub: cannot " + action + " now: " + later.getMessage() + ", retry in "
                    + later.waitFor().toSeconds() + "s", Optional.of(later.waitFor()), e);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException || c instanceof java.net.UnknownHostException
                    || c instanceof java.net.http.HttpConnectTimeoutException) {
                return new ForgeException("GitHub: cannot " + action + ": cannot reach the API (" + c
                        + "); check drover.github.api-url", Optional.empty(), e);
            }
        }
        String status = e instanceof HttpException http && http.getResponseCode() > 0 ? " (HTTP " + http.getResponseCode() + ")" : "";
        return new ForgeException("GitHub: cannot " + action + status + ": " + firstLine(e.getMessage()), Optional.empty(), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
