package io.drover.model;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The Argo CD cluster Secret: its labels decide which ApplicationSets deploy to the cluster. */
public record ClusterSecret(String path, String server, SortedMap<String, String> labels) {
    public ClusterSecret {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
