package io.drover.planning;

import io.drover.model.FileChange;
import io.drover.model.StepKind;
import io.drover.planning.capacity.CapacityCheck.CapacityVerdict;
import io.drover.planning.capacity.TrafficState;
import java.util.List;

/**
 * One pull request of a rollout: what it changes and the traffic state after it is merged. The
 * id depends only on the fleet state the step starts from, so re-planning finds it again.
 */
public record Step(
        String id,
        StepKind kind,
        List<String> clusters,
        String title,
        String summary,
        List<FileChange> changes,
        TrafficState after,
        CapacityVerdict capacityAfter) {

    public Step {
        clusters = List.copyOf(clusters);
        changes = List.copyOf(changes);
    }
}
