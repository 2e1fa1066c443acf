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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Canary fleet: build a second fleet at the target version, move the applications onto it one
 * ApplicationSet at a time, ramp the new fleet's traffic up, drain the old fleet, then retire it.
 * Each phase runs over the whole stage before the next phase starts (that is what sets it apart
 * from blue/green), a wave of {@code clustersInFlight} clusters per step; a stage finishes before
 * the next one starts.
 */
final class CanaryFleet implements RolloutStrategy {

    @Override
    public Optional<StepAction> next(PlanningContext context) throws PlanRefusedException {
        List<Cluster> stage = Waves.currentStage(context, context.belowTarget());
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        int inFlight = Waves.size(context);
        Map<String, Cluster> replacements = context.fleet().replacements();
        List<Cluster> unpaired = stage.stream().filter(c -> !replacements.containsKey(c.name())).toList();
        if (!unpaired.isEmpty()) {
            Map<String, String> added = new LinkedHashMap<>();
            ClusterNaming.newNames(context, Waves.first(unpaired, inFlight))
                    .forEach((o, name) -> added.put(name, o));
            return Optional.of(new AddCluster(added));
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        stage.forEach(o -> pairs.put(replacements.get(o.name()).name(), o.name()));

        List<ApplicationSet> sets = context.fleet().applicationSets().stream()
                .filter(a -> a.clusterSelector().isPresent())
                // Fewest selector keys first: labels added for a broad set rarely move a narrower one early.
                .sorted(Comparator.comparingInt((ApplicationSet a) -> a.clusterSelector().orElseThrow().keys().size())
                        .thenComparing(ApplicationSet::name))
                .toList();
        for (ApplicationSet set : sets) {
            Map<String, String> notMoved = new LinkedHashMap<>();
            pairs.forEach((added, old) -> {
                if (notMoved.size() < inFlight && !LabelEdits.missing(context.cluster(old), context.cluster(added),
                        set.clusterSelector().orElseThrow().keys()).isEmpty()) {
                    notMoved.put(added, old);
                }
            });
            if (!notMoved.isEmpty()) {
                return Optional.of(new MigrateApps(set.name(), notMoved));
            }
        }
        Optional<StepAction> ramp = Ramp.next(context, List.copyOf(pairs.keySet()), inFlight);
        if (ramp.isPresent()) {
            return ramp;
        }
        List<String> serving = stage.stream()
                .filter(context::servesTraffic)
                .map(Cluster::name).toList();
        if (!serving.isEmpty()) {
            return Optional.of(new DrainCluster(Waves.first(serving, inFlight)));
        }
        return Optional.of(new RetireCluster(Waves.first(stage, inFlight).stream().map(Cluster::name).toList()));
    }
}
