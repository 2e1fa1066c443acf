package io.drover.testing.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.drover.testing.github.Traffic.Fault;
import io.drover.testing.github.Traffic.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A stateful GitHub for one repository, on a WireMock server on a random loopback port, for
 * driving Drover's GitHub adapter (the real {@code org.kohsuke:github-api} client) in tests.
 *
 * <p>It serves what Drover uses: the repository, listing, opening, reading, updating and merging
 * pull requests, opening, listing, reading and updating issues (numbered with the pull requests, as
 * on GitHub), comments on both, reactions to comments, labels (adding, and removing one), the
 * token's user, collaborators' permissions, team memberships and the rate limit; everything else is a 404. Tests comment as any user ({@link #commentAs}), edit and
 * delete comments as their authors do on github.com. Answers
 * start from GitHub's own examples in the REST description, and every request and answer is
 * checked against that description: call {@link #assertValidationPassed()} at the end of a test.
 *
 * <pre>{@code
 * StubGitHub github = new StubGitHub("acme/fleet");
 * github.start();
 * github.setBranchHead("drover/step-1", sha);           // after each push
 * GitHub client = new GitHubBuilder().withEndpoint(github.apiUrl()).withOAuthToken("t", "drover-bot").build();
 * ...
 * github.mergeAsReviewer(1);
 * github.assertValidationPassed();
 * github.stop();
 * }</pre>
 *
 * <p>GET /user answers {@link Commenter#TOKEN_USER}, the user of GitHub's examples, who also
 * opens the issues and makes the comments and merges the client asks for.
 */
public final class StubGitHub {

    /**
     * A merge GitHub was asked for. {@code commitTitle} is GitHub's default ("Merge pull request
     * #N from owner/branch") unless the request gave one; {@code commitMessage} may be null.
     */
    public record Merge(PullRequestRecord pullRequest, String method, String commitTitle, String commitMessage) {
    }

    /** Merges for real (say, in the test's git origin) and returns the merge commit's sha. */
    @FunctionalInterface
    public interface MergeHandler {
        String merge(Merge merge) throws Exception;
    }

    /** Thrown by a {@link MergeHandler} when the branch does not merge cleanly; GitHub answers 405. */
    public static final class MergeConflict extends RuntimeException {
        public MergeConflict(String message) {
            super(message);
        }
    }

    /**
     * A user's access to the repository as GET .../collaborators/{username}/permission answers it:
     * {@code permission} is the base one (admin, write, read, none), {@code roleName} may be
     * maintain, triage or a custom role.
     */
    public record Collaborator(long id, String login, String permission, String roleName) {
    }

    public static final String DEFAULT_BRANCH = "main";
    private static final String INITIAL_MAIN_SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    private final FakeRepository repository;
    private final Traffic traffic = new Traffic();
    private final ContractCheck contract;
    private final GitHubApi api;
    private final WireMockServer server;

    /** @param fullName {@code owner/name} of the one repository served */
    public StubGitHub(String fullName) {
        this(fullName, Clock.systemUTC());
    }

    /** With a clock for every timestamp (created_at, merged_at, the Date header). */
    public StubGitHub(String fullName, Clock clock) {
        String[] parts = fullName.split("/");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("a repository is owner/name, not '" + fullName + "'");
        }
        this.repository = new FakeRepository(parts[0], clock);
        this.repository.setBranchHead(DEFAULT_BRANCH, INITIAL_MAIN_SHA);
        this.contract = new ContractCheck(fullName);
        this.api = new GitHubApi(parts[0], parts[1], repository, traffic, contract, clock);
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(api));
        this.server.addMockServiceRequestListener(contract);
    }

    public void start() {
        server.start();
        api.serveAt(apiUrl());
        // One catch-all stub: GitHubApi routes every request itself.
        server.stubFor(any(anyUrl()).willReturn(aResponse()));
    }

    public void stop() {
        server.stop();
    }

    /** The API root to give the client, {@code http://127.0.0.1:<port>}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    // --- the repository's state, as a test sets and reads it

    /**
     * Sets where a branch points, creating it if new: call after each push. Pull requests can only
     * be opened from and into existing branches; an open pull request from the branch follows it.
     * {@value #DEFAULT_BRANCH} exists from the start.
     */
    public void setBranchHead(String branch, String sha) {
        repository.setBranchHead(branch, sha);
    }

    /**
     * Reads branch heads live from a real repository instead of {@link #setBranchHead}: pushes to
     * it are seen at once, and the merge handler moves the base branch there.
     */
    public void setBranchSource(java.util.function.Function<String, java.util.Optional<String>> source) {
        repository.setBranchSource(source);
    }

    /** Where a branch points now; after a merge, its base points at the merge commit. */
    public String branchHead(String branch) {
        return repository.branchHead(branch).orElseThrow(() -> new IllegalArgumentException("no branch " + branch));
    }

    /** Called for each merge, through the API or {@link #mergeAsReviewer}; by default a made-up sha. */
    public void setMergeHandler(MergeHandler handler) {
        repository.setMergeHandler(handler);
    }

    /**
     * What GitHub says about merging the pull request: {@code mergeable} may be null (still being
     * computed, state "unknown"); states are GitHub's: clean, dirty, blocked, behind, unstable, ...
     * A merge through the API is refused (405) unless mergeable is true.
     */
    public void setMergeable(int number, Boolean mergeable, String mergeableState) {
        asOnGitHub(number, () -> {
            repository.setMergeable(number, mergeable, mergeableState);
            return null;
        });
    }

    /** All pull requests, oldest first, as they are now. */
    public List<PullRequestRecord> pullRequests() {
        return repository.snapshot();
    }

    public PullRequestRecord pullRequest(int number) {
        return pullRequests().stream().filter(pr -> pr.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pull request #" + number));
    }

    /** Who {@link #mergeAsReviewer} merges as. */
    public static final Commenter REVIEWER = Commenter.user(4002, "reviewer");

    /** A reviewer merges on github.com: the same as the merge API with the current head, no request. */
    public String mergeAsReviewer(int number) {
        return mergeAs(REVIEWER, number);
    }

    /** {@code user} merges on github.com; GET of the pull request then names them in {@code merged_by}. */
    public String mergeAs(Commenter user, int number) {
        return asOnGitHub(number, () -> repository.mergeAtHead(number, user));
    }

    public void closeAsReviewer(int number) {
        asOnGitHub(number, () -> {
            repository.closeAsReviewer(number);
            return null;
        });
    }

    /** A change made on github.com; what GitHub would refuse fails the test. */
    private static <T> T asOnGitHub(int number, Supplier<T> change) {
        try {
            return change.get();
        } catch (GitHubError e) {
            throw new IllegalStateException("#" + number + ": GitHub would answer " + e.getMessage(), e);
        }
    }

    // --- requests, for benchmarks of requests per step

    /** Requests received with this method whose path (without the query) matches the regex in full. */
    public int requestCount(String method, String pathRegex) {
        return traffic.count(method, pathRegex);
    }

    /** POST, PUT, PATCH and DELETE requests received; GitHub's secondary rate limit counts these. */
    public int writeCount() {
        return traffic.writes();
    }

    /** The latest status per context on a commit, as "state: description". */
    public Map<String, String> statuses(String sha) {
        return repository.statuses(sha);
    }

    /** Every request received, as "METHOD /path?query", in order. */
    public List<String> requestLog() {
        return traffic.log();
    }

    // --- faults

    /**
     * Answers the next request with this method and a path matching {@code pathRegex} (in full,
     * without the query) with the given status, headers and body; nothing changes on the stub's
     * GitHub. For an error status the body must be GitHub's ({@code basic-error}, or
     * {@code validation-error} for 422): checked here, against the description.
     */
    public void failNext(String method, String pathRegex, int status, Map<String, String> headers, String body) {
        if (status >= 400) {
            contract.checkErrorBody(status, body);
        }
        traffic.add(Fault.refusal(method, Pattern.compile(pathRegex), new Reply(status, body, Map.copyOf(headers))));
    }

    /** GitHub's secondary rate limit, as it answers it: 403 with Retry-After. */
    public void failNextWithSecondaryRateLimit(String method, String pathRegex, int retryAfterSeconds) {
        failNext(method, pathRegex, 403, Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                GitHubError.basicBody("You have exceeded a secondary rate limit. Please wait a few minutes before"
                        + " you try again. If you reach out to GitHub Support for help, please include the request ID"
                        + " D00D:0000.", GitHubError.SECONDARY_RATE_LIMIT_DOCS).toString());
    }

    /** GitHub's primary rate limit used up: 403, X-RateLimit-Remaining 0 and the reset time. */
    public void failNextWithRateLimitExhausted(String method, String pathRegex, long resetEpochSeconds) {
        failNext(method, pathRegex, 403,
                Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Used", "5000",
                        "X-RateLimit-Reset", String.valueOf(resetEpochSeconds)),
                GitHubError.basicBody("API rate limit exceeded for user ID 1. If you reach out to GitHub Support for"
                        + " help, please include the request ID D00D:0000.", GitHubError.PRIMARY_RATE_LIMIT_DOCS).toString());
    }

    /**
     * The next matching request reaches GitHub and is carried out, but its answer comes only after
     * the timeout delay (5 s unless set), beyond the client's timeout: the answer is lost, the
     * change is not.
     */
    public void timeoutNext(String method, String pathRegex) {
        traffic.add(Fault.lostAnswer(method, Pattern.compile(pathRegex), Fault.Loss.LATE));
    }

    /** How long {@link #timeoutNext} holds an answer back; make it longer than the client's timeout. */
    public void setTimeoutDelay(Duration delay) {
        api.setTimeoutDelay(delay);
    }

    /**
     * The next matching request reaches GitHub and is carried out, then the connection closes
     * without an answer, as when the network or a proxy drops it: the answer is lost at once, the
     * change is not.
     */
    public void dropAnswerNext(String method, String pathRegex) {
        traffic.add(Fault.lostAnswer(method, Pattern.compile(pathRegex), Fault.Loss.DROPPED));
    }

    /** Conditional GETs answered 304 Not Modified (they do not count against the rate limit). */
    public int notModifiedCount() {
        return api.notModifiedCount();
    }

    // --- issues, comments, reactions and collaborators

    /** A collaborator with this access; GitHub answers 404 for everyone else. */
    public void setCollaborator(Collaborator collaborator) {
        repository.setCollaborator(collaborator);
    }

    /**
     * {@code login} is in the team {@code org/slug}: {@code state} is GitHub's, {@code active} or
     * {@code pending} (invited, not accepted yet). GitHub answers 404 for everyone else and for teams
     * the token cannot see.
     */
    public void setTeamMember(String org, String slug, String login, String state) {
        if (!state.equals("active") && !state.equals("pending")) {
            throw new IllegalArgumentException("GitHub's membership states are active and pending, not " + state);
        }
        repository.setTeamMember(org, slug, login, state);
    }

    /** A comment on a pull request or issue, made on github.com by {@code author}; answers its id. */
    public long commentAs(Commenter author, int number, String body) {
        return repository.comment(number, body, author).id();
    }

    /** Edits a comment as its author does on github.com: same id, later {@code updated_at}. */
    public void editComment(long commentId, String body) {
        repository.editComment(commentId, body);
    }

    public void deleteComment(long commentId) {
        repository.deleteComment(commentId);
    }

    /** The reactions the token's user gave the comment, oldest first. */
    public List<String> reactions(long commentId) {
        return repository.reactions(commentId);
    }

    /** {@code author} opens an issue on github.com; answers its number. */
    public int openIssueAs(Commenter author, String title, String body, List<String> labels) {
        return asOnGitHub(0, () -> repository.createIssue(title, body, labels, author).number);
    }

    /** Someone closes the issue on github.com. */
    public void closeIssue(int number) {
        asOnGitHub(number, () -> repository.updateIssue(number, null, null, "closed"));
    }

    /** Every issue (not pull request), oldest first. */
    public List<IssueRecord> issues() {
        return repository.issueSnapshot();
    }

    // --- the contract

    /**
     * Fails unless every request and answer so far matched GitHub's description (save the one
     * exception, GET /repos/{owner}/{repo}), every one of them was checked, and the stub itself
     * did not fail while answering.
     */
    public void assertValidationPassed() {
        List<Throwable> failures = api.stubFailures();
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("StubGitHub failed while answering: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
        contract.assertPassed(traffic.served());
    }
}
