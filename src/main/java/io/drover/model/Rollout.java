package io.drover.model;

/** A declared upgrade, read from {@code rollouts/<name>.yaml}; {@code policyLine} is where it names its policy. */
public record Rollout(String name, String path, LabelSelector clusterSelector, KubeVersion targetVersion,
        Strategy strategy, String policyName, int policyLine) {
}
