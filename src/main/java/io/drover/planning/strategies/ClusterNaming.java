package io.drover.planning.strategies;

import io.drover.model.Cluster;
import io.drover.model.DnsLabel;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.PlanningContext;
import io.drover.policy.NewClusterNames;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Names new clusters from the policy's pattern, refusing a name that is not a DNS label or is taken. */
final class ClusterNaming {

    private ClusterNaming() {
    }

    /** Names for the given old clusters (which have no replacement yet), in their order. */
    static Map<String, String> newNames(PlanningContext context, List<Cluster> olds) throws PlanRefusedException {
        Map<String, String> names = NewClusterNames.of(context.policy().newClusterName(),
                context.fleet().clusters().keySet(), olds, context.rollout().targetVersion());
        Set<String> taken = new HashSet<>();
        for (var entry : names.entrySet()) {
            String old = entry.getKey();
            String name = entry.getValue();
            if (!DnsLabel.matches(name)) {
                throw new PlanRefusedException("cannot name the cluster that replaces " + old, List.of(
                        "newClusterName '" + context.policy().newClusterName() + "' of policy " + context.policy().name()
                                + " gives '" + name + "', which is not " + DnsLabel.RULE));
            }
            if (context.fleet().clusters().containsKey(name) || !taken.add(name)) {
                throw new PlanRefusedException("cannot name the cluster that replaces " + old, List.of(
                        "newClusterName '" + context.policy().newClusterName() + "' gives '" + name
                                + "', which is already taken; include {seq} in the pattern"));
            }
        }
        return names;
    }
}
