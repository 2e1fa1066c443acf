package io.drover.forge.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FleetFiles;
import io.drover.reconcile.Outcome;
import io.drover.reconcile.Outcome.Action;
import io.drover.testing.ExampleFleet;
import io.drover.testing.GitOrigin;
import io.drover.testing.github.PullRequestRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes through the GitHub API whose answer never reaches Drover although GitHub carried them
 * out, or that GitHub refused half-way: Drover is restarted (a new reconciler and GitHub client on
 * the same data directory) and its next pass finishes the write, never repeating what happened.
 */
class LostAnswersTest {

    private static final String PULLS = "/repos/acme/fleet/pulls";
    private static final Duration PATIENT = GitHubRolloutTest.PATIENT;

    @TempDir
    Path tmp;
    GitHubFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aPullRequestWhoseCreationTimedOutGetsItsLabelsAfterARestartAndIsNotOpenedAgain() throws Exception {
        fixture = new GitHubFixture(tmp, anyTime());
        // The client gives up after 5 s (long enough for every answer on a busy machine); the answer comes after 8.
        fixture.github.setTimeoutDelay(Duration.ofSeconds(8));
        fixture.github.timeoutNext("POST", PULLS);
        assertFailed(fixture.freshReconciler(Duration.ofSeconds(5)).pass(), "may have happened");

        assertOpenedOnceAndCompletedAfterARestart();
    }

    @Test
    void aPullRequestWhoseCreationAnswerWasDroppedGetsItsLabelsAfterARestartAndIsNotOpenedAgain() throws Exception {
        fixture = new GitHubFixture(tmp, anyTime());
        fixture.github.dropAnswerNext("POST", PULLS);
        assertFailed(fixture.freshReconciler(PATIENT).pass(), "GitHub");

        assertOpenedOnceAndCompletedAfterARestart();
    }

    @Test
    void labelsGitHubRefusedAfterCreatingThePullRequestAreAddedByTheNextPass() throws Exception {
        fixture = new GitHubFixture(tmp, anyTime());
        fixture.github.failNext("POST", "/repos/acme/fleet/issues/1/labels", 502, Map.of(), "{\"message\":\"Server Error\"}");
        assertFailed(fixture.freshReconciler(PATIENT).pass(), "HTTP 502");

        assertOpenedOnceAndCompletedAfterARestart();
    }

    private void assertOpenedOnceAndCompletedAfterARestart() throws Exception {
        assertThat(fixture.github.pullRequests()).singleElement().satisfies(pr -> assertThat(pr.labels()).isEmpty());

        Outcome completed = fixture.freshReconciler(PATIENT).pass().get(0);
        Outcome next = fixture.freshReconciler(PATIENT).pass().get(0);

        assertThat(completed.action()).isEqualTo(Action.UPDATED);
        assertThat(completed.detail()).isEqualTo("#1: labels drover, drover/add-cluster");
        assertThat(next.detail()).contains("for review and merge of #1");
        PullRequestRecord pr = fixture.github.pullRequests().get(0);
        assertThat(fixture.github.pullRequests()).hasSize(1);
        assertThat(pr.labels()).containsExactly("drover", "drover/add-cluster");
        assertThat(pr.title()).isEqualTo("[drover production-1-31 1/32] Add cluster prod-euw-03 (replacing prod-euw-01)");
        assertThat(pr.body()).contains("Step **1 of 32**", "<!-- drover:rollout=production-1-31 step=add-prod-euw-03 plan=",
                "commit=" + fixture.origin.tip(pr.head()).name());
        assertThat(fixture.github.requestCount("POST", PULLS)).isEqualTo(1);
        assertThat(fixture.github.requestCount("PATCH", PULLS + "/1")).as("the body was right from the start").isZero();
        fixture.github.assertValidationPassed();
    }

