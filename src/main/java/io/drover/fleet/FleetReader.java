package io.drover.fleet;

import io.drover.model.ApplicationSet;
import io.drover.model.Cluster;
import io.drover.model.ExpectedApplication;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.HostnameTraffic;
import io.drover.model.Rollout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Reads a fleet repository state into a {@link Fleet}, checking it in one pass: every problem
 * is collected and reported together, each with its file and line.
 */
public final class FleetReader {

    private FleetReader() {
    }

    public static Fleet read(FleetFiles files) throws InvalidFleetException {
        Problems problems = new Problems();
        SortedMap<String, Cluster> clusters = new ClusterReader(files, problems).read();
        List<ApplicationSet> sets = new ApplicationSetReader(files, problems).read();
        List<HostnameTraffic> traffic = new TrafficReader(files, problems).read(clusterNames(files));
        SortedMap<String, Rollout> rollouts = new RolloutReader(files, problems).read();
        Fleet fleet = new Fleet(files, clusters, sets, traffic, rollouts);
        checkOverlaysExist(fleet, problems);
        checkReplacementsAreUnique(fleet, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFleetException(problems.sorted());
        }
        return fleet;
    }

    /** Every directory named under clusters/, including those whose definition is broken. */
    private static java.util.Set<String> clusterNames(FleetFiles files) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        files.under("clusters").keySet().stream().map(p -> p.split("/")).filter(parts -> parts.length > 2)
                .forEach(parts -> names.add(parts[1]));
        return names;
    }

    private static void checkOverlaysExist(Fleet fleet, Problems problems) {
        for (Cluster cluster : fleet.clusters().values()) {
            for (ExpectedApplication app : fleet.expectedApplications(cluster)) {
                for (String path : app.sourcePaths()) {
                    if (path.startsWith("apps/") && !fleet.files().isDirectory(path)) {
                        ApplicationSet set = fleet.applicationSets().stream()
                                .filter(s -> s.name().equals(app.applicationSet())).findFirst().orElseThrow();
                        problems.add(set.path(), 0, "ApplicationSet " + set.name() + " deploys " + path + " to cluster "
                                + cluster.name() + " (its Secret's labels match), but that directory does not exist",
                                "add the overlay " + path + "/kustomization.yaml, or change the labels in "
                                        + cluster.secret().path());
                    }
                }
            }
        }
    }

    private static void checkReplacementsAreUnique(Fleet fleet, Problems problems) {
        Map<String, Cluster> byReplaced = new HashMap<>();
        for (Cluster cluster : fleet.clusters().values()) {
            cluster.replaces().ifPresent(old -> {
                Cluster first = byReplaced.putIfAbsent(old, cluster);
                if (first != null) {
                    problems.add(cluster.definitionPath(), 0, "both " + first.name() + " and " + cluster.name()
                            + " say they replace " + old, "remove the drover.io/replaces annotation from one of them");
                }
            });
        }
    }
}
