package io.drover.planning.steps;

import io.drover.model.ApplicationSet;
import io.drover.model.Cluster;
import io.drover.model.FileChange;
import io.drover.model.StepKind;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canary fleet: moves one ApplicationSet onto the new fleet by giving the new clusters the labels
 * its selector looks at, with the values their predecessors have. One app at a time.
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
        return "migrate-" + applicationSet;
    }

    @Override
    public String title() {
        return "Migrate ApplicationSet " + applicationSet + " to the new fleet";
    }

    @Override
    public String summary(PlanningContext context) {
        ApplicationSet set = applicationSet(context);
        return "Adds the labels ApplicationSet " + applicationSet + " selects on ("
                + String.join(", ", set.clusterSelector().orElseThrow().keys()) + ") to " + Names.list(clusters())
                + ", copied from the clusters they replace, so its applications run on both fleets."
                + " Traffic stays on the old fleet.";
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
