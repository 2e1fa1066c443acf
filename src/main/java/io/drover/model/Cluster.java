package io.drover.model;

import java.util.Map;
import java.util.Optional;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One cluster of the fleet: its Cluster API definition, the Drover facts recorded on it, and
 * its Argo CD cluster Secret.
 */
public record Cluster(
        String name,
        String definitionPath,
        KubeVersion version,
        SortedMap<String, String> labels,
        String region,
        int capacityRps,
        int trafficWeight,
        Optional<String> replaces,
        ClusterSecret secret) {

    public Cluster {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public String directory() {
        return "clusters/" + name;
    }
}