    @Test
    void anAutoMergeWhoseAnswerWasDroppedIsSaidOnceAfterARestart() throws Exception {
        fixture = new GitHubFixture(tmp, ExampleFleet.withFleetPolicy(
                ExampleFleet.defaultPolicyAnyTime().replace("  autoMerge: []", "  autoMerge: [add-cluster]")));
        assertThat(fixture.freshReconciler(PATIENT).pass().get(0).action()).isEqualTo(Action.OPENED);
        fixture.github.dropAnswerNext("PUT", PULLS + "/1/merge");
        assertFailed(fixture.freshReconciler(PATIENT).pass(), "GitHub");
        assertThat(fixture.github.pullRequest(1).merged()).isTrue();

        Outcome completed = fixture.freshReconciler(PATIENT).pass().get(0);
        Outcome next = fixture.freshReconciler(PATIENT).pass().get(0);

        assertThat(completed.detail()).startsWith("said on #1 that Drover merged it");
        assertThat(next.detail()).contains("soaks");
        assertThat(fixture.github.pullRequest(1).comments()).filteredOn(c -> c.contains("Merged by Drover")).hasSize(1);
        assertThat(fixture.github.requestCount("PUT", PULLS + "/1/merge")).isEqualTo(1);
        assertThat(fixture.origin.read("main", "clusters/prod-euw-03/cluster.yaml")).isNotNull();
        fixture.github.assertValidationPassed();
    }

    @Test
    void aSupersededStepWhoseCommentAnswerWasDroppedIsClosedWithOneComment() throws Exception {
        fixture = new GitHubFixture(tmp, anyTime());
        assertThat(fixture.freshReconciler(PATIENT).pass().get(0).action()).isEqualTo(Action.OPENED);
        fixture.origin.commit("main", Map.of("rollouts/production-1-31.yaml", fixture.origin.read("main",
                "rollouts/production-1-31.yaml").replace("strategy: blue-green", "strategy: rolling")), "Rolling after all",
                GitOrigin.HUMAN);
        fixture.github.dropAnswerNext("POST", "/repos/acme/fleet/issues/1/comments");
        assertFailed(fixture.freshReconciler(PATIENT).pass(), "GitHub");
        assertThat(fixture.github.pullRequest(1).isOpen()).isTrue();

        Outcome closed = fixture.freshReconciler(PATIENT).pass().get(0);

        assertThat(closed.action()).isEqualTo(Action.CLOSED_SUPERSEDED);
        assertThat(fixture.github.pullRequest(1).isOpen()).isFalse();
        assertThat(fixture.github.pullRequest(1).comments()).singleElement().asString().contains("no longer next");
        assertThat(fixture.freshReconciler(PATIENT).pass().get(0).action()).isEqualTo(Action.OPENED);
        fixture.github.assertValidationPassed();
    }

    @Test
    void aRebuildWhoseCommentAnswerWasDroppedGetsItsBodyAfterARestartAndSaysItOnce() throws Exception {
        fixture = new GitHubFixture(tmp, anyTime());
        assertThat(fixture.freshReconciler(PATIENT).pass().get(0).action()).isEqualTo(Action.OPENED);
        String head = fixture.github.pullRequest(1).head();
        fixture.origin.commit("main", Map.of("traffic/shop.yaml", fixture.origin.read("main", "traffic/shop.yaml")
                .replace("drover.io/peak-rps: \"1400\"", "drover.io/peak-rps: \"1300\"")), "Lower the shop peak", GitOrigin.HUMAN);
        fixture.github.dropAnswerNext("POST", "/repos/acme/fleet/issues/1/comments");
        assertFailed(fixture.freshReconciler(PATIENT).pass(), "GitHub");
        String rebuilt = fixture.origin.tip(head).name();

        Outcome completed = fixture.freshReconciler(PATIENT).pass().get(0);

        assertThat(completed.detail()).isEqualTo("#1: title and body");
        assertThat(fixture.origin.tip(head).name()).isEqualTo(rebuilt);
        assertThat(fixture.github.pullRequest(1).comments()).singleElement().asString().contains("rebuilt", rebuilt);
        assertThat(fixture.github.pullRequest(1).body()).contains("commit=" + rebuilt);
        assertThat(fixture.freshReconciler(PATIENT).pass().get(0).detail()).contains("for review and merge of #1");
        fixture.github.assertValidationPassed();
    }

    private static FleetFiles anyTime() {
        return ExampleFleet.withFleetPolicy(ExampleFleet.defaultPolicyAnyTime());
    }

    /** A write whose answer is lost fails that rollout's pass, and only that: the outcome says so. */
    private static void assertFailed(List<Outcome> outcomes, String because) {
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.action()).isEqualTo(Action.FAILED);
            assertThat(o.detail()).contains(because);
        });
    }
}
