package io.drover.planning;

import io.drover.model.Problem;
import io.drover.model.Rollout;
import io.drover.planning.capacity.CapacityCheck.CapacityVerdict;
import io.drover.planning.capacity.TrafficState;
import io.drover.policy.Policy;
import java.util.List;

/** What a plan starts from, known before its first step: the clusters, their traffic state and the reading's warnings. */
public record PlanStart(
        Rollout rollout,
        Policy policy,
        List<String> selected,
        List<String> atTarget,
        TrafficState before,
        CapacityVerdict capacityBefore,
        List<Problem> warnings) {

    public PlanStart {
        selected = List.copyOf(selected);
        atTarget = List.copyOf(atTarget);
        warnings = List.copyOf(warnings);
    }

    /** A plan, whole or outlined: what it starts from, read through. */
    public interface Holder {

        PlanStart start();

        default Rollout rollout() {
            return start().rollout();
        }

        default Policy policy() {
            return start().policy();
        }

        default List<String> selected() {
            return start().selected();
        }

        default List<String> atTarget() {
            return start().atTarget();
        }

        default TrafficState before() {
            return start().before();
        }

        default CapacityVerdict capacityBefore() {
            return start().capacityBefore();
        }

        default List<Problem> warnings() {
            return start().warnings();
        }
    }
}
