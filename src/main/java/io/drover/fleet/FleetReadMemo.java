package io.drover.fleet;

import io.drover.model.ApplicationSet;
import io.drover.model.Cluster;
import io.drover.model.ExpectedApplication;
import io.drover.model.Problem;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * states' worth, however many states are read. A state read as the step after a fleet already read
 * ({@link FleetReader#read(io.drover.model.Fleet, io.drover.model.FleetFiles, java.util.Collection, FleetReadMemo)})
 * reads only the files the step changed; what those reads give is kept by path, the latest content
 * only, so a plan of thousands of steps holds one state's worth of them. Not thread-safe: one memo
 * per sequence of reads.
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
    /** What reads of a step's state gave, by what and path: the latest content of each changed file only. */
    private final Map<PathKey, Stepped> stepped = new HashMap<>();
    /** The expected Applications derived in reads of a step's state, by cluster name: the latest cluster only. */
    private final Map<String, Derived> steppedExpected = new HashMap<>();
    /** Whether the current read is of a step's state: it keeps what it reads by path, not in {@link #current}. */
    private boolean stepping;

    /** The start of a new state's read: entries the last read did not use are dropped from here on. */
    void nextRead() {
        stepping = false;
        previous = current;
        // What the steps since the last whole read read is as good as what that read used.
        stepped.forEach((key, entry) -> previous.put(new Key(key.what(), key.path(), entry.text()), entry.entry()));
        stepped.clear();
        current = new HashMap<>(Math.max(16, previous.size() * 2));
        previousClusters = currentClusters;
        currentClusters = new IdentityHashMap<>(Math.max(16, previousClusters.size() * 2));
        previousExpected = currentExpected;
        currentExpected = new IdentityHashMap<>(Math.max(16, previousExpected.size() * 2));
        steppedExpected.values().forEach(d -> previousExpected.put(d.cluster(), d.expected()));
        steppedExpected.clear();
    }

    /**
     * The start of the read of a state that differs from the last one read in a few files: nothing
     * the last reads used is dropped (the step's read does not visit the unchanged files), and what
     * this read gives is kept by path, replacing what an earlier step read at that path.
     */
    void nextStep() {
        stepping = true;
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
        // A step's read asks only for the clusters it changed; they are not worth keeping by identity.
        if (!stepping) {
            currentClusters.put(definition, cluster);
        }
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
            steppedExpected.clear();
        }
        List<ExpectedApplication> expected = currentExpected.get(cluster);
        if (expected == null) {
            expected = previousExpected.get(cluster);
        }
        if (expected == null) {
            Derived derived = steppedExpected.get(cluster.name());
            expected = derived != null && derived.cluster() == cluster ? derived.expected() : derive.apply(cluster);
        }
        if (stepping) {
            if (!currentExpected.containsKey(cluster)) {
                steppedExpected.put(cluster.name(), new Derived(cluster, expected));
            }
        } else {
            currentExpected.put(cluster, expected);
        }
        return expected;
    }

    /** What reading this content gave, if this memo holds it; nothing is read. */
    Optional<Object> known(String what, String path, String text) {
        Key key = new Key(what, path, text);
        Entry entry = current.get(key);
        if (entry == null) {
            entry = previous.get(key);
        }
        if (entry == null) {
            Stepped last = stepped.get(new PathKey(what, path));
            entry = last != null && last.text().equals(text) ? last.entry() : null;
        }
        return Optional.ofNullable(entry).map(Entry::value);
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
            PathKey at = new PathKey(what, path);
            if (entry == null) {
                Stepped last = stepped.get(at);
                entry = last != null && last.text().equals(text) ? last.entry() : null;
            }
            if (entry == null) {
                Problems own = new Problems();
                entry = new Entry(read.apply(own), own.inOrder(), own.warningsInOrder());
            }
            if (stepping) {
                stepped.put(at, new Stepped(text, entry));
            } else {
                current.put(key, entry);
            }
        }
        entry.problems().forEach(problems::add);
        entry.warnings().forEach(problems::warn);
        return (T) entry.value();
    }

    /**
     * String equality compares the same instance first, so an unchanged file costs a hash lookup.
     * The hash leaves the text out: a path has one content per state, and hashing a new content
     * would walk all of it, the traffic file that a step changes being as long as the fleet is large.
     */
    private record Key(String what, String path, String text) {

        @Override
        public int hashCode() {
            return 31 * what.hashCode() + path.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && what.equals(key.what) && path.equals(key.path) && text.equals(key.text);
        }
    }

    private record Entry(Object value, List<Problem> problems, List<Problem> warnings) {
    }

    private record PathKey(String what, String path) {
    }

    private record Stepped(String text, Entry entry) {
    }

    private record Derived(Cluster cluster, List<ExpectedApplication> expected) {
    }
}
