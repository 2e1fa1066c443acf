package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.planning.Plan;
import io.drover.planning.Step;
import io.drover.planning.StepOutline;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan hash in a step's PR body identifies the plan it was proposed from: the remaining steps
 * with their edits, computed from the outlines a plan keeps rather than from every step's text.
 */
class PlanHashTest {

    private static final FleetFiles FILES = ExampleFleet.files();

    @Test
    void aDifferentEditInALaterStepChangesTheHash() throws Exception {
        FullPlan full = Planning.plan(FILES);
        Plan plan = full.plan();
        int later = plan.steps().size() - 1;
        Step step = full.steps().get(later);
        FileChange change = step.changes().get(0);
        Step edited = new Step(step.id(), step.kind(), step.clusters(), step.title(), step.summary(),
                List.of(new FileChange(change.path(), change.before(), change.after().map(t -> t + "# edited\n"))),
                step.after(), step.capacityAfter());
        List<StepOutline> outlines = new ArrayList<>(plan.steps());
        outlines.set(later, StepOutline.of(edited));

        assertThat(hash(plan)).isEqualTo(hash(Planning.plan(FILES).plan())).hasSize(16);
        assertThat(hash(new Plan(plan.start(), plan.first(), outlines))).isNotEqualTo(hash(plan));
        assertThat(hash(new Plan(plan.start(), plan.first(), plan.steps().subList(0, later)))).isNotEqualTo(hash(plan));
    }

    private static String hash(Plan plan) {
        return new StepTexts(FILES, plan, 0, () -> "nothing").planHash();
    }
}
