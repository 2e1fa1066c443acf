package io.drover.model;

import java.util.Map;
import java.util.Optional;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One cluster of the fleet: its Cluster API definition, the Drover facts recorded on it, and
 * its Argo CD cluster Secret. {@code wave} is its {@code drover.io/wave} annotation, which a
 * policy's stages may order clusters by.
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
        ClusterSecret secret,
        Optional<String> wave) {

    public Cluster {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public Cluster(String name, String definitionPath, KubeVersion version, SortedMap<String, String> labels, String region,
            int capacityRps, int trafficWeight, Optional<String> replaces, ClusterSecret secret) {
        this(name, definitionPath, version, labels, region, capacityRps, trafficWeight, replaces, secret, Optional.empty());
    }

    public String directory() {
        return "clusters/" + name;
    }
}
