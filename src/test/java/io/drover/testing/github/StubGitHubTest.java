package io.drover.testing.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpConnector;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.extras.ImpatientHttpConnector;

/**
 * Drives {@link StubGitHub} with the real client Drover uses, org.kohsuke:github-api, and checks
 * that every interaction matched GitHub's REST description.
 */
class StubGitHubTest {

    private static final String REPO = "acme/fleet";
    private static final String STEP_1 = "drover/step-1";
    private static final String SHA_1 = "1111111111111111111111111111111111111111";
    private static final String SHA_2 = "2222222222222222222222222222222222222222";

    private StubGitHub github;
    private GHRepository repo;

    @BeforeEach
    void start() throws IOException {
        github = new StubGitHub(REPO);
        github.start();
        github.setBranchHead(STEP_1, SHA_1);
        repo = client().getRepository(REPO);
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    /**
     * The token comes with a login: with a token alone the library first asks GET /user, which is
     * outside the description. The handlers fail instead of waiting (the defaults sleep out
     * Retry-After or the rate-limit reset, then resend).
     */
    private GitHubBuilder clientBuilder() {
        return new GitHubBuilder()
                .withEndpoint(github.apiUrl())
                .withOAuthToken("t", "drover-bot")
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL);
    }

    private GitHub client() throws IOException {
        return clientBuilder().build();
    }

    private List<GHPullRequest> pullsFrom(String branch) throws IOException {
        return repo.queryPullRequests().state(GHIssueState.ALL).head("acme:" + branch).list().toList();
    }

    @Test
    void aPullRequestFromOpeningToMerge() throws IOException {
        List<StubGitHub.Merge> merges = new ArrayList<>();
        github.setMergeHandler(merge -> {
            merges.add(merge);
            return "abcdefabcdefabcdefabcdefabcdefabcdefabcd";
        });
        assertThat(repo.getFullName()).isEqualTo(REPO);
        assertThat(repo.getDefaultBranch()).isEqualTo("main");
        assertThat(pullsFrom(STEP_1)).isEmpty();

        GHPullRequest pr = repo.createPullRequest("Upgrade wave 1", STEP_1, "main", "Three clusters.");
        pr.addLabels("drover", "wave-1");
        pr.comment("Waiting for the soak.");
        List<GHIssueComment> comments = pr.listComments().toList();
        pr.refresh();

        assertThat(pr.getNumber()).isEqualTo(1);
        assertThat(pr.getHead().getRef()).isEqualTo(STEP_1);
        assertThat(pr.getHead().getSha()).isEqualTo(SHA_1);
        assertThat(pr.getBase().getRef()).isEqualTo("main");
        assertThat(pr.getHtmlUrl()).hasToString("https://github.com/acme/fleet/pull/1");
        assertThat(pr.getMergeableState()).isEqualTo("clean");
        assertThat(comments).extracting(GHIssueComment::getBody).containsExactly("Waiting for the soak.");
        List<GHPullRequest> found = pullsFrom(STEP_1);
        assertThat(found).extracting(GHPullRequest::getNumber).containsExactly(1);
        assertThat(found.get(0).getLabels()).extracting("name").containsExactly("drover", "wave-1");

        pr.merge("Soaked for 30 minutes.", SHA_1, GHPullRequest.MergeMethod.MERGE);
        pr.refresh();

        assertThat(pr.isMerged()).isTrue();
        assertThat(pr.getState()).isEqualTo(GHIssueState.CLOSED);
        assertThat(pr.getMergeCommitSha()).isEqualTo("abcdefabcdefabcdefabcdefabcdefabcdefabcd");
        assertThat(pr.getMergedAt()).isNotNull();
        assertThat(merges).singleElement().satisfies(merge -> {
            assertThat(merge.method()).isEqualTo("merge");
            // The library sends commit_message, never commit_title: GitHub's default title stays.
            assertThat(merge.commitTitle()).isEqualTo("Merge pull request #1 from acme/drover/step-1");
            assertThat(merge.commitMessage()).isEqualTo("Soaked for 30 minutes.");
        });
        assertThat(github.branchHead("main")).isEqualTo("abcdefabcdefabcdefabcdefabcdefabcdefabcd");
        assertThat(github.pullRequests()).singleElement().satisfies(record -> {
            assertThat(record.state()).isEqualTo("closed");
            assertThat(record.merged()).isTrue();
            assertThat(record.labels()).containsExactly("drover", "wave-1");
            assertThat(record.comments()).containsExactly("Waiting for the soak.");
            assertThat(record.title()).isEqualTo("Upgrade wave 1");
            assertThat(record.body()).isEqualTo("Three clusters.");
        });
        assertThat(github.writeCount()).isEqualTo(4); // open, label, comment, merge
        assertThat(github.requestCount("GET", "/repos/acme/fleet/pulls")).isEqualTo(2);
        github.assertValidationPassed();
    }

