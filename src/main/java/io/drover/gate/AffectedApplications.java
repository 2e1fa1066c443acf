package io.drover.gate;

import io.drover.model.Cluster;
import io.drover.model.ExpectedApplication;
import io.drover.model.Fleet;
import io.drover.model.StepKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The applications a merged step affects and what the gate waits for: those that must run the
 * merge Synced and Healthy, and those that must be gone. Names come from the ApplicationSet
 * templates (generated apps carry no label to find them by). {@code unknownClusters} are touched
 * clusters the fleet does not define, so their applications cannot be named.
 */
public record AffectedApplications(List<ExpectedApplication> running, List<ExpectedApplication> gone,
        List<String> unknownClusters) {

    public AffectedApplications {
        running = List.copyOf(running);
        gone = List.copyOf(gone);
        unknownClusters = List.copyOf(unknownClusters);
    }

    /**
     * Which applications a step of this kind waits for on the clusters it touched: a retired
     * cluster's applications as the fleet had them before the merge, all others at the merge.
     */
    public static AffectedApplications of(StepKind kind, List<String> clusters, Fleet before, Fleet atMerge) {
        List<ExpectedApplication> apps = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Fleet fleet = kind == StepKind.RETIRE_CLUSTER ? before : atMerge;
        for (String name : clusters) {
            Optional<Cluster> cluster = fleet.cluster(name);
            if (cluster.isEmpty()) {
                unknown.add(name);
                continue;
            }
            switch (kind) {
                case ADD_CLUSTER -> apps.addAll(fleet.definitionApplications(cluster.get()));
                case ENROLL_CLUSTER, MIGRATE_APPS, SHIFT_TRAFFIC, DRAIN_CLUSTER ->
                        apps.addAll(fleet.expectedApplications(cluster.get()));
                case UPGRADE_IN_PLACE, RETIRE_CLUSTER -> {
                    apps.addAll(fleet.definitionApplications(cluster.get()));
                    apps.addAll(fleet.expectedApplications(cluster.get()));
                }
            }
        }
        return kind == StepKind.RETIRE_CLUSTER
                ? new AffectedApplications(List.of(), apps, unknown)
                : new AffectedApplications(apps, List.of(), unknown);
    }

    /** What the gate waits for, in the words of the step's pull request: "Drover waits for ...". */
    public String description() {
        List<String> parts = new ArrayList<>();
        if (!running.isEmpty()) {
            parts.add(names(running) + " Synced at the merge commit (or a later one) and Healthy");
        }
        if (!gone.isEmpty()) {
            parts.add(names(gone) + " gone");
        }
        return parts.isEmpty()
                ? "no application in Argo CD (no ApplicationSet generates one for the clusters this step touches)"
                : "Argo CD to report " + String.join(", and ", parts);
    }

    private static String names(List<ExpectedApplication> apps) {
        List<String> names = apps.stream().map(ExpectedApplication::name).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
