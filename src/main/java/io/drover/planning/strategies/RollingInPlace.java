package io.drover.planning.strategies;

import io.drover.model.Cluster;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import io.drover.planning.steps.DrainCluster;
import io.drover.planning.steps.UpgradeInPlace;
import java.util.List;
import java.util.Optional;

/**
 * Rolling in place: for each wave, stage by stage, drain the clusters, bump their version one minor release, and
 * ramp their weight back to the full share. A cluster at the target version below its full share
 * is taken to be one this rollout drained, and is ramped back up.
 */
final class RollingInPlace implements RolloutStrategy {

    @Override
    public Optional<StepAction> next(PlanningContext context) throws PlanRefusedException {
        refuseMinorSkips(context);
        List<Cluster> pending = context.selected().stream()
                .filter(c -> c.version().isBefore(context.rollout().targetVersion()) || Ramp.nextPercent(context, c.name()) > 0)
                .toList();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        List<Cluster> wave = Waves.next(context, pending);
        List<String> toDrain = wave.stream().filter(c -> c.version().isBefore(context.rollout().targetVersion()))
                .filter(context::servesTraffic)
                .map(Cluster::name).toList();
        if (!toDrain.isEmpty()) {
            return Optional.of(new DrainCluster(toDrain));
        }
        List<String> toUpgrade = wave.stream().filter(c -> c.version().isBefore(context.rollout().targetVersion()))
                .map(Cluster::name).toList();
        if (!toUpgrade.isEmpty()) {
            return Optional.of(new UpgradeInPlace(toUpgrade, context.rollout().targetVersion()));
        }
        return Ramp.next(context, wave.stream().map(Cluster::name).toList());
    }

    private static void refuseMinorSkips(PlanningContext context) throws PlanRefusedException {
        List<String> skips = context.belowTarget().stream()
                .filter(c -> c.version().minorsUntil(context.rollout().targetVersion()) > 1)
                .map(c -> c.name() + " is at " + c.version() + ", " + context.rollout().targetVersion() + " is "
                        + (c.version().minorsUntil(context.rollout().targetVersion()) == Integer.MAX_VALUE ? "a major version"
                                : c.version().minorsUntil(context.rollout().targetVersion()) + " minor versions") + " ahead")
                .toList();
        if (!skips.isEmpty()) {
            List<String> reasons = new java.util.ArrayList<>(skips);
            reasons.add("Kubernetes upgrades in place one minor version at a time: roll out v"
                    + context.belowTarget().get(0).version().major() + "." + (context.belowTarget().get(0).version().minor() + 1)
                    + ".x first, or use strategy blue-green, which builds new clusters at the target");
            throw new PlanRefusedException("rolling upgrade of " + context.rollout().name() + " would skip a minor version",
                    reasons);
        }
    }
}