    @Test
    void aSecondOpenPullRequestFromTheSameBranchIsRefused() throws IOException {
        repo.createPullRequest("Upgrade wave 1", STEP_1, "main", "");

        HttpException refused = catchThrowableOfType(HttpException.class,
                () -> repo.createPullRequest("Upgrade wave 1 again", STEP_1, "main", ""));

        assertThat(refused.getResponseCode()).isEqualTo(422);
        assertThat(refused.getMessage()).contains("A pull request already exists for acme:drover/step-1.");
        assertThat(github.pullRequests()).hasSize(1);
        github.assertValidationPassed();
    }

    @Test
    void aPullRequestFromABranchNobodyPushedIsRefused() {
        HttpException refused = catchThrowableOfType(HttpException.class,
                () -> repo.createPullRequest("Upgrade", "drover/never-pushed", "main", ""));

        assertThat(refused.getResponseCode()).isEqualTo(422);
        assertThat(refused.getMessage()).contains("\"field\":\"head\"", "\"code\":\"invalid\"");
        github.assertValidationPassed();
    }

    @Test
    void listsNewestFirstAcrossPagesByFollowingTheLinkHeader() throws IOException, InterruptedException {
        for (int i = 1; i <= 5; i++) {
            github.setBranchHead("drover/step-" + i, "%040d".formatted(i));
            repo.createPullRequest("Step " + i, "drover/step-" + i, "main", "");
        }

        List<GHPullRequest> all = repo.queryPullRequests().state(GHIssueState.ALL).list().withPageSize(2).toList();

        assertThat(all).extracting(GHPullRequest::getNumber).containsExactly(5, 4, 3, 2, 1);
        assertThat(github.requestCount("GET", "/repos/acme/fleet/pulls")).isEqualTo(3);
        HttpResponse<String> page2 = rawGet("/repos/acme/fleet/pulls?state=all&per_page=2&page=2");
        assertThat(page2.headers().firstValue("Link")).hasValue(
                "<" + github.apiUrl() + "/repos/acme/fleet/pulls?state=all&per_page=2&page=1>; rel=\"prev\", "
                        + "<" + github.apiUrl() + "/repos/acme/fleet/pulls?state=all&per_page=2&page=3>; rel=\"next\", "
                        + "<" + github.apiUrl() + "/repos/acme/fleet/pulls?state=all&per_page=2&page=3>; rel=\"last\", "
                        + "<" + github.apiUrl() + "/repos/acme/fleet/pulls?state=all&per_page=2&page=1>; rel=\"first\"");
        github.assertValidationPassed();
    }

    @Test
    void commentsComeOldestFirstAcrossPages() throws IOException {
        GHPullRequest pr = repo.createPullRequest("Step 1", STEP_1, "main", "");
        for (String body : List.of("one", "two", "three")) {
            pr.comment(body);
        }

        List<GHIssueComment> comments = pr.listComments().withPageSize(2).toList();

        assertThat(comments).extracting(GHIssueComment::getBody).containsExactly("one", "two", "three");
        assertThat(github.requestCount("GET", "/repos/acme/fleet/issues/1/comments")).isEqualTo(2);
        github.assertValidationPassed();
    }

