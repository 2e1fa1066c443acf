package io.drover.fleet;

import io.drover.model.ApplicationSet;
import io.drover.model.Cluster;
import io.drover.model.ExpectedApplication;
import io.drover.model.Problem;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What reading each file of a fleet state gave, kept for reading the next state: a plan reads one
 * state per step, and a step changes a handful of files of thousands. Each entry is keyed by the
 * file's path and its whole content (never by path alone: a file at the same path with other
 * content is read afresh), and holds the value read with the problems and warnings the read
 * reported, which are reported again when the entry is reused, so a read with the memo reports
 * exactly what a read without it reports.
 *
 * <p>Only the entries the latest read used are kept: reading state after state holds at most two
 * states' worth, however many states are read. Not thread-safe: one memo per sequence of reads.
 */
public final class FleetReadMemo {

    private Map<Key, Entry> previous = new HashMap<>();
    private Map<Key, Entry> current = new HashMap<>();
    /** Clusters by the definition they were joined from; a definition is one instance as long as its file's content is read from here. */
    private Map<Object, Cluster> previousClusters = new IdentityHashMap<>();
    private Map<Object, Cluster> currentClusters = new IdentityHashMap<>();
    /** The ApplicationSets that the expected Applications below were derived from. */
    private List<ApplicationSet> expectedUnder = List.of();
    private Map<Cluster, List<ExpectedApplication>> previousExpected = new IdentityHashMap<>();
    private Map<Cluster, List<ExpectedApplication>> currentExpected = new IdentityHashMap<>();

    /** The start of a new state's read: entries the last read did not use are dropped from here on. */
    void nextRead() {
        previous = current;
        current = new HashMap<>(Math.max(16, previous.size() * 2));
        previousClusters = currentClusters;
        currentClusters = new IdentityHashMap<>(Math.max(16, previousClusters.size() * 2));
        previousExpected = currentExpected;
        currentExpected = new IdentityHashMap<>(Math.max(16, previousExpected.size() * 2));
    }

    /**
     * The cluster of this definition and Secret: the same instance as in the last read when both
     * are (their files unchanged), so that what is derived from a cluster alone is derived once.
     */
    Cluster cluster(Object definition, Object secret, Supplier<Cluster> join) {
        Cluster cluster = currentClusters.get(definition);
        if (cluster == null) {
            cluster = previousClusters.get(definition);
        }
        if (cluster == null || cluster.secret() != secret) {
            cluster = join.get();
        }
        currentClusters.put(definition, cluster);
        return cluster;
    }

    /**
     * The Applications the ApplicationSets generate for a cluster: a function of the two, derived
     * again only for a cluster instance not seen under these ApplicationSets in the last read.
     */
    List<ExpectedApplication> expectedApplications(List<ApplicationSet> sets, Cluster cluster,
            Function<Cluster, List<ExpectedApplication>> derive) {
        if (!sets.equals(expectedUnder)) {
            expectedUnder = sets;
            previousExpected.clear();
            currentExpected.clear();
        }
        List<ExpectedApplication> expected = currentExpected.get(cluster);
        if (expected == null) {
            expected = previousExpected.get(cluster);
            if (expected == null) {
                expected = derive.apply(cluster);
            }
            currentExpected.put(cluster, expected);
        }
        return expected;
    }

    /**
     * The value {@code read} gives for this file's content, read once per content: {@code read}
     * reports into the {@link Problems} it is given, and those are reported into {@code problems}
     * on every use.
     */
    @SuppressWarnings("unchecked")
    <T> T remember(String what, String path, String text, Problems problems, Function<Problems, T> read) {
        Key key = new Key(what, path, text);
        Entry entry = current.get(key);
        if (entry == null) {
            entry = previous.get(key);
            if (entry == null) {
                Problems own = new Problems();
                entry = new Entry(read.apply(own), own.inOrder(), own.warningsInOrder());
            }
            current.put(key, entry);
        }
        entry.problems().forEach(problems::add);
        entry.warnings().forEach(problems::warn);
        return (T) entry.value();
    }

    /** String equality compares the same instance first, so an unchanged file costs a hash lookup. */
    private record Key(String what, String path, String text) {
    }

    private record Entry(Object value, List<Problem> problems, List<Problem> warnings) {
    }
}
