package io.drover.fleet;

import io.drover.model.ApplicationSet;
import io.drover.model.Cluster;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.HostnameTraffic;
import io.drover.model.Problem;
import io.drover.model.Rollout;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The read of a state that differs from an already read one in a few paths: a step of a plan. A
 * state read without a problem tells what every unchanged file means and that it broke no rule;
 * so only what the changed paths concern is read and checked again:
 *
 * <ul>
 * <li>the clusters whose definition, Secret or directory changed (a cluster is a function of its
 * own two files); the others are the clusters {@code before} holds;</li>
 * <li>the traffic files, when one of them changed or a cluster directory came or went (a record
 * must name a cluster directory); a DNSEndpoint whose other records the step's splice kept is taken
 * from {@code before} with the records the step wrote, see {@link TrafficReader#readAfter};</li>
 * <li>the ApplicationSets and rollouts, always (a few files, each read once per content through the
 * memo; what they warn of depends on every cluster's labels);</li>
 * <li>the overlay check for the clusters read again; for every cluster when the ApplicationSets
 * changed; for the others' overlays that a directory under {@code apps/} gone with the step was;</li>
 * <li>the uniqueness of replacements, when a cluster read again says it replaces one.</li>
 * </ul>
 *
 * Warnings of the files not read again are those {@code before} has. A state that has a refused
 * file, or a changed path this class does not know how to scope, is read whole.
 */
final class StepRead {

    private final Fleet before;
    private final FleetFiles files;
    private final Collection<String> changed;
    private final SortedSet<String> clusterNames;

    private StepRead(Fleet before, FleetFiles files, Collection<String> changed, SortedSet<String> clusterNames) {
        this.before = before;
        this.files = files;
        this.changed = changed;
        this.clusterNames = clusterNames;
    }

    /** The step read of {@code files}, or empty when it must be read whole. */
    static Optional<StepRead> of(Fleet before, FleetFiles files, Collection<String> changed) {
        if (!before.files().refused().isEmpty() || !files.refused().isEmpty()) {
            return Optional.empty();
        }
        SortedSet<String> names = new TreeSet<>();
        for (String path : changed) {
            if (path.startsWith("clusters/")) {
                // clusters/<name>/...; a file directly under clusters/ names no cluster and is not read.
                int end = path.indexOf('/', "clusters/".length());
                if (end >= 0) {
                    names.add(path.substring("clusters/".length(), end));
                }
            } else if (path.startsWith("argocd/clusters/") && path.endsWith(".yaml")) {
                String name = path.substring("argocd/clusters/".length(), path.length() - ".yaml".length());
                if (name.contains("/")) {
                    // A Secret in a subdirectory is read under a name no directory can have: leave it to a whole read.
                    return Optional.empty();
                }
                names.add(name);
            }
        }
        return Optional.of(new StepRead(before, files, changed, names));
    }

    Fleet read(FleetReadMemo memo) throws InvalidFleetException {
        memo.nextStep();
        Problems problems = new Problems();
        SortedMap<String, Cluster> clusters = new TreeMap<>(before.clusters());
        clusterNames.forEach(clusters::remove);
        clusters.putAll(new ClusterReader(files, problems, memo).read(clusterNames));
        List<ApplicationSet> sets = new ApplicationSetReader(files, problems, memo).read(clusters.values());
        boolean trafficAgain = aClusterDirectoryCameOrWent() || changed.stream().anyMatch(StepRead::isTraffic);
        TrafficReader trafficReader = new TrafficReader(files, problems, memo);
        List<HostnameTraffic> traffic = trafficAgain ? trafficReader.readAfter(before, directoryNames(), clustersGone()) : before.traffic();
        SortedMap<String, Rollout> rollouts = new RolloutReader(files, problems, memo).read(clusters.values());
        Fleet fleet = new Fleet(files, clusters, sets, traffic, rollouts, warnings(problems, trafficAgain));
        List<Cluster> readAgain = clusterNames.stream().map(clusters::get).filter(Objects::nonNull).toList();
        if (!sets.equals(before.applicationSets())) {
            FleetReader.checkOverlaysExist(fleet, clusters.values(), path -> true, problems, memo);
        } else {
            FleetReader.checkOverlaysExist(fleet, readAgain, path -> true, problems, memo);
            Set<String> gone = goneOverlayDirectories();
            if (!gone.isEmpty()) {
                // Every overlay of the others existed before the step: only a directory the step emptied can be missing.
                List<Cluster> others = clusters.values().stream().filter(c -> !clusterNames.contains(c.name())).toList();
                FleetReader.checkOverlaysExist(fleet, others, gone::contains, problems, memo);
            }
        }
        if (readAgain.stream().anyMatch(c -> c.replaces().isPresent())) {
            FleetReader.checkReplacementsAreUnique(fleet, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidFleetException(problems.sorted(), rollouts);
        }
        return fleet;
    }

    private boolean aClusterDirectoryCameOrWent() {
        return clusterNames.stream().anyMatch(n -> hasDirectory(n) != before.clusters().containsKey(n));
    }

    private boolean hasDirectory(String cluster) {
        return files.isDirectory("clusters/" + cluster + "/");
    }

    /**
     * The directories under clusters/ that hold a file: in a state read without a problem, exactly
     * its clusters' names; so those of {@code before}, with the changed names that are there now.
     * A view over {@code before}'s names: a copy of thousands of names per step grew with the fleet.
     */
    private Set<String> directoryNames() {
        Set<String> came = new HashSet<>();
        Set<String> went = new HashSet<>();
        for (String name : clusterNames) {
            (hasDirectory(name) ? came : went).add(name);
        }
        Set<String> kept = before.clusters().keySet();
        return new AbstractSet<>() {
            @Override
            public boolean contains(Object name) {
                return came.contains(name) || (kept.contains(name) && !went.contains(name));
            }

            @Override
            public Iterator<String> iterator() {
                return Stream.concat(kept.stream().filter(n -> !went.contains(n)), came.stream().filter(n -> !kept.contains(n)))
                        .iterator();
            }

            @Override
            public int size() {
                return (int) (kept.stream().filter(n -> !went.contains(n)).count() + came.stream().filter(n -> !kept.contains(n)).count());
            }
        };
    }

    /** The clusters of {@code before} whose directory is gone. */
    private Set<String> clustersGone() {
        Set<String> gone = new HashSet<>();
        for (String name : clusterNames) {
            if (before.clusters().containsKey(name) && !hasDirectory(name)) {
                gone.add(name);
            }
        }
        return gone;
    }

    /**
     * The directories under apps/ that held a file and now hold none: only then can a cluster not
     * read again lose an overlay (every overlay existed in {@code before}, and a directory disappears
     * only when the last file under it, a changed path, is removed).
     */
    private Set<String> goneOverlayDirectories() {
        Set<String> gone = new HashSet<>();
        for (String path : changed) {
            if (!path.startsWith("apps/")) {
                continue;
            }
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                String directory = path.substring(0, slash);
                if (!gone.contains(directory) && before.files().isDirectory(directory) && !files.isDirectory(directory)) {
                    gone.add(directory);
                }
            }
        }
        return gone;
    }

    /** The warnings of the files read again, with those {@code before} has of the files not read again. */
    private List<Problem> warnings(Problems problems, boolean trafficAgain) {
        List<Problem> warnings = new ArrayList<>();
        for (Problem warning : before.warnings()) {
            if (!readAgain(warning.path(), trafficAgain)) {
                warnings.add(warning);
            }
        }
        return problems.warningsWith(warnings);
    }

    private boolean readAgain(String path, boolean trafficAgain) {
        if (path.startsWith("argocd/applicationsets/") || path.startsWith("rollouts/") || trafficAgain && isTraffic(path)
                || changed.contains(path)) {
            return true;
        }
        for (String name : clusterNames) {
            if (path.equals("clusters/" + name + "/cluster.yaml") || path.equals(ClusterReader.secretPath(name))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTraffic(String path) {
        return path.startsWith("traffic/") && path.endsWith(".yaml");
    }
}
