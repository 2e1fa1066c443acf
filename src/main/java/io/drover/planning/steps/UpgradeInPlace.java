package io.drover.planning.steps;

import io.drover.model.Cluster;
import io.drover.model.FileChange;
import io.drover.model.KubeVersion;
import io.drover.model.StepKind;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import java.util.List;

/** Bumps the Kubernetes version in the clusters' Cluster API definitions; Cluster API does the rest. */
public record UpgradeInPlace(List<String> clusters, KubeVersion version) implements StepAction {

    public UpgradeInPlace {
        clusters = clusters.stream().sorted().toList();
    }

    @Override
    public StepKind kind() {
        return StepKind.UPGRADE_IN_PLACE;
    }

    @Override
    public String id() {
        return "upgrade-" + Names.forId(clusters) + "-" + version.minorName();
    }

    @Override
    public String title() {
        return "Upgrade " + Names.list(clusters) + " in place to " + version;
    }

    @Override
    public String summary(PlanningContext context) {
        List<String> from = clusters.stream().map(c -> c + " " + context.cluster(c).version() + " → " + version).toList();
        return "Changes spec.topology.version (" + String.join(", ", from) + "). Cluster API upgrades the control plane, "
                + "then rolls the workers. The clusters are drained, so no traffic is served from them meanwhile.";
    }

    @Override
    public List<FileChange> changes(PlanningContext context) {
        FileEdits edits = new FileEdits(context.fleet().files());
        for (String name : clusters) {
            Cluster cluster = context.cluster(name);
            edits.editYaml(cluster.definitionPath(), FileEdits.kind("Cluster"), (doc, editor) -> {
                var node = doc.at("spec", "topology", "version").orElseThrow();
                // Keep the way the repo writes versions, with or without the leading v.
                String written = node.scalar().trim().startsWith("v") ? version.toString() : version.toString().substring(1);
                editor.replaceScalar(node, written);
            });
        }
        return edits.changes();
    }
}
