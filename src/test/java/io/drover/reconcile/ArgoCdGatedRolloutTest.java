package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.forge.PullRequest.State;
import io.drover.model.FleetFiles;
import io.drover.reconcile.Outcome.Action;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FakeForge;
import io.drover.testing.argocd.SimulatedArgoCd;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciler with the Argo CD gate in the loop: Argo CD (a stub checked against its swagger)
 * reports the Applications the ApplicationSets generate at each revision of main, Progressing at
 * first and Healthy a little later. No step opens before the last one's apps run the merge Healthy
 * and it has soaked; Degraded pauses, says why, and rolls back when the policy asks.
 */
class ArgoCdGatedRolloutTest {

    @RegisterExtension
    static final ArgoCdInTheLoop argoCd = new ArgoCdInTheLoop();

    @TempDir
    Path tmp;

    @Test
    void aWholeRolloutWaitsForArgoCdAtEveryStep() throws Exception {
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, ReconcileFixture.exampleAnyTime())) {
            SimulatedArgoCd simulated = argoCd.simulating(fixture);
            Reconciler reconciler = fixture.freshReconciler(fixture.forge, argoCd.gate(fixture));
            List<Outcome> log = new ArrayList<>();
            int openedWhileProgressing = 0;
            for (int pass = 0; pass < 400; pass++) {
                var head = fixture.origin.tip("main").name();
                boolean progressing = pass % 3 == 0; // each revision shows Progressing before Healthy
                simulated.syncTo(fixture.origin.files("main"), head, progressing ? "Progressing" : "Healthy", Map.of());
                Outcome outcome = reconciler.pass().get(0);
                log.add(outcome);
                if (outcome.action() == Action.DONE) {
                    break;
                }
                switch (outcome.action()) {
                    case OPENED -> {
                        // After a retire only the retired cluster's apps count, and they are gone whatever the others do.
                        int opened = fixture.forge.pulls().size();
                        boolean afterRetire = opened > 1 && fixture.forge.pull(opened - 1).request().head().contains("/retire-");
                        openedWhileProgressing += progressing && opened > 1 && !afterRetire ? 1 : 0;
                        fixture.forge.mergeAsReviewer(fixture.forge.pulls().size());
                    }
                    case WAITING -> fixture.clock.advance(outcome.comeBackAt()
                            .map(t -> Duration.between(fixture.clock.instant(), t)).filter(d -> !d.isNegative())
                            .orElse(Duration.ofMinutes(1)).plusSeconds(1));
                    default -> throw new AssertionError("rollout stopped: " + outcome + "\n" + log.subList(Math.max(0, log.size() - 5),
                            log.size()));
                }
            }
            assertThat(log.get(log.size() - 1).action()).isEqualTo(Action.DONE);
            assertThat(openedWhileProgressing).isZero();
            List<FakeForge.Record> pulls = fixture.forge.pulls();
            assertThat(pulls).hasSize(32).allMatch(p -> p.state() == State.MERGED);
            // Every merged step's PR, the last one's too, says when its gate passed, with the applications it looked at.
            assertThat(pulls).allSatisfy(p -> assertThat(p.comments())
                    .anySatisfy(c -> assertThat(c).contains("Gate of step", "passed", "| application |")));
            assertThat(pulls.get(1).request().body()).contains("Argo CD to report", "prod-euw-03-shop");
            // The evidence where auditors look: the gate's status on every merge commit.
            assertThat(fixture.forge.pulls()).allSatisfy(p -> assertThat(
                    fixture.forge.statuses(p.mergeSha()).get("drover/gate")).satisfies(st -> {
                        assertThat(st.state()).isEqualTo(io.drover.forge.CommitStatus.State.SUCCESS);
                        assertThat(st.description()).contains("passed", "soaks until");
                    }));
            // And the audit trail in Git: each merge commit's note says the step merged and its gate passed.
            try (var walk = new org.eclipse.jgit.revwalk.RevWalk(fixture.origin.repository())) {
                var note = org.eclipse.jgit.api.Git.wrap(fixture.origin.repository()).notesShow().setNotesRef("refs/notes/drover")
                        .setObjectId(walk.parseCommit(org.eclipse.jgit.lib.ObjectId.fromString(pulls.get(0).mergeSha()))).call();
                String lines = new String(fixture.origin.repository().open(note.getData()).getBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(lines).contains("\"event\":\"step-merged\"", "\"event\":\"gate-passed\"", "add-prod-euw-03");
            }
            argoCd.stub().assertValidationPassed();
        }
    }

    @Test
    void degradedDuringTheSoakPausesSaysWhyAndOpensTheRollback() throws Exception {
        FleetFiles files = ExampleFleet.withFleetPolicy(ExampleFleet.defaultPolicyAnyTime()
                .replace("automaticRollback: false", "automaticRollback: true"));
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, files)) {
            SimulatedArgoCd simulated = argoCd.simulating(fixture);
            Reconciler reconciler = fixture.freshReconciler(fixture.forge, argoCd.gate(fixture));
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
            fixture.forge.mergeAsReviewer(1);
            String merged = fixture.origin.tip("main").name();
            simulated.syncTo(fixture.origin.files("main"), merged, "Healthy", Map.of());

            Outcome passed = reconciler.pass().get(0);
            assertThat(passed.detail()).contains("passed; soaks until");
            fixture.clock.advance(Duration.ofMinutes(2));
            simulated.syncTo(fixture.origin.files("main"), merged, "Healthy", Map.of("cluster-prod-euw-03", "Degraded"));

            Outcome paused = reconciler.pass().get(0);
            Outcome rollback = reconciler.pass().get(0);
            Outcome still = reconciler.pass().get(0);

            assertThat(paused.action()).isEqualTo(Action.PAUSED);
            assertThat(fixture.forge.statuses(merged).get("drover/gate").state()).isEqualTo(io.drover.forge.CommitStatus.State.FAILURE);
            assertThat(fixture.forge.pull(1).comments()).anySatisfy(c -> assertThat(c)
                    .contains("**paused**", "cluster-prod-euw-03", "Degraded", "opens a pull request that reverts"));
            assertThat(rollback.action()).isEqualTo(Action.OPENED);
            assertThat(fixture.forge.pulls()).hasSize(2);
            var revert = fixture.forge.pull(2);
            assertThat(revert.request().head()).isEqualTo("drover/production-1-31/rollback/add-prod-euw-03");
            assertThat(revert.request().labels()).containsExactly("drover", "drover/rollback");
            assertThat(fixture.origin.read("drover/production-1-31/rollback/add-prod-euw-03", "clusters/prod-euw-03/cluster.yaml"))
                    .isNull();
            assertThat(fixture.origin.read("drover/production-1-31/rollback/add-prod-euw-03", "traffic/shop.yaml"))
                    .isEqualTo(files.read("traffic/shop.yaml").orElseThrow());
            assertThat(still.action()).isEqualTo(Action.PAUSED);
            assertThat(fixture.forge.pulls()).hasSize(2);
        }
    }

    @Test
    void argoCdUnreachableWaitsAndNeverProceeds() throws Exception {
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, ReconcileFixture.exampleAnyTime())) {
            Reconciler reconciler = fixture.freshReconciler(fixture.forge, ArgoCdInTheLoop.gateAt(URI.create("http://127.0.0.1:9"), Duration.ofSeconds(2), fixture));
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
            fixture.forge.mergeAsReviewer(1);

            Outcome waiting = reconciler.pass().get(0);
            fixture.clock.advance(Duration.ofMinutes(30));
            Outcome later = reconciler.pass().get(0);

            assertThat(waiting.action()).isEqualTo(Action.WAITING);
            assertThat(waiting.detail()).contains("gate of add-prod-euw-03");
            assertThat(later.action()).isIn(Action.WAITING, Action.PAUSED);
            assertThat(fixture.forge.pulls()).hasSize(1);
        }
    }
}
