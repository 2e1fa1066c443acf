package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.leader.AlwaysLeader;
import io.drover.model.FleetFiles;
import io.drover.reconcile.Outcome.Action;
import io.drover.status.RolloutView;
import io.drover.status.StatusBoard;
import io.drover.status.StepState;
import io.drover.status.StepView;
import io.drover.testing.ExampleFleet;
import io.drover.testing.argocd.SimulatedArgoCd;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view of a rollout the reconciler publishes after each pass follows the rollout through its
 * states: PR open, gating with the gate's apps, soaking until a time, failed and paused.
 */
class RolloutViewTest {

    @RegisterExtension
    static final ArgoCdInTheLoop argoCd = new ArgoCdInTheLoop();

    @TempDir
    Path tmp;

    @Test
    void theViewFollowsAStepFromItsPullRequestThroughGateAndSoakToAFailure() throws Exception {
        FleetFiles files = ExampleFleet.withFleetPolicy(ExampleFleet.defaultPolicyAnyTime());
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, files)) {
            SimulatedArgoCd simulated = argoCd.simulating(fixture);
            StatusBoard board = new StatusBoard();
            Reconciler reconciler = fixture.freshReconciler(fixture.forge, argoCd.gate(fixture), AlwaysLeader.INSTANCE, board);

            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
            RolloutView opened = only(board);
            assertThat(opened.rollout()).isEqualTo("production-1-31");
            assertThat(opened.steps()).hasSize(32);
            assertThat(opened.steps().get(0).state()).isEqualTo(StepState.PR_OPEN);
            reconciler.pass();
            opened = only(board);
            assertThat(opened.steps().get(0).state()).isEqualTo(StepState.PR_OPEN);
            assertThat(opened.steps().get(0).pr()).hasValueSatisfying(pr -> assertThat(pr.number()).isEqualTo(1));
            assertThat(opened.steps().subList(1, 32)).extracting(StepView::state).containsOnly(StepState.PLANNED);
            assertThat(opened.openPr()).isPresent();
            assertThat(opened.gate()).isEmpty();

            fixture.forge.mergeAsReviewer(1);
            String merged = fixture.origin.tip("main").name();
            simulated.syncTo(fixture.origin.files("main"), merged, "Progressing", Map.of());
            reconciler.pass();
            RolloutView gating = only(board);
            assertThat(gating.steps().get(0).state()).isEqualTo(StepState.GATING);
            assertThat(gating.steps().get(0).id()).isEqualTo(opened.steps().get(0).id());
            assertThat(gating.steps().get(0).pr()).isPresent();
            assertThat(gating.openPr()).isEmpty();
            assertThat(gating.gate()).hasValueSatisfying(g -> {
                assertThat(g.verdict()).isEqualTo("waiting");
                assertThat(g.apps()).isNotEmpty().anySatisfy(a -> assertThat(a.health()).isEqualTo("Progressing"));
                assertThat(g.mergedAt()).isPresent();
                assertThat(g.passedAt()).isEmpty();
            });

            fixture.clock.advance(Duration.ofSeconds(40));
            simulated.syncTo(fixture.origin.files("main"), merged, "Healthy", Map.of());
            Outcome soak = reconciler.pass().get(0);
            RolloutView soaking = only(board);
            Instant passedAt = fixture.clock.instant();
            // The gate's wait, from the merge to the pass that saw it pass: what drover_gate_wait_seconds records.
            assertThat(soaking.gate()).hasValueSatisfying(g -> {
                assertThat(g.passedAt()).contains(passedAt);
                assertThat(g.mergedAt()).hasValueSatisfying(m -> assertThat(m).isBefore(passedAt));
            });
            assertThat(soaking.steps().get(0).state()).isEqualTo(StepState.SOAKING);
            assertThat(soaking.nextAt()).isEqualTo(soak.comeBackAt()).isPresent();
            assertThat(soaking.next()).contains("soaks until");

            fixture.clock.advance(Duration.ofMinutes(2));
            simulated.syncTo(fixture.origin.files("main"), merged, "Healthy", Map.of("cluster-prod-euw-03", "Degraded"));
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.PAUSED);
            RolloutView failed = only(board);
            assertThat(failed.steps().get(0).state()).isEqualTo(StepState.FAILED);
            assertThat(failed.pause().paused()).isTrue();
            assertThat(failed.pause().reason()).contains("cluster-prod-euw-03");
            assertThat(failed.gate()).hasValueSatisfying(g -> {
                assertThat(g.apps()).anySatisfy(a -> assertThat(a.health()).isEqualTo("Degraded"));
                // Read back from Drover's gate-passed comment two minutes later.
                assertThat(g.passedAt()).contains(passedAt);
            });
            argoCd.stub().assertValidationPassed();
        }
    }

    private static RolloutView only(StatusBoard board) {
        List<RolloutView> rollouts = board.rollouts();
        assertThat(rollouts).hasSize(1);
        return rollouts.get(0);
    }
}
