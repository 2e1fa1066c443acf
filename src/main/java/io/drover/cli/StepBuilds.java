package io.drover.cli;

import io.drover.kustomize.Kustomize;
import io.drover.kustomize.OverlayBuilds;
import io.drover.kustomize.OverlayBuilds.Build;
import io.drover.model.FleetFiles;
import io.drover.planning.Step;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The kustomize builds of {@code drover plan}, run after each step as the planner hands it over.
 * The scratch copy of the repo is made, and kustomize looked for, at the first step: a plan with
 * nothing to do builds nothing.
 */
final class StepBuilds implements AutoCloseable {

    private final FleetFiles files;
    private final String command;
    private final PrintWriter err;
    private OverlayBuilds.Scratch scratch;
    private final List<Build> failed = new ArrayList<>();

    /** @param command how to run kustomize, or null for the default */
    StepBuilds(FleetFiles files, String command, PrintWriter err) {
        this.files = files;
        this.command = command;
        this.err = err;
    }

    /** No builds: for --skip-builds. */
    static StepBuilds none() {
        return new StepBuilds(null, null, null);
    }

    /** Applies step {@code number} to the scratch copy and builds what it touched. */
    List<Build> after(int number, Step step) {
        if (files == null) {
            return List.of();
        }
        try {
            if (scratch == null) {
                Kustomize kustomize = Kustomize.resolve(command);
                err.println("Building the kustomizations each step touches with '" + kustomize.command()
                        + "', after each step as it is planned...");
                scratch = new OverlayBuilds(kustomize).start(files);
            }
            List<Build> builds = scratch.after(number, step);
            builds.stream().filter(b -> !b.result().ok()).forEach(failed::add);
            return builds;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scratch copy of the fleet repo to build step " + number, e);
        }
    }

    /** The builds that failed so far. */
    List<Build> failed() {
        return List.copyOf(failed);
    }

    @Override
    public void close() throws IOException {
        if (scratch != null) {
            scratch.close();
        }
    }
}
