package io.drover.planning.strategies;

import io.drover.model.Cluster;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import io.drover.planning.steps.AddCluster;
import io.drover.planning.steps.DrainCluster;
import io.drover.planning.steps.EnrollCluster;
import io.drover.planning.steps.LabelEdits;
import io.drover.planning.steps.RetireCluster;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Blue/green (surge): for each wave of old clusters, stage by stage, add new ones at the target
 * version, enroll them, ramp their weights up the policy's ramp, drain the old ones and retire them.
 */
final class BlueGreen implements RolloutStrategy {

    @Override
    public Optional<StepAction> next(PlanningContext context) throws PlanRefusedException {
        List<Cluster> pending = context.belowTarget();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        List<Cluster> wave = Waves.next(context, pending);
        Map<String, Cluster> replacements = context.fleet().replacements();
        List<Cluster> unpaired = wave.stream().filter(c -> !replacements.containsKey(c.name())).toList();
        if (!unpaired.isEmpty()) {
            Map<String, String> added = new LinkedHashMap<>();
            ClusterNaming.newNames(context, unpaired).forEach((old, name) -> added.put(name, old));
            return Optional.of(new AddCluster(added));
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        wave.forEach(old -> pairs.put(replacements.get(old.name()).name(), old.name()));

        Map<String, String> toEnroll = new LinkedHashMap<>();
        pairs.forEach((added, old) -> {
            if (!LabelEdits.missing(context.cluster(old), context.cluster(added), context.fleet().selectionKeys()).isEmpty()) {
                toEnroll.put(added, old);
            }
        });
        if (!toEnroll.isEmpty()) {
            return Optional.of(new EnrollCluster(toEnroll));
        }
        Optional<StepAction> ramp = Ramp.next(context, List.copyOf(pairs.keySet()));
        if (ramp.isPresent()) {
            return ramp;
        }
        List<String> serving = wave.stream()
                .filter(context::servesTraffic)
                .map(Cluster::name).toList();
        if (!serving.isEmpty()) {
            return Optional.of(new DrainCluster(serving));
        }
        return Optional.of(new RetireCluster(wave.stream().map(Cluster::name).toList()));
    }
}
