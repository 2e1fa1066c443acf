package io.drover.planning.steps;

import io.drover.model.Cluster;
import io.drover.model.FileChange;
import io.drover.model.StepKind;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Gives new clusters the labels their predecessors are selected by, so every ApplicationSet that
 * deployed to the old cluster now deploys to the new one too.
 */
public record EnrollCluster(Map<String, String> replacements) implements StepAction {

    /** @param replacements new cluster name to the name of the cluster it replaces */
    public EnrollCluster {
        replacements = Map.copyOf(new TreeMap<>(replacements));
    }

    @Override
    public StepKind kind() {
        return StepKind.ENROLL_CLUSTER;
    }

    @Override
    public List<String> clusters() {
        return replacements.keySet().stream().sorted().toList();
    }

    @Override
    public String id() {
        return "enroll-" + Names.forId(clusters());
    }

    @Override
    public String title() {
        return "Enroll " + Names.list(clusters()) + " in the ApplicationSets";
    }

    @Override
    public String summary(PlanningContext context) {
        StringBuilder s = new StringBuilder();
        for (String name : clusters()) {
            Cluster added = context.cluster(name);
            Cluster old = context.cluster(replacements.get(name));
            SortedMap<String, String> labels = LabelEdits.missing(old, added, context.fleet().selectionKeys());
            List<String> sets = context.fleet().applicationSets().stream().filter(a -> a.selects(old))
                    .map(a -> a.name()).toList();
            s.append("Labels ").append(name).append(" with ").append(labels).append(" as ").append(old.name())
                    .append(" is, so ApplicationSet").append(sets.size() == 1 ? " " : "s ").append(Names.list(sets))
                    .append(" deploy").append(sets.size() == 1 ? "s" : "").append(" there. ");
        }
        return s.append("No traffic reaches the new cluster yet.").toString();
    }

    @Override
    public List<FileChange> changes(PlanningContext context) {
        FileEdits edits = new FileEdits(context.fleet().files());
        for (String name : clusters()) {
            Cluster added = context.cluster(name);
            Cluster old = context.cluster(replacements.get(name));
            LabelEdits.add(edits, added, LabelEdits.missing(old, added, context.fleet().selectionKeys()));
        }
        return edits.changes();
    }
}
