package io.drover.planning.strategies;

import io.drover.model.Cluster;
import io.drover.planning.PlanningContext;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy's waves: how many clusters one step moves ({@code clustersInFlight}) and which
 * clusters go first ({@code stages}). Both are worked out from the fleet state alone, so that
 * re-planning half way through a rollout picks the same waves again.
 */
final class Waves {

    private Waves() {
    }

    /**
     * Clusters one step may move. A percentage counts the clusters the rollout selects, a cluster
     * and the new one that replaces it once: that number stays the same while the rollout adds and
     * retires clusters, so every state of the rollout gets the same wave size.
     */
    static int size(PlanningContext context) {
        Set<String> present = context.fleet().clusters().keySet();
        int selected = (int) context.selected().stream()
                .filter(c -> c.replaces().filter(present::contains).isEmpty())
                .count();
        return context.policy().clustersInFlight().of(selected);
    }

    /**
     * The clusters of the first stage that still has any, in the order given (a stage finishes
     * before the next starts); all of them without stages.
     */
    static List<Cluster> currentStage(PlanningContext context, List<Cluster> pending) {
        return context.policy().stages().map(stages -> {
            if (pending.isEmpty()) {
                return pending;
            }
            // The stage of the first cluster a stable sort by stage would give; no need to sort them all.
            Comparator<Cluster> byStage = stages.byStage();
            Cluster earliest = pending.get(0);
            for (Cluster cluster : pending) {
                if (byStage.compare(cluster, earliest) < 0) {
                    earliest = cluster;
                }
            }
            var first = stages.valueOf(earliest);
            return pending.stream().filter(c -> stages.valueOf(c).equals(first)).collect(Collectors.toList());
        }).orElse(pending);
    }

    /** The next wave: the first clusters of the current stage, as many as may be in flight. */
    static List<Cluster> next(PlanningContext context, List<Cluster> pending) {
        return first(currentStage(context, pending), size(context));
    }

    static <T> List<T> first(List<T> items, int count) {
        return List.copyOf(items.subList(0, Math.min(count, items.size())));
    }
}
