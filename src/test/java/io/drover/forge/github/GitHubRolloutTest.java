package io.drover.forge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.argocd.ArgoCdClient;
import io.drover.argocd.ArgoCdGate;
import io.drover.argocd.ArgoCdSettings;
import io.drover.forge.ForgeException;
import io.drover.model.FleetFiles;
import io.drover.ops.DroverMetrics;
import io.drover.planning.Plan;
import io.drover.reconcile.Outcome;
import io.drover.reconcile.Outcome.Action;
import io.drover.reconcile.Reconciler;
import io.drover.testing.ExampleFleet;
import io.drover.testing.GitOrigin;
import io.drover.testing.MutableClock;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import io.drover.testing.argocd.SimulatedArgoCd;
import io.drover.testing.argocd.StubArgoCd;
import io.drover.testing.github.PullRequestRecord;
import io.drover.testing.github.StubGitHub;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's parts end to end over HTTP: the GitHub adapter against a stateful GitHub whose
 * every request and answer is checked against GitHub's REST description, and a real origin.
 */
class GitHubRolloutTest {

    /** Far beyond any answer of the stub: no request of these tests times out. */
    static final Duration PATIENT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    GitHubFixture fixture;
    StubGitHub github;
    GitOrigin origin;
    MutableClock clock;
    Reconciler reconciler;
    FleetFiles start;

    @BeforeEach
    void setUp() throws Exception {
        start = ExampleFleet.withFleetPolicy(ExampleFleet.defaultPolicyAnyTime());
        fixture = new GitHubFixture(tmp, start);
        github = fixture.github;
        origin = fixture.origin;
        clock = fixture.clock;
        reconciler = fixture.freshReconciler(PATIENT);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aWholeBlueGreenRolloutThroughTheGitHubApi() throws Exception {
        FullPlan plan = Planning.plan(start);
        int steps = plan.steps().size();

        // Argo CD in the loop: it runs each revision of main, every generated app Healthy.
        StubArgoCd argoCd = new StubArgoCd();
        argoCd.start();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DroverMetrics metrics = new DroverMetrics(registry, List::of, clock.instant());
        List<Outcome> log;
        try {
            SimulatedArgoCd simulated = new SimulatedArgoCd(argoCd, origin.url());
            Duration recheck = Duration.ofSeconds(15);
            reconciler = fixture.freshReconciler(PATIENT, new ArgoCdGate(new ArgoCdClient(new ArgoCdSettings(URI.create(argoCd.url()),
                    StubArgoCd.TOKEN, false, Optional.empty(), Duration.ofSeconds(30), recheck), metrics), origin.url(), recheck),
                    metrics);
            log = runToCompletion(400, () -> simulated.syncTo(origin.files("main"), origin.tip("main").name(), "Healthy", Map.of()));
            argoCd.assertValidationPassed();
        } finally {
            argoCd.stop();
        }

        List<PullRequestRecord> pulls = github.pullRequests();
        assertThat(pulls).hasSize(steps).allMatch(PullRequestRecord::merged);
        assertThat(pulls).extracting(PullRequestRecord::head)
                .containsExactlyElementsOf(plan.steps().stream().map(s -> "drover/production-1-31/" + s.id()).toList());
        assertThat(pulls.get(0).labels()).containsExactly("drover", "drover/add-cluster");
        assertThat(pulls.get(0).title()).isEqualTo("[drover production-1-31 1/32] Add cluster prod-euw-03 (replacing prod-euw-01)");
        assertThat(origin.read("main", "clusters/prod-use-02/cluster.yaml")).isNull();
        assertThat(github.statuses(pulls.get(0).mergeCommitSha())).containsKey("drover/gate");
        assertThat(log.get(log.size() - 1).action()).isEqualTo(Action.DONE);
        github.assertValidationPassed();

        int requests = github.requestLog().size();
        assertThat(github.notModifiedCount()).as("conditional polls answered 304").isPositive();
        // The metrics saw every request over the wire, the 304s among them, and GitHub's rate limit.
        assertThat(registry.find("drover.github.requests").timers().stream().mapToLong(Timer::count).sum()).isEqualTo(requests);
        assertThat(registry.find("drover.github.requests").tag("outcome", "3xx").timers().stream().mapToLong(Timer::count).sum())
                .isEqualTo(github.notModifiedCount());
        assertThat(registry.get("drover.github.requests").tags("method", "POST", "outcome", "2xx").timer().count()).isPositive();
        assertThat(registry.get("drover.argocd.requests").tags("method", "GET", "outcome", "2xx").timer().count()).isPositive();
        assertThat(registry.get("drover.github.rate.limit.remaining").gauge().value()).isBetween(0.0, 4999.0);
        System.out.printf("GitHub requests for %d steps, each from open to merged (merge by a reviewer) and gated: %d in all,"
                + " %.1f per step, %.1f writes per step, %d answered 304 (not counted by GitHub), %d passes%n", steps,
                requests, (double) requests / steps, (double) github.writeCount() / steps, github.notModifiedCount(), log.size());
    }

    @Test
    void serverErrorsAndRateLimitsAreWaitedOutWithoutRepeatingAnAction() throws Exception {
        github.failNext("GET", "/repos/acme/fleet/pulls", 502, Map.of(), "{\"message\":\"Server Error\"}");
        assertThatThrownBy(reconciler::pass).isInstanceOf(ForgeException.class).hasMessageContaining("HTTP 502");
        assertThat(github.pullRequests()).isEmpty();

        // A failed write is the rollout's outcome, with the wait GitHub asked for; the pass goes on.
        github.failNextWithSecondaryRateLimit("POST", "/repos/acme/fleet/pulls", 60);
        Outcome limited = reconciler.pass().get(0);
        assertThat(limited.action()).isEqualTo(Action.FAILED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(github.pullRequests()).isEmpty();

        github.failNextWithRateLimitExhausted("GET", "/repos/acme/fleet/pulls", clock.instant().plusSeconds(300).getEpochSecond());
        assertThatThrownBy(reconciler::pass).isInstanceOfSatisfying(ForgeException.class,
                e -> assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(300),
                        Duration.ofSeconds(302))));

        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
        assertThat(github.pullRequests()).hasSize(1);
        github.assertValidationPassed();
    }

    @Test
    void aPullRequestClosedOnGitHubPausesTheRollout() throws Exception {
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
        github.closeAsReviewer(1);

        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.PAUSED);
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.PAUSED);

        assertThat(github.pullRequest(1).comments()).singleElement().asString().contains("**paused**");
        assertThat(github.pullRequests()).hasSize(1);
        github.assertValidationPassed();
    }

    /** Something the world does before each pass (Argo CD syncing, say). */
    private interface BeforePass {
        void run() throws Exception;
    }

    private List<Outcome> runToCompletion(int maxPasses, BeforePass beforePass) throws Exception {
        List<Outcome> log = new ArrayList<>();
        for (int i = 0; i < maxPasses; i++) {
            beforePass.run();
            Outcome outcome = reconciler.pass().get(0);
            log.add(outcome);
            switch (outcome.action()) {
                case DONE -> {
                    return log;
                }
                case OPENED -> github.mergeAsReviewer(github.pullRequests().size());
                case WAITING -> clock.advance(Duration.ofMinutes(20));
                case UPDATED -> {
                }
                default -> throw new AssertionError("rollout stopped: " + outcome);
            }
        }
        throw new AssertionError("not done after " + maxPasses + " passes");
    }
}
