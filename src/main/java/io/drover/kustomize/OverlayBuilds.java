package io.drover.kustomize;

import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.planning.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds, after each step of a plan, every kustomization the step touched: the repo is written to
 * a scratch directory once, then each step's changes are applied to it in turn, as the planner
 * hands the steps over.
 */
public final class OverlayBuilds {

    private final Kustomize kustomize;

    public OverlayBuilds(Kustomize kustomize) {
        this.kustomize = kustomize;
    }

    /** One kustomization built after one step. */
    public record Build(int step, String directory, Kustomize.BuildResult result) {
    }

    /** Builds after each of {@code steps} in turn: what {@link Scratch} does for a plan held in full. */
    public List<Build> check(FleetFiles start, List<Step> steps) throws IOException {
        try (Scratch scratch = start(start)) {
            List<Build> builds = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                builds.addAll(scratch.after(i + 1, steps.get(i)));
            }
            return builds;
        }
    }

    /** Writes the repo to a scratch directory, to build after each step as the steps come. */
    public Scratch start(FleetFiles start) throws IOException {
        Path scratch = Files.createTempDirectory("drover-plan");
        try {
            for (var file : start.asMap().entrySet()) {
                write(scratch, file.getKey(), file.getValue());
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(scratch);
            throw e;
        }
        return new Scratch(scratch, start);
    }

    /** The repo in a scratch directory, following the steps; closing deletes it. */
    public final class Scratch implements AutoCloseable {

        private final Path root;
        private FleetFiles state;

        private Scratch(Path root, FleetFiles state) {
            this.root = root;
            this.state = state;
        }

        /** Applies step {@code number} and builds every kustomization it touched. */
        public List<Build> after(int number, Step step) throws IOException {
            for (FileChange change : step.changes()) {
                if (change.after().isPresent()) {
                    write(root, change.path(), change.after().get());
                } else {
                    Files.deleteIfExists(root.resolve(change.path()));
                }
            }
            state = state.apply(step.changes());
            List<Build> builds = new ArrayList<>();
            for (String directory : touchedKustomizations(state, step.changes())) {
                builds.add(new Build(number, directory, kustomize.build(root.resolve(directory))));
            }
            return builds;
        }

        @Override
        public void close() throws IOException {
            deleteTree(root);
        }
    }

    /** Directories holding a kustomization.yaml at or above a changed file that still exists. */
    static SortedSet<String> touchedKustomizations(FleetFiles state, List<FileChange> changes) {
        SortedSet<String> directories = new TreeSet<>();
        for (FileChange change : changes) {
            String path = change.path();
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                String directory = path.substring(0, slash);
                if (state.exists(directory + "/kustomization.yaml")) {
                    directories.add(directory);
                    break;
                }
            }
        }
        return directories;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
