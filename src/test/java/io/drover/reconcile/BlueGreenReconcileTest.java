package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FleetFiles;
import io.drover.planning.Plan;
import io.drover.planning.Step;
import io.drover.reconcile.Outcome.Action;
import io.drover.testing.FakeForge;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole blue/green rollout of the example, first pull request to last, against a real origin. */
class BlueGreenReconcileTest {

    @TempDir
    Path tmp;

    @Test
    void opensEachStepInTurnOnlyAfterThePreviousIsMergedAndSoaked() throws Exception {
        FleetFiles start = ReconcileFixture.exampleAnyTime();
        FullPlan plan = Planning.plan(start);
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, start)) {
            Reconciler reconciler = fixture.freshReconciler(fixture.forge);

            List<Outcome> log = fixture.runToCompletion(() -> reconciler, 200);

            List<FakeForge.Record> pulls = fixture.forge.pulls();
            assertThat(pulls).extracting(p -> p.request().head())
                    .containsExactlyElementsOf(plan.steps().stream().map(s -> "drover/production-1-31/" + s.id()).toList());
            assertThat(pulls).allMatch(p -> p.state() == io.drover.forge.PullRequest.State.MERGED);
            assertThat(pulls.get(0).request().title()).isEqualTo("[drover production-1-31 1/32] Add cluster prod-euw-03 (replacing prod-euw-01)");
            assertThat(pulls.get(31).request().title()).startsWith("[drover production-1-31 32/32] Retire prod-use-02");
            assertThat(pulls.get(6).request().body()).contains("Step **7 of 32**", "| prod-euw-01 |", "soaks for 15m",
                    "drover:rollout=production-1-31 step=drain-prod-euw-01");
            assertThat(pulls.get(0).request().labels()).containsExactly("drover", "drover/add-cluster");
            // Each step waited for its soak before the next opened: one wait per step with a soak.
            assertThat(log).filteredOn(o -> o.action() == Action.WAITING).isNotEmpty()
                    .allMatch(o -> o.detail().contains("soaks") || o.detail().contains("review"));

            FleetFiles end = Planning.afterSteps(start, plan, plan.steps().size());
            for (String path : List.of("traffic/shop.yaml", "clusters/prod-use-04/cluster.yaml", "argocd/clusters/prod-euw-03.yaml")) {
                assertThat(fixture.origin.read("main", path)).as(path).isEqualTo(end.read(path).orElseThrow());
            }
            assertThat(fixture.origin.read("main", "clusters/prod-euw-01/cluster.yaml")).isNull();

            try (Git git = new Git(fixture.origin.repository())) {
                List<RevCommit> stepCommits = new java.util.ArrayList<>();
                git.log().add(fixture.origin.tip("main")).call().forEach(c -> {
                    if (c.getFullMessage().contains("Drover-Rollout: production-1-31")) {
                        stepCommits.add(c);
                    }
                });
                assertThat(stepCommits).hasSize(32);
                RevCommit first = stepCommits.get(stepCommits.size() - 1);
                assertThat(first.getAuthorIdent().getEmailAddress()).isEqualTo("drover@fleet.example.com");
                assertThat(first.getFullMessage()).contains("Drover-Step: 1/32 add-cluster", "Drover-Step-Id: add-prod-euw-03")
                        .containsPattern("Drover-Plan: [0-9a-f]{16}");
            }
            assertThat(log.get(log.size() - 1).action()).isEqualTo(Action.DONE);
        }
    }
}
