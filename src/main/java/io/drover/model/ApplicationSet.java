package io.drover.model;

import java.util.List;
import java.util.Optional;

/**
 * An ApplicationSet. Those with a clusters generator have a selector and generate one
 * Application per selected cluster; those with a git directory generator generate one per
 * directory its patterns match (a cluster's own definition, say); others select nothing.
 */
public record ApplicationSet(String name, String path, Optional<LabelSelector> clusterSelector,
        String nameTemplate, List<String> pathTemplates, String projectTemplate, List<DirectoryPattern> directories) {

    public ApplicationSet {
        pathTemplates = List.copyOf(pathTemplates);
        directories = List.copyOf(directories);
    }

    public boolean selects(Cluster cluster) {
        return clusterSelector.map(s -> s.matches(cluster.secret().labels())).orElse(false);
    }

    /** Whether its git directory generator makes an Application for this repo directory. */
    public boolean generatesFor(String directory) {
        return directories.stream().anyMatch(p -> !p.exclude() && p.matches(directory))
                && directories.stream().noneMatch(p -> p.exclude() && p.matches(directory));
    }
}
