package io.drover.planning.steps;

import io.drover.model.ApplicationSet;
import io.drover.model.Cluster;
import io.drover.model.FileChange;
import io.drover.model.StepKind;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import java.util.List;
import io.drover.planning.steps.LabelEdits;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canary fleet: moves one ApplicationSet onto the new fleet by giving the new clusters the labels
 * its selector looks at, with the values their predecessors have. One app and one wave of clusters at a time.
 */
public record MigrateApps(String applicationSet, Map<String, String> replacements) implements StepAction {

    public MigrateApps {
        replacements = Map.copyOf(new TreeMap<>(replacements));
    }

    @Override
    public StepKind kind() {
        return StepKind.MIGRATE_APPS;
    }

    @Override
    public List<String> clusters() {
        return replacements.keySet().stream().sorted().toList();
    }

    @Override
    public String id() {
        return "migrate-" + applicationSet + "-" + Names.forId(clusters());
    }

    @Override
    public String title() {
        return "Migrate ApplicationSet " + applicationSet + " to " + Names.list(clusters());
    }

    @Override
    public String summary(PlanningContext context) {
        ApplicationSet set = applicationSet(context);
        String summary = "Adds the labels ApplicationSet " + applicationSet + " selects on ("
                + String.join(", ", set.clusterSelector().orElseThrow().keys()) + ") to " + Names.list(clusters())
                + ", copied from the clusters they replace, so its applications run on both fleets.";
        List<String> alongside = movedAlongside(context);
        if (!alongside.isEmpty()) {
            summary += " The same labels also bring ApplicationSet" + (alongside.size() == 1 ? " " : "s ")
                    + Names.list(alongside) + " to the new fleet.";
        }
        return summary + " Traffic stays on the old fleet.";
    }

    /** Other ApplicationSets that select a new cluster only once this step's labels are added. */
    private List<String> movedAlongside(PlanningContext context) {
        Map<String, Map<String, String>> labelsAfter = new TreeMap<>();
        ApplicationSet set = applicationSet(context);
        for (String name : clusters()) {
            Cluster added = context.cluster(name);
            Map<String, String> labels = new TreeMap<>(added.secret().labels());
            labels.putAll(LabelEdits.missing(context.cluster(replacements.get(name)), added, set.clusterSelector().orElseThrow().keys()));
            labelsAfter.put(name, labels);
        }
        return context.fleet().applicationSets().stream()
                .filter(a -> !a.name().equals(applicationSet) && a.clusterSelector().isPresent())
                .filter(a -> clusters().stream().anyMatch(c -> !a.selects(context.cluster(c))
                        && a.clusterSelector().orElseThrow().matches(labelsAfter.get(c))))
                .map(ApplicationSet::name).sorted().toList();
    }

    @Override
    public List<FileChange> changes(PlanningContext context) {
        ApplicationSet set = applicationSet(context);
        FileEdits edits = new FileEdits(context.fleet().files());
        for (String name : clusters()) {
            Cluster added = context.cluster(name);
            Cluster old = context.cluster(replacements.get(name));
            LabelEdits.add(edits, added, LabelEdits.missing(old, added, set.clusterSelector().orElseThrow().keys()));
        }
        return edits.changes();
    }

    private ApplicationSet applicationSet(PlanningContext context) {
        return context.fleet().applicationSets().stream().filter(a -> a.name().equals(applicationSet)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ApplicationSet " + applicationSet));
    }
}
