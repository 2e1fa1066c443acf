package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.forge.PullRequest.State;
import io.drover.model.FleetFiles;
import io.drover.planning.Plan;
import io.drover.testing.FakeForge;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart a fresh reconciler on the same data directory after every action, and kill one in the
 * middle of actions: never a duplicate pull request, never a skipped step, the same history.
 */
class CrashSafetyTest {

    @TempDir
    Path tmp;

    @Test
    void aFreshReconcilerAfterEveryActionCarriesOnExactly() throws Exception {
        FleetFiles start = ReconcileFixture.exampleAnyTime();
        FullPlan plan = Planning.plan(start);
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, start)) {
            fixture.runToCompletion(() -> fixture.freshReconciler(fixture.forge), 200);

            assertOneMergedPullRequestPerStepInOrder(fixture.forge, plan);
            assertThat(fixture.forge.writes()).filteredOn(w -> w.startsWith("open")).hasSize(plan.steps().size());
        }
    }

    @Test
    void killedBeforeOrAfterAWriteNeitherDuplicatesNorSkips() throws Exception {
        FleetFiles start = ReconcileFixture.exampleAnyTime();
        FullPlan plan = Planning.plan(start);
        // Branch pushed but PR not opened (1, 9); PR opened but the answer lost (2, 17); both twice in a row (5);
        // PR created but its labels not set (3, 12, 20), and once more while the next pass adds them (label 2).
        Set<String> points = Set.of("before-open:1", "after-open:2", "between-open:3", "before-open:5", "after-open:6",
                "before-open:9", "between-open:12", "after-open:17", "between-open:20", "before-label:2");
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, start)) {
            CrashingForge crashing = new CrashingForge(fixture.forge, points);
            List<String> kills = new ArrayList<>();
            for (int pass = 0; pass < 300; pass++) {
                Outcome outcome;
                try {
                    outcome = fixture.freshReconciler(crashing).pass().get(0);
                } catch (CrashingForge.Killed killed) {
                    kills.add(killed.getMessage());
                    continue;
                }
                if (outcome.action() == Outcome.Action.DONE) {
                    break;
                }
                if (outcome.action() == Outcome.Action.UPDATED) {
                    continue; // the labels a killed pass did not set
                }
                if (outcome.action() == Outcome.Action.OPENED) {
                    fixture.forge.mergeAsReviewer(fixture.forge.pulls().size());
                } else if (outcome.action() == Outcome.Action.WAITING) {
                    // The PR opened before the kill is found open; a reviewer merges it.
                    fixture.forge.pulls().stream().filter(p -> p.state() == State.OPEN).findFirst()
                            .ifPresentOrElse(p -> merge(fixture.forge, p.number()), () -> fixture.clock.advance(Duration.ofMinutes(20)));
                } else {
                    throw new AssertionError("unexpected " + outcome);
                }
            }
            assertThat(kills).hasSize(points.size());
            assertOneMergedPullRequestPerStepInOrder(fixture.forge, plan);
            FleetFiles end = Planning.afterSteps(start, plan, plan.steps().size());
            assertThat(fixture.origin.read("main", "traffic/api.yaml")).isEqualTo(end.read("traffic/api.yaml").orElseThrow());
        }
    }

    private static void merge(FakeForge forge, int number) {
        try {
            forge.mergeAsReviewer(number);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One merged PR per step, in order, each with its labels and its body. */
    private static void assertOneMergedPullRequestPerStepInOrder(FakeForge forge, FullPlan plan) {
        assertThat(forge.pulls()).extracting(p -> p.request().head())
                .containsExactlyElementsOf(plan.steps().stream().map(s -> "drover/production-1-31/" + s.id()).toList());
        assertThat(forge.pulls()).allMatch(p -> p.state() == State.MERGED);
        for (int i = 0; i < plan.steps().size(); i++) {
            FakeForge.Record pr = forge.pulls().get(i);
            assertThat(pr.request().labels()).as("labels of #" + pr.number())
                    .containsExactly("drover", "drover/" + plan.steps().get(i).kind().id());
            assertThat(pr.request().body()).as("body of #" + pr.number())
                    .contains("### The rollout", "drover:rollout=production-1-31 step=" + plan.steps().get(i).id());
        }
    }
}
