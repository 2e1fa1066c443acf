package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.fleet.FleetReader;
import io.drover.git.FleetWorkspace;
import io.drover.leader.AlwaysLeader;
import io.drover.gate.NoHealthGate;
import io.drover.planning.Planner;
import io.drover.reconcile.Outcome.Action;
import io.drover.testing.ExampleFleet;
import io.drover.testing.GitOrigin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pass over an unchanged fleet repo neither re-reads nor re-plans; any new commit or policy does. */
class UnchangedPassTest {

    @TempDir
    Path tmp;

    private final AtomicInteger plans = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    /** The most steps each planner call was asked for: a full plan asks for all. */
    private final List<Integer> maxSteps = new CopyOnWriteArrayList<>();
    private final PassCache cache = new PassCache(
            (fleet, rollout, policy, templates, memo, most) -> {
                plans.incrementAndGet();
                maxSteps.add(most);
                return Planner.firstSteps(fleet, rollout, policy, templates, memo, most);
            },
            (files, memo) -> {
                reads.incrementAndGet();
                return FleetReader.read(files, memo);
            });

    @Test
    void anUnchangedPassReadsAndPlansNothingAgain() throws Exception {
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, ReconcileFixture.exampleAnyTime())) {
            Reconciler reconciler = reconciler(fixture);
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
            int plansAfterFirst = plans.get();
            int readsAfterFirst = reads.get();
            assertThat(plansAfterFirst).isEqualTo(1);
            assertThat(readsAfterFirst).isEqualTo(1);

            Outcome second = reconciler.pass().get(0);
            Outcome third = reconciler.pass().get(0);

            assertThat(second.action()).isNotEqualTo(Action.OPENED);
            assertThat(third).isEqualTo(second);
            assertThat(plans.get()).isEqualTo(plansAfterFirst);
            assertThat(reads.get()).isEqualTo(readsAfterFirst);
            assertThat(fixture.forge.pulls()).hasSize(1);
        }
    }

    @Test
    void aNewBaseCommitIsReadAndPlannedAgainEvenWhenOnlyAnUnrelatedFileChanged() throws Exception {
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, ReconcileFixture.exampleAnyTime())) {
            Reconciler reconciler = reconciler(fixture);
            reconciler.pass();
            int plansBefore = plans.get();
            int readsBefore = reads.get();

            fixture.origin.commit("main", Map.of("NOTES.md", "an unrelated note\n"), "Add a note", GitOrigin.HUMAN);
            reconciler.pass();

            assertThat(reads.get()).isEqualTo(readsBefore + 1);
            assertThat(plans.get()).isEqualTo(plansBefore + 1);
        }
    }

    @Test
    void aChangedPolicyIsPlannedAgainAndActedOn() throws Exception {
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, ReconcileFixture.exampleAnyTime())) {
            Reconciler reconciler = reconciler(fixture);
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
            int plansBefore = plans.get();
            String policy = fixture.origin.read("main", "policies/default.yaml");
            assertThat(policy).contains("  autoMerge: []");

            fixture.origin.commit("main", Map.of("policies/default.yaml",
                    policy.replace("  autoMerge: []", "  autoMerge: [add-cluster]")), "Auto-merge new clusters", GitOrigin.HUMAN);
            Outcome after = reconciler.pass().get(0);

            assertThat(plans.get()).isGreaterThan(plansBefore);
            // The new policy is in force: the open add-cluster step's pull request, brought up to date
            // with the new base, is then merged by Drover.
            assertThat(after.action()).isEqualTo(Action.UPDATED);
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.MERGED);
        }
    }

    @Test
    void thePassAfterAMergedStepPlansOnlyTheNewFirstStep() throws Exception {
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, ReconcileFixture.exampleAnyTime())) {
            Reconciler reconciler = reconciler(fixture);
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
            assertThat(maxSteps).containsExactly(Integer.MAX_VALUE);
            maxSteps.clear();

            fixture.forge.mergeAsReviewer(1);
            passUntilTheNextPullRequestOpens(fixture, reconciler);

            // The merged commit is the cached plan's state with its first step applied: one step is planned, not all.
            assertThat(maxSteps).containsExactly(1);
            assertThat(fixture.forge.pulls()).hasSize(2);
        }
    }

    @Test
    void aStepMergedTogetherWithAHandEditIsPlannedInFull() throws Exception {
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, ReconcileFixture.exampleAnyTime())) {
            Reconciler reconciler = reconciler(fixture);
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
            maxSteps.clear();

            fixture.forge.mergeAsReviewer(1);
            fixture.origin.commit("main", Map.of("NOTES.md", "an unrelated note\n"), "Add a note", GitOrigin.HUMAN);
            passUntilTheNextPullRequestOpens(fixture, reconciler);

            assertThat(maxSteps).containsExactly(Integer.MAX_VALUE);
            assertThat(fixture.forge.pulls()).hasSize(2);
        }
    }

    private static void passUntilTheNextPullRequestOpens(ReconcileFixture fixture, Reconciler reconciler) throws Exception {
        for (int pass = 0; pass < 20; pass++) {
            if (reconciler.pass().get(0).action() == Action.OPENED) {
                return;
            }
            fixture.clock.advance(Duration.ofMinutes(20));
        }
        throw new AssertionError("no next pull request after 20 passes");
    }

    private Reconciler reconciler(ReconcileFixture fixture) throws Exception {
        FleetWorkspace workspace = FleetWorkspace.open(fixture.dataDir, fixture.origin.url(), CredentialsProvider.getDefault());
        return new Reconciler(workspace, fixture.forge, new NoHealthGate(), fixture.clock, ReconcileFixture.SETTINGS,
                AlwaysLeader.INSTANCE, view -> { }, cache);
    }
}
