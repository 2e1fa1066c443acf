package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.audit.StepTrail;
import io.drover.audit.TrailReader;
import io.drover.git.FleetWorkspace;
import io.drover.reconcile.Outcome.Action;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who merged each step reaches the audit trail, read back from Git alone: the forge is asked when
 * Drover records the step's merge, whether its gate then passes or fails.
 */
class WhoMergedTest {

    @RegisterExtension
    final ReconcileFixtures fixtures = new ReconcileFixtures();
    ReconcileFixture fixture;

    @Test
    void aStepWhoseGatePassedNamesWhoMergedIt() throws Exception {
        fixture = fixtures.anyTime();
        Reconciler reconciler = fixture.freshReconciler(fixture.forge);
        reconciler.pass();
        fixture.forge.mergeAs("alice", 1);

        assertThat(reconciler.pass().get(0).detail()).contains("passed; soaks until");

        StepTrail step = steps().get(0);
        assertThat(step.mergedBy()).contains("alice");
        assertThat(step.pr()).hasValueSatisfying(pr -> assertThat(pr.number()).isEqualTo(1));
    }

    @Test
    void aStepWhoseGateFailedIsRecordedAsMergedAndByWhom() throws Exception {
        fixture = fixtures.anyTime();
        Reconciler reconciler = fixture.freshReconciler(fixture.forge, ReconcileFixture.failingGate());
        reconciler.pass();
        fixture.forge.mergeAs("bob", 1);

        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.PAUSED);

        StepTrail step = steps().get(0);
        assertThat(step.mergedBy()).contains("bob");
        assertThat(step.events()).extracting(e -> e.event().event()).containsExactly("gate-failed");
        // A later pass (the failure is sticky) adds no second line.
        reconciler.pass();
        assertThat(steps()).singleElement().satisfies(s -> assertThat(s.events()).hasSize(1));
    }

    private List<StepTrail> steps() throws Exception {
        try (var history = FleetWorkspace.reading(fixture.origin.repository())) {
            var trail = TrailReader.read(history, "main", fixture.origin.tip("main").name());
            return trail.rollouts().stream().filter(r -> r.name().equals("production-1-31")).findFirst().orElseThrow().steps();
        }
    }
}
