package io.drover.planning.strategies;

import io.drover.model.Cluster;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import io.drover.planning.steps.ShiftTraffic;
import java.util.List;
import java.util.Optional;

/** The next rung of the policy's weight ramp for clusters coming up to their full share together. */
final class Ramp {

    private Ramp() {
    }

    /** A shift for the clusters furthest behind, to the lowest next percentage among them; empty at full share. */
    static Optional<StepAction> next(PlanningContext context, List<String> clusters) {
        return next(context, clusters, Integer.MAX_VALUE);
    }

    /** The same, for at most {@code inFlight} of them: the whole group climbs a rung before any climbs the next. */
    static Optional<StepAction> next(PlanningContext context, List<String> clusters, int inFlight) {
        int lowest = Integer.MAX_VALUE;
        for (String name : clusters) {
            int percent = nextPercent(context, name);
            if (percent > 0) {
                lowest = Math.min(lowest, percent);
            }
        }
        if (lowest == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        int percent = lowest;
        List<String> behind = clusters.stream().filter(c -> nextPercent(context, c) == percent).limit(inFlight).toList();
        return Optional.of(new ShiftTraffic(behind, percent));
    }

    static int nextPercent(PlanningContext context, String name) {
        Cluster cluster = context.cluster(name);
        var hostnames = context.fleet().trafficServedBy(name);
        return hostnames.isEmpty() ? 0 : context.nextRampPercent(cluster, hostnames);
    }
}