    /**
     * GitHub filters on {@code head} only as {@code owner:branch} and ignores a bare branch name.
     * The library adds the owner itself when it is missing.
     */
    @Test
    void theHeadFilterNeedsTheOwnerWhichTheLibraryAdds() throws IOException, InterruptedException {
        github.setBranchHead("drover/step-2", SHA_2);
        repo.createPullRequest("Step 1", STEP_1, "main", "");
        repo.createPullRequest("Step 2", "drover/step-2", "main", "");

        List<GHPullRequest> bare = repo.queryPullRequests().state(GHIssueState.ALL).head(STEP_1).list().toList();

        assertThat(bare).extracting(GHPullRequest::getNumber).containsExactly(1);
        assertThat(github.requestLog()).contains("GET /repos/acme/fleet/pulls?state=all&head=acme%3Adrover%2Fstep-1");
        assertThat(rawGet("/repos/acme/fleet/pulls?head=drover/step-1").body())
                .contains("\"number\":2", "\"number\":1");
        github.assertValidationPassed();
    }

    @Test
    void aMergeIsRefusedUnlessMergeableAndStillAtTheGivenHead() throws IOException {
        GHPullRequest pr = repo.createPullRequest("Step 1", STEP_1, "main", "");

        github.setMergeable(1, false, "dirty");
        pr.refresh();
        assertThat(pr.getMergeableState()).isEqualTo("dirty");
        assertThat(catchThrowableOfType(HttpException.class,
                () -> pr.merge("", SHA_1, GHPullRequest.MergeMethod.MERGE)).getResponseCode()).isEqualTo(405);

        github.setMergeable(1, true, "clean");
        github.setBranchHead(STEP_1, SHA_2); // a push moves the pull request's head
        assertThat(catchThrowableOfType(HttpException.class,
                () -> pr.merge("", SHA_1, GHPullRequest.MergeMethod.MERGE)).getResponseCode()).isEqualTo(409);

        github.setMergeHandler(merge -> {
            throw new StubGitHub.MergeConflict("values.yaml conflicts");
        });
        assertThat(catchThrowableOfType(HttpException.class,
                () -> pr.merge("", SHA_2, GHPullRequest.MergeMethod.MERGE)).getResponseCode()).isEqualTo(405);
        assertThat(github.pullRequest(1).merged()).isFalse();
        pr.refresh();
        assertThat(pr.getMergeableState()).isEqualTo("dirty");
        github.assertValidationPassed();
    }

    @Test
    void stillComputingMergeabilityReadsAsUnknown() throws IOException {
        GHPullRequest pr = repo.createPullRequest("Step 1", STEP_1, "main", "");
        github.setMergeable(1, null, "unknown");

        pr.refresh();

        assertThat(pr.getMergeable()).isNull();
        assertThat(pr.getMergeableState()).isEqualTo("unknown");
        github.assertValidationPassed();
    }

    @Test
    void closingThroughTheClientAndReviewersActingOnGitHub() throws IOException {
        github.setBranchHead("drover/step-2", SHA_2);
        GHPullRequest first = repo.createPullRequest("Step 1", STEP_1, "main", "");
        repo.createPullRequest("Step 2", "drover/step-2", "main", "");

        first.close();
        github.mergeAsReviewer(2);

        assertThat(github.requestCount("PATCH", "/repos/acme/fleet/pulls/1")).isEqualTo(1);
        assertThat(repo.getPullRequest(1).getState()).isEqualTo(GHIssueState.CLOSED);
        assertThat(repo.getPullRequest(1).isMerged()).isFalse();
        assertThat(repo.getPullRequest(2).isMerged()).isTrue();
        assertThat(github.pullRequest(2).mergeCommitSha()).isEqualTo(github.branchHead("main"));

        github.setBranchHead("drover/step-3", "%040d".formatted(3));
        repo.createPullRequest("Step 3", "drover/step-3", "main", "");
        github.closeAsReviewer(3);
        assertThat(repo.getPullRequest(3).getState()).isEqualTo(GHIssueState.CLOSED);
        github.assertValidationPassed();
    }

