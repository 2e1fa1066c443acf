package io.drover.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ordered steps that take the fleet from its current state to the rollout's target, and the
 * warnings of reading the fleet: the first step in full (the one to propose), every step as an
 * outline. Its size grows with the steps, not with steps × fleet; a reader that needs every step
 * in full plans with a {@link StepSink} of its own.
 *
 * @param first the first step in full, empty when there is nothing to do
 * @param steps every step's outline, the first included, in order
 */
public record Plan(PlanStart start, Optional<Step> first, List<StepOutline> steps) implements PlanStart.Holder {

    public Plan {
        steps = List.copyOf(steps);
        if (first.isPresent() != !steps.isEmpty()) {
            throw new IllegalArgumentException("a plan holds its first step in full exactly when it has steps");
        }
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The first step in full: the next to propose. */
    public Step firstStep() {
        return first.orElseThrow(() -> new IllegalStateException("the plan of " + rollout().name() + " has no step"));
    }

    /** A sink that keeps what a {@link Plan} holds: the first step in full and an outline of each. */
    static final class Collector implements StepSink {

        private PlanStart start;
        private Step first;
        private final List<StepOutline> outlines = new ArrayList<>();

        @Override
        public void start(PlanStart start) {
            this.start = start;
        }

        @Override
        public void step(Step step) {
            if (first == null) {
                first = step;
            }
            outlines.add(StepOutline.of(step));
        }

        Plan plan() {
            return new Plan(start, Optional.ofNullable(first), outlines);
        }
    }
}
