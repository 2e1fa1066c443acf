package io.drover.forge.github;

import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.MergeReadiness;
import io.drover.forge.NewPullRequest;
import io.drover.forge.PullRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
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

    private final GitHub github;
    private final String repositoryName;
    private final String owner;
    private final String base;
    private final WriteSpacing spacing;
    private final Map<Integer, GHPullRequest> seen = new ConcurrentHashMap<>();
    private volatile GHRepository repository;

    private GitHubForge(GitHub github, String repositoryName, String base, Duration writeSpacing) {
        this.github = github;
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
            Clock clock) throws ForgeException {
        if (!repositoryName.matches("[^/\\s]+/[^/\\s]+")) {
            throw new ForgeException("drover.github.repository must be owner/name, not '" + repositoryName + "'", Optional.empty(), null);
        }
        try {
            GitHub github = new GitHubBuilder().withEndpoint(apiUrl).withOAuthToken(token)
                    .withRateLimitHandler(LimitHandlers.primary(clock))
                    .withAbuseLimitHandler(LimitHandlers.secondary(clock))
                    .build();
            return new GitHubForge(github, repositoryName, base, writeSpacing);
        } catch (IOException e) {
            throw failure("connect to " + apiUrl, e);
        }
    }

    @Override
    public List<PullRequest> openPullRequests(String headPrefix) throws ForgeException {
        try {
            return repository().queryPullRequests().state(GHIssueState.OPEN).base(base).list().withPageSize(100).toList()
                    .stream().filter(pr -> pr.getHead().getRef().startsWith(headPrefix)).map(this::view).toList();
        } catch (IOException e) {
            throw failure("list open pull requests", e);
        }
    }

    @Override
    public Optional<PullRequest> findByHead(String head) throws ForgeException {
        try {
            return repository().queryPullRequests().state(GHIssueState.ALL).head(owner + ":" + head).base(base).list().toList()
                    .stream().max(Comparator.comparingInt(GHPullRequest::getNumber)).map(this::view);
        } catch (IOException e) {
            throw failure("find the pull request of " + head, e);
        }
    }

    @Override
    public PullRequest open(NewPullRequest request) throws ForgeException {
        try {
            spacing.beforeWrite();
            GHPullRequest pr = repository().createPullRequest(request.title(), request.head(), request.base(), request.body());
            if (!request.labels().isEmpty()) {
                spacing.beforeWrite();
                pr.addLabels(request.labels().toArray(String[]::new));
            }
            return view(pr);
        } catch (IOException e) {
            throw failure("open a pull request from " + request.head(), e);
        }
    }

    @Override
    public void comment(int number, String body) throws ForgeException {
        try {
            spacing.beforeWrite();
            pullRequest(number).comment(body);
        } catch (IOException e) {
            throw failure("comment on #" + number, e);
        }
    }

    @Override
    public boolean hasComment(int number, String marker) throws ForgeException {
        try {
            for (GHIssueComment comment : pullRequest(number).queryComments().list().withPageSize(100)) {
                if (comment.getBody() != null && comment.getBody().contains(marker)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw failure("read the comments of #" + number, e);
        }
    }

    @Override
    public MergeReadiness readiness(int number) throws ForgeException {
        try {
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
        } catch (IOException e) {
            throw failure("read the state of #" + number, e);
        }
    }

    @Override
    public boolean merge(int number, String headSha, String commitTitle) throws ForgeException {
        try {
            spacing.beforeWrite();
            pullRequest(number).merge(commitTitle, headSha, GHPullRequest.MergeMethod.MERGE);
            return true;
        } catch (HttpException e) {
            // 405: not mergeable; 409: the head moved since Drover looked.
            if (e.getResponseCode() == 405 || e.getResponseCode() == 409) {
                return false;
            }
            throw failure("merge #" + number, e);
        } catch (IOException e) {
            throw failure("merge #" + number, e);
        }
    }

    @Override
    public void close(int number) throws ForgeException {
        try {
            spacing.beforeWrite();
            pullRequest(number).close();
        } catch (IOException e) {
            throw failure("close #" + number, e);
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
                    Optional.ofNullable(pr.getMergedAt()).map(java.util.Date::toInstant));
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