    @Test
    void rateLimitIsReportedInHeadersAndByTheEndpoint() throws IOException, InterruptedException {
        GitHub client = client();
        client.getRepository(REPO).queryPullRequests().list().toList();

        int remaining = client.getRateLimit().getCore().getRemaining();

        assertThat(remaining).isEqualTo(5000 - 3); // two GETs of the repository, one list
        HttpResponse<String> response = rawGet("/repos/acme/fleet/pulls");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("4996");
        assertThat(response.headers().firstValue("X-RateLimit-Resource")).hasValue("core");
        github.assertValidationPassed();
    }

    // --- faults

    @Test
    void aServerErrorReachesTheClientAndChangesNothing() throws IOException {
        github.failNext("POST", "/repos/acme/fleet/pulls", 502, Map.of(), "{\"message\":\"Server Error\"}");

        HttpException failed = catchThrowableOfType(HttpException.class,
                () -> repo.createPullRequest("Step 1", STEP_1, "main", ""));

        assertThat(failed.getResponseCode()).isEqualTo(502);
        assertThat(github.pullRequests()).isEmpty();
        repo.createPullRequest("Step 1", STEP_1, "main", ""); // the fault answered one request only
        assertThat(github.pullRequests()).hasSize(1);
        github.assertValidationPassed();
    }

    @Test
    void aSecondaryRateLimitCarriesRetryAfter() {
        github.failNextWithSecondaryRateLimit("POST", "/repos/acme/fleet/issues/\\d+/comments", 60);

        HttpException limited = catchThrowableOfType(HttpException.class, () -> {
            repo.createPullRequest("Step 1", STEP_1, "main", "").comment("hello");
        });

        assertThat(limited.getResponseCode()).isEqualTo(403);
        assertThat(header(limited, "Retry-After")).isEqualTo("60");
        assertThat(github.pullRequest(1).comments()).isEmpty();
        github.assertValidationPassed();
    }

