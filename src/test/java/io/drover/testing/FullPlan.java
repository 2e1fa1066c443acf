package io.drover.testing;

import io.drover.fleet.FleetReadMemo;
import io.drover.model.Fleet;
import io.drover.model.Rollout;
import io.drover.planning.Plan;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.PlanStart;
import io.drover.planning.Planner;
import io.drover.planning.Step;
import io.drover.planning.StepOutline;
import io.drover.planning.StepSink;
import io.drover.planning.templates.TemplateSet;
import io.drover.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plan with every step in full, edits and traffic state included, for tests that look at the
 * later steps' edits: planned through the streaming API with a sink that keeps everything, which
 * the product never does. {@link #plan()} is the plan the product keeps.
 */
public record FullPlan(PlanStart start, List<Step> steps) implements PlanStart.Holder {

    public FullPlan {
        steps = List.copyOf(steps);
    }

    public static FullPlan of(Fleet fleet, Rollout rollout, Policy policy, TemplateSet templates) throws PlanRefusedException {
        List<Step> steps = new ArrayList<>();
        PlanStart[] start = new PlanStart[1];
        Planner.plan(fleet, rollout, policy, templates, new FleetReadMemo(), new StepSink() {
            @Override
            public void start(PlanStart s) {
                start[0] = s;
            }

            @Override
            public void step(Step step) {
                steps.add(step);
            }
        });
        return new FullPlan(start[0], steps);
    }

    /** The plan as the product holds it: the first step in full, every step's outline. */
    public Plan plan() {
        return new Plan(start, steps.stream().findFirst(), steps.stream().map(StepOutline::of).toList());
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public Optional<Step> first() {
        return steps.stream().findFirst();
    }
}
