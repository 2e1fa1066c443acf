package io.drover.planning.strategies;

import io.drover.model.Strategy;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import java.util.Optional;

/**
 * Decides the next step from the fleet state alone. Because nothing but the state is consulted,
 * planning again after some steps are merged yields the remaining steps, with the same ids.
 */
public interface RolloutStrategy {

    /** The next step, or empty when the rollout is complete in this state. */
    Optional<StepAction> next(PlanningContext context) throws PlanRefusedException;

    static RolloutStrategy of(Strategy strategy) {
        return switch (strategy) {
            case BLUE_GREEN -> new BlueGreen();
            case ROLLING -> new RollingInPlace();
            case CANARY_FLEET -> new CanaryFleet();
        };
    }
}
