package io.drover.planning.steps;

import io.drover.model.Cluster;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Adds labels to an Argo CD cluster Secret, which is how ApplicationSets start deploying to it. */
public final class LabelEdits {

    private LabelEdits() {
    }

    /** The labels of {@code source} for the given keys that {@code target} lacks or has otherwise. */
    public static SortedMap<String, String> missing(Cluster source, Cluster target, Iterable<String> keys) {
        SortedMap<String, String> missing = new TreeMap<>();
        for (String key : keys) {
            String wanted = source.secret().labels().get(key);
            if (wanted != null && !wanted.equals(target.secret().labels().get(key))) {
                missing.put(key, wanted);
            }
        }
        return missing;
    }

    static void add(FileEdits edits, Cluster cluster, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        edits.editYaml(cluster.secret().path(), FileEdits.kind("Secret"), (doc, editor) -> {
            var mapping = doc.at("metadata", "labels").orElseThrow(() -> new IllegalStateException(
                    cluster.secret().path() + " has no metadata.labels to add to"));
            labels.forEach((key, value) -> editor.putEntry(mapping, key, value));
        });
    }
}
