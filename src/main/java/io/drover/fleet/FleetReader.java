package io.drover.fleet;

import io.drover.model.ApplicationSet;
import io.drover.model.Cluster;
import io.drover.model.ExpectedApplication;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.HostnameTraffic;
import io.drover.model.Rollout;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.SortedMap;

/**
 * Reads a fleet repository state into a {@link Fleet}, checking it in one pass: every problem
 * is collected and reported together, each with its file and line.
 */
public final class FleetReader {

    private FleetReader() {
    }

    public static Fleet read(FleetFiles files) throws InvalidFleetException {
        return read(files, new FleetReadMemo());
    }

    /**
     * Reads a state, parsing only the files whose content {@code memo} has not seen in the previous
     * read: the same fleet, problems and warnings as {@link #read(FleetFiles)}, for a fraction of the
     * cost when a state differs from the last one read in a few files.
     */
    public static Fleet read(FleetFiles files, FleetReadMemo memo) throws InvalidFleetException {
        memo.nextRead();
        Problems problems = new Problems();
        files.refused().values().forEach(problems::add);
        SortedMap<String, Cluster> clusters = new ClusterReader(files, problems, memo).read();
        List<ApplicationSet> sets = new ApplicationSetReader(files, problems, memo).read(clusters.values());
        List<HostnameTraffic> traffic = new TrafficReader(files, problems, memo).read(ClusterReader.directoryNames(files));
        SortedMap<String, Rollout> rollouts = new RolloutReader(files, problems, memo).read(clusters.values());
        Fleet fleet = new Fleet(files, clusters, sets, traffic, rollouts, problems.warnings());
        checkOverlaysExist(fleet, problems, memo);
        checkReplacementsAreUnique(fleet, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFleetException(problems.sorted(), rollouts);
        }
        return fleet;
    }

    /**
     * Reads the state {@code files}, which differs from the state {@code before} was read from in at
     * most the {@code changed} paths (a step's edits): the same fleet, problems and warnings as
     * {@link #read(FleetFiles)}, for a cost that grows with what changed rather than with the fleet.
     * Files the step did not change are not visited; see {@link StepRead} for what is read again.
     */
    public static Fleet read(Fleet before, FleetFiles files, Collection<String> changed, FleetReadMemo memo)
            throws InvalidFleetException {
        Optional<StepRead> step = StepRead.of(before, files, changed);
        return step.isPresent() ? step.get().read(memo) : read(files, memo);
    }

    static void checkOverlaysExist(Fleet fleet, Problems problems, FleetReadMemo memo) {
        checkOverlaysExist(fleet, fleet.clusters().values(), path -> true, problems, memo);
    }

    /**
     * Reports each overlay directory that one of {@code clusters} is deployed from and that is
     * missing; only the directories {@code mayBeMissing} accepts are looked for.
     */
    static void checkOverlaysExist(Fleet fleet, Collection<Cluster> clusters, Predicate<String> mayBeMissing, Problems problems,
            FleetReadMemo memo) {
        for (Cluster cluster : clusters) {
            for (ExpectedApplication app : memo.expectedApplications(fleet.applicationSets(), cluster,
                    fleet::expectedApplications)) {
                for (String path : app.sourcePaths()) {
                    // A refused link in its place is reported already, as what it is.
                    if (path.startsWith("apps/") && mayBeMissing.test(path) && !fleet.files().isDirectory(path)
                            && !fleet.files().refused().containsKey(path)) {
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

    static void checkReplacementsAreUnique(Fleet fleet, Problems problems) {
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
