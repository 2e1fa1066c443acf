package io.drover.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A fleet repository at one state, read into its meaning; with the warnings the read gave: things
 * that do not stop a plan but that the user should hear of (an ApplicationSet that deploys nowhere).
 */
public record Fleet(
        FleetFiles files,
        SortedMap<String, Cluster> clusters,
        List<ApplicationSet> applicationSets,
        List<HostnameTraffic> traffic,
        SortedMap<String, Rollout> rollouts,
        List<Problem> warnings) {

    public Fleet {
        clusters = Collections.unmodifiableSortedMap(new TreeMap<>(clusters));
        applicationSets = List.copyOf(applicationSets);
        traffic = List.copyOf(traffic);
        rollouts = Collections.unmodifiableSortedMap(new TreeMap<>(rollouts));
        warnings = List.copyOf(warnings);
    }

    public Optional<Cluster> cluster(String name) {
        return Optional.ofNullable(clusters.get(name));
    }

    /** Label keys that some ApplicationSet selects on: a cluster without them receives no apps. */
    public SortedSet<String> selectionKeys() {
        SortedSet<String> keys = new TreeSet<>();
        applicationSets.forEach(a -> a.clusterSelector().ifPresent(s -> keys.addAll(s.keys())));
        return keys;
    }

    /** The cluster Drover added to replace the given one, if any. */
    public Optional<Cluster> replacementOf(String cluster) {
        return clusters.values().stream().filter(c -> c.replaces().filter(cluster::equals).isPresent()).findFirst();
    }

    /**
     * {@link #replacementOf} of every replaced cluster, by its name, found in one pass: a strategy
     * pairs a wave of hundreds of clusters with their replacements.
     */
    public Map<String, Cluster> replacements() {
        Map<String, Cluster> replacements = new HashMap<>();
        clusters.values().forEach(c -> c.replaces().ifPresent(old -> replacements.putIfAbsent(old, c)));
        return replacements;
    }

    public List<ExpectedApplication> expectedApplications(Cluster cluster) {
        return applicationSets.stream().filter(s -> s.selects(cluster))
                .map(s -> generated(s, cluster, t -> ApplicationTemplate.render(t, cluster)))
                .toList();
    }

    /**
     * The Applications that deploy the cluster's own directory ({@code clusters/<name>}), made by a
     * git directory generator: on a Cluster API fleet, the app that creates and upgrades the cluster.
     */
    public List<ExpectedApplication> definitionApplications(Cluster cluster) {
        return applicationSets.stream().filter(s -> s.generatesFor(cluster.directory()))
                .map(s -> generated(s, cluster, t -> DirectoryTemplate.render(t, cluster.directory())))
                .toList();
    }

    private static ExpectedApplication generated(ApplicationSet set, Cluster cluster, UnaryOperator<String> render) {
        return new ExpectedApplication(render.apply(set.nameTemplate()), set.name(), cluster.name(),
                render.apply(set.projectTemplate()), set.pathTemplates().stream().map(render).toList());
    }

    /** The repo directories under {@code apps/} that the cluster's expected Applications deploy. */
    public List<String> overlaysOf(Cluster cluster) {
        return expectedApplications(cluster).stream()
                .flatMap(a -> a.sourcePaths().stream())
                .filter(p -> p.startsWith("apps/"))
                .distinct()
                .sorted()
                .toList();
    }

    public List<HostnameTraffic> trafficServedBy(String cluster) {
        return traffic.stream().filter(t -> t.servedBy(cluster)).toList();
    }
}
