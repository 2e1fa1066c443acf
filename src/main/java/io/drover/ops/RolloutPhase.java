package io.drover.ops;

import io.drover.status.RolloutView;
import io.drover.status.StepState;
import io.drover.status.StepView;
import java.util.Locale;

/**
 * Where a rollout stands as a whole, for the {@code drover_rollouts} gauge: the first that holds of
 * paused, failed, done, gating, soaking, PR open, else waiting (for a change window, or for its next
 * pull request to open).
 */
enum RolloutPhase {
    PAUSED, FAILED, DONE, GATING, SOAKING, PR_OPEN, WAITING;

    static RolloutPhase of(RolloutView view) {
        if (view.pause().paused()) {
            return PAUSED;
        }
        if (any(view, StepState.FAILED)) {
            return FAILED;
        }
        if (view.steps().stream().map(StepView::state).allMatch(s -> s == StepState.DONE || s == StepState.SKIPPED)) {
            return DONE;
        }
        // A step merged but not seen as the last merged one yet is about to be gated.
        if (any(view, StepState.GATING) || any(view, StepState.MERGED)) {
            return GATING;
        }
        if (any(view, StepState.SOAKING)) {
            return SOAKING;
        }
        return any(view, StepState.PR_OPEN) ? PR_OPEN : WAITING;
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static boolean any(RolloutView view, StepState state) {
        return view.steps().stream().anyMatch(s -> s.state() == state);
    }
}
