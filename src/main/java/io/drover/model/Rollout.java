package io.drover.model;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A declared upgrade, read from {@code rollouts/<name>.yaml}; {@code policyLine} is where it names its policy.
 * {@code leftOut} are clusters the selector matches that people left out of the rollout since
 * ({@code /drover skip}); never read from the file.
 */
public record Rollout(String name, String path, LabelSelector clusterSelector, KubeVersion targetVersion,
        Strategy strategy, String policyName, int policyLine, Set<String> leftOut) {

    public Rollout {
        leftOut = Set.copyOf(leftOut);
    }

    public Rollout(String name, String path, LabelSelector clusterSelector, KubeVersion targetVersion, Strategy strategy,
            String policyName, int policyLine) {
        this(name, path, clusterSelector, targetVersion, strategy, policyName, policyLine, Set.of());
    }

    /** Whether the rollout upgrades this cluster: its selector matches and nobody left it out. */
    public boolean selects(Cluster cluster) {
        return clusterSelector.matches(cluster.labels()) && !leftOut.contains(cluster.name());
    }

    /** The same rollout with these clusters left out as well. */
    public Rollout leavingOut(Collection<String> clusters) {
        if (leftOut.containsAll(clusters)) {
            return this;
        }
        Set<String> all = new TreeSet<>(leftOut);
        all.addAll(clusters);
        return new Rollout(name, path, clusterSelector, targetVersion, strategy, policyName, policyLine, all);
    }
}
