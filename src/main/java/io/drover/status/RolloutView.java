package io.drover.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One rollout as the latest reconcile pass saw it: every step with its state, the gate being waited
 * on, the pause state and what happens next and when. Built from what the pass observed, without
 * a request of its own; immutable, so the views can read it from any thread.
 */
public record RolloutView(String rollout, String targetVersion, Instant observedAt, List<StepView> steps,
        Optional<GateView> gate, PauseView pause, String next, Optional<Instant> nextAt) {

    public RolloutView {
        steps = List.copyOf(steps);
    }

    /** The pull request of the step Drover works on, if one is open. */
    public Optional<PullRequestLink> openPr() {
        return steps.stream().filter(s -> s.state() == StepState.PR_OPEN).map(StepView::pr).flatMap(Optional::stream)
                .findFirst();
    }
}
