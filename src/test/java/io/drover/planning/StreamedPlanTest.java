package io.drover.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.fleet.FleetReadMemo;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.planning.templates.TemplateSet;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamedPlanTest {

    @Test
    void theSinkGetsTheStartThenEveryStepInOrderAndThePlanKeepsOnlyTheFirstInFull() throws Exception {
        FleetFiles files = ExampleFleet.files();
        Fleet fleet = ExampleFleet.read(files);
        Rollout rollout = fleet.rollouts().values().iterator().next();
        List<Object> received = new ArrayList<>();
        int count = Planner.plan(fleet, rollout, Planning.policy(files, rollout.policyName()), TemplateSet.forFleet(files),
                new FleetReadMemo(), new StepSink() {
                    @Override
                    public void start(PlanStart start) {
                        received.add(start);
                    }

                    @Override
                    public void step(Step step) {
                        received.add(step);
                    }
                });
        Plan plan = Planner.plan(fleet, rollout, Planning.policy(files, rollout.policyName()), TemplateSet.forFleet(files));

        assertThat(count).isEqualTo(32).isEqualTo(received.size() - 1);
        assertThat(received.get(0)).isEqualTo(plan.start());
        List<Step> steps = received.subList(1, received.size()).stream().map(Step.class::cast).toList();
        assertThat(plan.firstStep()).isEqualTo(steps.get(0));
        assertThat(plan.steps()).containsExactlyElementsOf(steps.stream().map(StepOutline::of).toList());
        assertThat(plan.steps()).extracting(StepOutline::changesDigest).doesNotHaveDuplicates();
    }

    @Test
    void aStepsDigestIsOfItsEditsTexts() throws Exception {
        FullPlan full = Planning.plan(ExampleFleet.files());
        Step step = full.steps().get(5);
        var change = step.changes().get(0);
        Step edited = new Step(step.id(), step.kind(), step.clusters(), step.title(), step.summary(),
                List.of(new io.drover.model.FileChange(change.path(), change.before(), change.after().map(t -> t + "# more\n"))),
                step.after(), step.capacityAfter());

        assertThat(StepOutline.of(step)).isEqualTo(StepOutline.of(step));
        assertThat(StepOutline.of(edited).changesDigest()).isNotEqualTo(StepOutline.of(step).changesDigest());
        assertThat(StepOutline.of(edited).id()).isEqualTo(step.id());
    }

    @Test
    void aRefusalComesAfterTheStepsBeforeItWereHandedOver() throws Exception {
        FleetFiles files = ExampleFleet.withStrategy("rolling");
        Fleet fleet = ExampleFleet.read(files);
        Rollout rollout = fleet.rollouts().values().iterator().next();
        List<String> received = new ArrayList<>();

        assertThatThrownBy(() -> Planner.plan(fleet, rollout, Planning.policy(files, "conservative"), TemplateSet.forFleet(files),
                new FleetReadMemo(), new StepSink() {
                    @Override
                    public void start(PlanStart start) {
                        received.add("start");
                    }

                    @Override
                    public void step(Step step) {
                        received.add(step.id());
                    }
                })).isInstanceOf(PlanRefusedException.class).hasMessageStartingWith("step 1 ");
        assertThat(received).containsExactly("start");
    }
}
