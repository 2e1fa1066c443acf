package io.drover.planning.strategies;

import io.drover.model.ApplicationSet;
import io.drover.model.Cluster;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import io.drover.planning.steps.AddCluster;
import io.drover.planning.steps.DrainCluster;
import io.drover.planning.steps.LabelEdits;
import io.drover.planning.steps.MigrateApps;
import io.drover.planning.steps.RetireCluster;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Canary fleet: build a second fleet at the target version, move the applications onto it one
 * ApplicationSet at a time, ramp the whole new fleet's traffic up, drain the old fleet at once,
 * then retire it wave by wave.
 */
final class CanaryFleet implements RolloutStrategy {

    @Override
    public Optional<StepAction> next(PlanningContext context) throws PlanRefusedException {
        List<Cluster> old = context.belowTarget();
        if (old.isEmpty()) {
            return Optional.empty();
        }
        int inFlight = context.policy().clustersInFlight();
        List<Cluster> unpaired = old.stream().filter(c -> context.fleet().replacementOf(c.name()).isEmpty()).toList();
        if (!unpaired.isEmpty()) {
            Map<String, String> replacements = new LinkedHashMap<>();
            ClusterNaming.newNames(context, unpaired.subList(0, Math.min(inFlight, unpaired.size())))
                    .forEach((o, added) -> replacements.put(added, o));
            return Optional.of(new AddCluster(replacements));
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        old.forEach(o -> pairs.put(context.fleet().replacementOf(o.name()).orElseThrow().name(), o.name()));

        List<ApplicationSet> sets = context.fleet().applicationSets().stream()
                .filter(a -> a.clusterSelector().isPresent())
                // Fewest selector keys first: labels added for a broad set rarely move a narrower one early.
                .sorted(java.util.Comparator.comparingInt((ApplicationSet a) -> a.clusterSelector().orElseThrow().keys().size())
                        .thenComparing(ApplicationSet::name))
                .toList();
        for (ApplicationSet set : sets) {
            boolean moved = pairs.entrySet().stream().allMatch(p -> LabelEdits.missing(context.cluster(p.getValue()),
                    context.cluster(p.getKey()), set.clusterSelector().orElseThrow().keys()).isEmpty());
            if (!moved) {
                return Optional.of(new MigrateApps(set.name(), pairs));
            }
        }
        Optional<StepAction> ramp = Ramp.next(context, List.copyOf(pairs.keySet()));
        if (ramp.isPresent()) {
            return ramp;
        }
        List<String> serving = old.stream()
                .filter(context::servesTraffic)
                .map(Cluster::name).toList();
        if (!serving.isEmpty()) {
            return Optional.of(new DrainCluster(serving));
        }
        return Optional.of(new RetireCluster(old.subList(0, Math.min(inFlight, old.size())).stream().map(Cluster::name).toList()));
    }
}
