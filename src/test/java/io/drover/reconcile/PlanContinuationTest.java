package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.fleet.FleetReadMemo;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.planning.Plan;
import io.drover.planning.Planner;
import io.drover.planning.Step;
import io.drover.planning.templates.TemplateSet;
import io.drover.policy.Policy;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.GeneratedFleet;
import io.drover.testing.Planning;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plan continued after a merged step is the plan a full re-plan gives on the merged state:
 * walked through whole rollouts, merging one step after the other, continuing each time from the
 * previous continued plan, and compared with a full plan at every state.
 */
class PlanContinuationTest {

    @ParameterizedTest
    @CsvSource({"example, blue-green, ", "example, rolling, ", "example, canary-fleet, ", "example, blue-green, regional",
            "generated, blue-green, regional", "generated, canary-fleet, regional"})
    void theContinuedPlanIsTheFullPlanAfterEveryMergedStep(String fleet, String strategy, String policyName) throws Exception {
        FleetFiles state = start(fleet, strategy);
        Plan plan = Planning.plan(state, policyName).plan();
        assertThat(plan.steps()).hasSizeGreaterThan(3);

        int merged = 0;
        while (!plan.isEmpty()) {
            FleetFiles next = state.apply(plan.firstStep().changes());
            assertThat(PlanContinuation.follows(state, plan.firstStep(), next)).isTrue();
            merged++;
            Plan full = Planning.plan(next, policyName).plan();
            PlanContinuation.Continued continued = PlanContinuation.continued(plan, firstStep(next, policyName));

            assertThat(continued.plan()).as("after %d merged steps: %s", merged, continued.why()).isPresent();
            assertSamePlan(continued.plan().get(), full, next, merged);
            state = next;
            plan = continued.plan().get();
        }
    }

    @ParameterizedTest
    @CsvSource({"example, blue-green", "generated, canary-fleet"})
    void aMergeWithAnUnrelatedEditIsNotAContinuation(String fleet, String strategy) throws Exception {
        FleetFiles state = start(fleet, strategy);
        FullPlan plan = Planning.plan(state, null);
        Step first = plan.steps().get(0);
        Map<String, String> withNote = new TreeMap<>(state.apply(first.changes()).asMap());
        withNote.put("NOTES.md", "an unrelated note merged with the step\n");

        assertThat(PlanContinuation.follows(state, first, FleetFiles.of(withNote))).isFalse();
        assertThat(PlanContinuation.follows(state, first, state)).as("the step not merged").isFalse();
        assertThat(PlanContinuation.follows(state, first, state.apply(plan.steps().get(1).changes())))
                .as("another step's edits merged instead").isFalse();
    }

    @ParameterizedTest
    @CsvSource({"example, blue-green"})
    void aNewFirstStepThatIsNotTheEarlierPlansSecondIsNoContinuation(String fleet, String strategy) throws Exception {
        FleetFiles state = start(fleet, strategy);
        FullPlan plan = Planning.plan(state, null);
        // Continuing from a plan whose second step is not what the merged state plans first (here: the plan two
        // steps back) is refused, with why, rather than trusted.
        FleetFiles afterTwo = Planning.afterSteps(state, plan, 2);

        PlanContinuation.Continued continued = PlanContinuation.continued(plan.plan(), firstStep(afterTwo, null));

        assertThat(continued.plan()).isEmpty();
        assertThat(continued.why()).contains(plan.steps().get(2).id()).contains(plan.steps().get(1).id());
    }

    private static void assertSamePlan(Plan continued, Plan full, FleetFiles files, int merged) {
        String after = "after " + merged + " merged steps";
        assertThat(continued.steps()).as(after + ": every step's outline, its edits' digest included")
                .containsExactlyElementsOf(full.steps());
        assertThat(continued.start()).as(after + ": selected, at target, traffic and capacity before, warnings")
                .isEqualTo(full.start());
        assertThat(continued.first()).as(after + ": the first step in full, its traffic and capacity included")
                .isEqualTo(full.first());
        if (!full.isEmpty()) {
            StepTexts fromContinued = new StepTexts(files, continued, merged, () -> "the gate");
            StepTexts fromFull = new StepTexts(files, full, merged, () -> "the gate");
            assertThat(fromContinued.planHash()).as(after).isEqualTo(fromFull.planHash());
            assertThat(fromContinued.title()).as(after).isEqualTo(fromFull.title());
            assertThat(fromContinued.body("0".repeat(40))).as(after).isEqualTo(fromFull.body("0".repeat(40)));
        }
    }

    private static Plan firstStep(FleetFiles files, String policyName) throws Exception {
        Fleet fleet = ExampleFleet.read(files);
        Rollout rollout = fleet.rollouts().values().iterator().next();
        Policy policy = Planning.policy(files, policyName == null ? rollout.policyName() : policyName);
        return Planner.firstSteps(fleet, rollout, policy, TemplateSet.forFleet(files), new FleetReadMemo(), 1);
    }

    private static FleetFiles start(String fleet, String strategy) {
        if (fleet.equals("example")) {
            return ExampleFleet.withStrategy(strategy);
        }
        return GeneratedFleet.of(new GeneratedFleet.Spec(List.of("eu", "us", "ap", "sa"),
                java.util.Collections.nCopies(12, 1000), java.util.Collections.nCopies(12, 100), 12 * 200,
                "v1.30.2", "v1.31.0", strategy));
    }
}
