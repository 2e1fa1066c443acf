package io.drover.planning;

import io.drover.model.Cluster;
import io.drover.model.Fleet;
import io.drover.model.HostnameTraffic;
import io.drover.model.Rollout;
import io.drover.planning.templates.TemplateSet;
import io.drover.policy.Policy;
import java.util.List;

/** Everything a strategy and a step may look at: one fleet state, the rollout, its policy, templates. */
public final class PlanningContext {

    private final Fleet fleet;
    private final Rollout rollout;
    private final Policy policy;
    private final TemplateSet templates;
    private final SelectedClusters selection;

    public PlanningContext(Fleet fleet, Rollout rollout, Policy policy, TemplateSet templates) {
        this(fleet, rollout, policy, templates, SelectedClusters.of(fleet, rollout));
    }

    private PlanningContext(Fleet fleet, Rollout rollout, Policy policy, TemplateSet templates, SelectedClusters selection) {
        this.fleet = fleet;
        this.rollout = rollout;
        this.policy = policy;
        this.templates = templates;
        this.selection = selection;
    }

    /** The context of the state after a step: the selection is carried over for the clusters the step kept. */
    public PlanningContext withFleet(Fleet next) {
        return new PlanningContext(next, rollout, policy, templates, selection.next(next));
    }

    public Fleet fleet() {
        return fleet;
    }

    public Rollout rollout() {
        return rollout;
    }

    public Policy policy() {
        return policy;
    }

    public TemplateSet templates() {
        return templates;
    }

    /** Clusters the rollout selects, by name. */
    public List<Cluster> selected() {
        return selection.selected();
    }

    public Cluster cluster(String name) {
        return fleet.cluster(name).orElseThrow(() -> new IllegalStateException("no cluster " + name + " in this state"));
    }

    /** Clusters the rollout selects that are still below the target version, by name. */
    public List<Cluster> belowTarget() {
        return selection.belowTarget();
    }

    /** Whether the cluster has a weight above 0 on any hostname. */
    public boolean servesTraffic(Cluster cluster) {
        return fleet.trafficServedBy(cluster.name()).stream().anyMatch(h -> h.weightOf(cluster.name()) > 0);
    }

    /** The weight that gives a cluster {@code percent} of its full share; never 0 for a share above 0. */
    public static int rampWeight(Cluster cluster, int percent) {
        if (percent <= 0 || cluster.trafficWeight() == 0) {
            return 0;
        }
        return Math.max(1, (int) Math.round(cluster.trafficWeight() * percent / 100.0));
    }

    /** The lowest weight the cluster has among the given hostnames. */
    public static int lowestWeight(Cluster cluster, List<HostnameTraffic> hostnames) {
        return hostnames.stream().mapToInt(h -> h.weightOf(cluster.name())).min().orElse(cluster.trafficWeight());
    }

    /** The first ramp percentage that raises the cluster above its current lowest weight, or 0 at full share. */
    public int nextRampPercent(Cluster cluster, List<HostnameTraffic> hostnames) {
        int current = lowestWeight(cluster, hostnames);
        return policy.trafficRamp().stream().filter(p -> rampWeight(cluster, p) > current).findFirst().orElse(0);
    }
}
