package io.drover.model;

import java.util.List;
import java.util.Optional;

/**
 * An ApplicationSet. Those with a clusters generator have a selector and generate one
 * Application per selected cluster; others (a git generator, say) select no cluster.
 */
public record ApplicationSet(String name, String path, Optional<LabelSelector> clusterSelector,
        String nameTemplate, List<String> pathTemplates) {

    public ApplicationSet {
        pathTemplates = List.copyOf(pathTemplates);
    }

    public boolean selects(Cluster cluster) {
        return clusterSelector.map(s -> s.matches(cluster.secret().labels())).orElse(false);
    }
}
