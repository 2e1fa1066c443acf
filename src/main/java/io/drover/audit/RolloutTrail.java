package io.drover.audit;

import java.time.Instant;
import java.util.List;

/**
 * What the trail says of one rollout: its merged steps in the order they were merged, the decisions
 * people took, and events of kinds this Drover does not know (or about no step it found), as written.
 */
public record RolloutTrail(String name, List<StepTrail> steps, List<TrailEntry> decisions, List<TrailEntry> other) {

    public RolloutTrail {
        steps = List.copyOf(steps);
        decisions = List.copyOf(decisions);
        other = List.copyOf(other);
    }

    /** The steps merged at or after {@code from}, with all their events, and the other entries from then on. */
    public RolloutTrail since(Instant from) {
        return new RolloutTrail(name, steps.stream().filter(s -> !s.mergedAt().isBefore(from)).toList(),
                decisions.stream().filter(d -> !d.time().isBefore(from)).toList(),
                other.stream().filter(o -> !o.time().isBefore(from)).toList());
    }

    public boolean isEmpty() {
        return steps.isEmpty() && decisions.isEmpty() && other.isEmpty();
    }
}
