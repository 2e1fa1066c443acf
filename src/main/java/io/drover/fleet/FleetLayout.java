package io.drover.fleet;

import io.drover.model.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The directories every fleet repository has, checked before anything below them is read, so that
 * a wrong directory is named at once instead of after a walk through everything it holds.
 */
public final class FleetLayout {

    private record Directory(String path, String holds) {
    }

    /** What Drover reads in every fleet. rollouts/ is left out: a fleet may have no upgrade declared yet. */
    private static final List<Directory> REQUIRED = List.of(
            new Directory("clusters", "one directory per cluster with its Cluster API Cluster"),
            new Directory("argocd/clusters", "the Argo CD cluster Secrets"),
            new Directory("argocd/applicationsets", "the ApplicationSets"),
            new Directory("traffic", "the weighted DNS records (external-dns DNSEndpoints)"));

    /** All the directories of a fleet repo, to say what a directory that is none lacks. */
    public static final String EXPECTED = REQUIRED.stream().map(d -> d.path() + "/").collect(Collectors.joining(", "))
            + " and rollouts/";

    private FleetLayout() {
    }

    /** Answers whether the fleet directory has a subdirectory ({@code argocd/clusters}): on disk, or at a commit. */
    @FunctionalInterface
    public interface Directories {
        boolean has(String path) throws IOException;
    }

    /**
     * The required directories that are missing, one problem each. All of them missing means the
     * directory is no fleet repo at all (see {@link #isNone}); some means a broken one.
     */
    public static List<Problem> missing(Directories directories) throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (Directory directory : REQUIRED) {
            if (!directories.has(directory.path())) {
                problems.add(new Problem(directory.path() + "/", 0, "no such directory; it holds " + directory.holds(),
                        "add it as docs/fleet-repo-format.md describes"));
            }
        }
        return problems;
    }

    public static boolean isNone(List<Problem> missing) {
        return missing.size() == REQUIRED.size();
    }
}