    @Test
    void anExhaustedRateLimitCarriesTheResetTime() {
        long reset = 1_900_000_000L;
        github.failNextWithRateLimitExhausted("GET", "/repos/acme/fleet/pulls", reset);

        HttpException limited = catchThrowableOfType(HttpException.class, () -> pullsFrom(STEP_1));

        assertThat(limited.getResponseCode()).isEqualTo(403);
        assertThat(header(limited, "X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(header(limited, "X-RateLimit-Reset")).isEqualTo(String.valueOf(reset));
        github.assertValidationPassed();
    }

    /**
     * A timed-out write still happens on GitHub. Over HttpURLConnection a read timeout is a
     * SocketTimeoutException, which the library resends (up to twice, POST included): here the
     * resent POST finds the pull request the lost one opened.
     */
    @Test
    void aTimedOutOpenStillOpensAndTheLibraryResendsIt() throws IOException {
        GHRepository impatient = impatientClient().getRepository(REPO);
        github.timeoutNext("POST", "/repos/acme/fleet/pulls");

        HttpException resent = catchThrowableOfType(HttpException.class,
                () -> impatient.createPullRequest("Step 1", STEP_1, "main", ""));

        assertThat(github.pullRequests()).singleElement().satisfies(pr -> assertThat(pr.isOpen()).isTrue());
        assertThat(github.requestCount("POST", "/repos/acme/fleet/pulls")).isEqualTo(2);
        assertThat(resent.getResponseCode()).isEqualTo(422);
        assertThat(resent.getMessage()).contains("A pull request already exists for acme:drover/step-1.");
        github.assertValidationPassed();
    }

    @Test
    void aTimedOutMergeStillMergesAndTheResentOneIsRefused() throws IOException {
        GHPullRequest pr = impatientClient().getRepository(REPO).createPullRequest("Step 1", STEP_1, "main", "");
        github.timeoutNext("PUT", "/repos/acme/fleet/pulls/1/merge");

        HttpException resent = catchThrowableOfType(HttpException.class,
                () -> pr.merge("", SHA_1, GHPullRequest.MergeMethod.MERGE));

        assertThat(github.pullRequest(1).merged()).isTrue();
        assertThat(resent.getResponseCode()).isEqualTo(405);
        github.assertValidationPassed();
    }

    /** A dropped answer: the connection closes after GitHub opened the pull request; the client hears nothing back. */
    @Test
    void aDroppedAnswerStillOpens() {
        github.dropAnswerNext("POST", "/repos/acme/fleet/pulls");

        assertThatThrownBy(() -> repo.createPullRequest("Step 1", STEP_1, "main", "")).isInstanceOf(IOException.class);

        assertThat(github.pullRequests()).singleElement().satisfies(pr -> assertThat(pr.isOpen()).isTrue());
        assertThat(github.requestCount("POST", "/repos/acme/fleet/pulls")).isEqualTo(1);
        github.assertValidationPassed();
    }

    @SuppressWarnings("deprecation") // the library's only built-in connector with a read timeout
    private GitHub impatientClient() throws IOException {
        github.setTimeoutDelay(Duration.ofSeconds(3));
        return clientBuilder().withConnector(new ImpatientHttpConnector(HttpConnector.DEFAULT, 1000, 1000)).build();
    }

    // --- the contract check itself

    @Test
    void aFailingMergeHandlerFailsTheTest() throws IOException {
        GHPullRequest pr = repo.createPullRequest("Step 1", STEP_1, "main", "");
        github.setMergeHandler(merge -> {
            throw new IOException("origin is gone");
        });

        assertThat(catchThrowableOfType(HttpException.class,
                () -> pr.merge("", SHA_1, GHPullRequest.MergeMethod.MERGE)).getResponseCode()).isEqualTo(500);
        assertThatThrownBy(github::assertValidationPassed)
                .hasMessageContaining("StubGitHub failed while answering")
                .hasRootCauseMessage("origin is gone");
    }


    @Test
    void aResponseMissingRequiredFieldsFailsTheCheck() {
        github.failNext("POST", "/repos/acme/fleet/pulls", 201, Map.of(), "{\"number\": 1, \"state\": \"open\"}");

        try {
            repo.createPullRequest("Step 1", STEP_1, "main", "");
        } catch (IOException | RuntimeException ignored) {
            // whatever the client makes of it, the check below must fail
        }

        assertThatThrownBy(github::assertValidationPassed)
                .hasMessageContaining("validation.response.body.schema.required")
                .hasMessageContaining("head");
    }

    @Test
    void aRequestOutsideTheSchemaFailsTheCheck() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(github.apiUrl() + "/repos/acme/fleet/pulls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": 42, \"head\": \"drover/step-1\", \"base\": \"main\"}"))
                .build();
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThatThrownBy(github::assertValidationPassed)
                .hasMessageContaining("validation.request.body.schema.type")
                .hasMessageContaining("/title");
    }

    @Test
    void anInjectedErrorMustHaveGitHubsErrorBody() {
        assertThatThrownBy(() -> github.failNext("POST", "/repos/acme/fleet/pulls", 422, Map.of(),
                "{\"message\": \"Validation Failed\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("documentation_url");
        assertThatThrownBy(() -> github.failNext("GET", "/repos/acme/fleet/pulls", 502, Map.of(),
                "{\"message\": 502}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("basic-error");
    }

    @Test
    void getUserAnswersTheTokensUserWithinTheContract() throws IOException {
        GitHub client = new GitHubBuilder().withEndpoint(github.apiUrl()).withOAuthToken("t").build();

        assertThat(client.getMyself().getLogin()).isEqualTo(Commenter.TOKEN_USER.login());
        assertThat(github.requestLog()).contains("GET /user");
        github.assertValidationPassed();
    }

    private HttpResponse<String> rawGet(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(github.apiUrl() + pathAndQuery))
                .header("Accept", "application/json")
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpException exception, String name) {
        return exception.getResponseHeaderFields().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }
}
