package io.drover.planning.steps;

import io.drover.model.Cluster;
import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.model.HostnameTraffic;
import io.drover.model.StepKind;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Removes drained clusters from the repo: the Argo CD cluster Secret (so its Applications go),
 * its app overlays, its weighted records and its Cluster API definition.
 */
public record RetireCluster(List<String> clusters) implements StepAction {

    public RetireCluster {
        clusters = clusters.stream().sorted().toList();
    }

    @Override
    public StepKind kind() {
        return StepKind.RETIRE_CLUSTER;
    }

    @Override
    public String id() {
        return "retire-" + Names.forId(clusters);
    }

    @Override
    public String title() {
        return "Retire " + Names.list(clusters);
    }

    @Override
    public String summary(PlanningContext context) {
        StringBuilder s = new StringBuilder();
        for (String name : clusters) {
            Cluster cluster = context.cluster(name);
            s.append("Deletes ").append(name).append(" (").append(cluster.version()).append("): its Argo CD cluster Secret, ")
                    .append(overlays(context, name).size()).append(" app overlays, ")
                    .append(context.fleet().trafficServedBy(name).size()).append(" weighted records at weight 0 and its ")
                    .append("Cluster API definition. ");
        }
        return s.append("Argo CD removes the cluster's Applications; Cluster API deletes the cluster.").toString();
    }

    @Override
    public List<FileChange> changes(PlanningContext context) {
        FileEdits edits = new FileEdits(context.fleet().files());
        for (String name : clusters) {
            Cluster cluster = context.cluster(name);
            edits.delete(cluster.secret().path());
            overlays(context, name).forEach(edits::delete);
            edits.delete(cluster.directory());
            for (HostnameTraffic hostname : context.fleet().trafficServedBy(name)) {
                TrafficEdits.removeRecord(edits, hostname, name);
            }
        }
        return edits.changes();
    }

    /** Every {@code apps/<app>/overlays/<cluster>} directory, selected by an ApplicationSet or not. */
    static List<String> overlays(PlanningContext context, String cluster) {
        FleetFiles files = context.fleet().files();
        List<String> overlays = new ArrayList<>();
        // One look per app directory, not per file: a step of a wave asks for hundreds of clusters.
        SortedMap<String, String> rest = files.under("apps");
        while (!rest.isEmpty()) {
            String first = rest.firstKey();
            int end = first.indexOf('/', "apps/".length());
            if (end < 0) {
                // A file directly under apps/ is no app directory.
                rest = rest.tailMap(first + "\0");
                continue;
            }
            String app = first.substring(0, end + 1);
            String overlay = app + "overlays/" + cluster;
            if (files.isDirectory(overlay)) {
                overlays.add(overlay);
            }
            rest = rest.tailMap(app + Character.MAX_VALUE);
        }
        return overlays;
    }
}
