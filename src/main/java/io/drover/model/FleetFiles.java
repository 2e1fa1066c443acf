package io.drover.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text files of a fleet repository at one state, by repo-relative path with forward slashes;
 * and the files found there that Drover refuses to read (a link, a YAML file that is not UTF-8),
 * each with the problem to report.
 */
public final class FleetFiles {

    /** Shared with the states it was made from by {@link #apply}, but for the paths that changed. */
    private final PersistentSortedMap<String> files;
    private final SortedMap<String, Problem> refused;

    private FleetFiles(PersistentSortedMap<String> files, SortedMap<String, Problem> refused) {
        this.files = files;
        this.refused = refused;
    }

    public static FleetFiles of(Map<String, String> files) {
        return of(files, Map.of());
    }

    public static FleetFiles of(Map<String, String> files, Map<String, Problem> refused) {
        return new FleetFiles(PersistentSortedMap.of(new TreeMap<>(files)), Collections.unmodifiableSortedMap(new TreeMap<>(refused)));
    }

    /** Files present in the repository that Drover does not read, by path, with why. */
    public SortedMap<String, Problem> refused() {
        return refused;
    }

    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public boolean exists(String path) {
        return files.containsKey(path);
    }

    public Collection<String> paths() {
        return asMap().keySet();
    }

    /** Files directly or indirectly under a directory, e.g. {@code under("apps/shop/overlays/prod-euw-01")}. */
    public SortedMap<String, String> under(String directory) {
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        return files.view(prefix, prefix + Character.MAX_VALUE);
    }

    public boolean isDirectory(String directory) {
        return !under(directory).isEmpty();
    }

    public Stream<String> pathsMatching(String directory, String suffix) {
        return under(directory).keySet().stream().filter(p -> p.endsWith(suffix));
    }

    /** A new state with the changes applied; the receiver is unchanged, and shares all but the changed paths. */
    public FleetFiles apply(Collection<FileChange> changes) {
        PersistentSortedMap<String> next = files;
        for (FileChange change : changes) {
            next = change.after().isPresent() ? next.with(change.path(), change.after().get()) : next.without(change.path());
        }
        return new FleetFiles(next, refused);
    }

    /** Every file by path, in path order; read-only. */
    public SortedMap<String, String> asMap() {
        return files.view(null, null);
    }
}
