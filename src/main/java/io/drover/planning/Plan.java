package io.drover.planning;

import io.drover.model.Problem;
import io.drover.model.Rollout;
import io.drover.planning.capacity.CapacityCheck.CapacityVerdict;
import io.drover.planning.capacity.TrafficState;
import io.drover.policy.Policy;
import java.util.List;

/**
 * The ordered steps that take the fleet from its current state to the rollout's target, and the
 * warnings of reading the fleet.
 */
public record Plan(
        Rollout rollout,
        Policy policy,
        List<String> selected,
        List<String> atTarget,
        TrafficState before,
        CapacityVerdict capacityBefore,
        List<Step> steps,
        List<Problem> warnings) {

    public Plan {
        selected = List.copyOf(selected);
        atTarget = List.copyOf(atTarget);
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
