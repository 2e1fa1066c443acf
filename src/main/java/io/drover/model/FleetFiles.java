package io.drover.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
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

    private final NavigableMap<String, String> files;
    private final SortedMap<String, Problem> refused;

    private FleetFiles(NavigableMap<String, String> files, SortedMap<String, Problem> refused) {
        this.files = files;
        this.refused = refused;
    }

    public static FleetFiles of(Map<String, String> files) {
        return of(files, Map.of());
    }

    public static FleetFiles of(Map<String, String> files, Map<String, Problem> refused) {
        return new FleetFiles(Collections.unmodifiableNavigableMap(new TreeMap<>(files)),
                Collections.unmodifiableSortedMap(new TreeMap<>(refused)));
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
        return files.keySet();
    }

    /** Files directly or indirectly under a directory, e.g. {@code under("apps/shop/overlays/prod-euw-01")}. */
    public SortedMap<String, String> under(String directory) {
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        return files.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    public boolean isDirectory(String directory) {
        return !under(directory).isEmpty();
    }

    public Stream<String> pathsMatching(String directory, String suffix) {
        return under(directory).keySet().stream().filter(p -> p.endsWith(suffix));
    }

    /** A new state with the changes applied; the receiver is unchanged. */
    public FleetFiles apply(Collection<FileChange> changes) {
        TreeMap<String, String> next = new TreeMap<>(files);
        for (FileChange change : changes) {
            change.after().ifPresentOrElse(text -> next.put(change.path(), text), () -> next.remove(change.path()));
        }
        return new FleetFiles(Collections.unmodifiableNavigableMap(next), refused);
    }

    public Map<String, String> asMap() {
        return files;
    }
}
