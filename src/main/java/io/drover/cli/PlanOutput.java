package io.drover.cli;

import io.drover.kustomize.OverlayBuilds.Build;
import io.drover.planning.PlanStart;
import io.drover.planning.Step;
import io.drover.planning.StepSink;
import io.drover.planning.capacity.TrafficState;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code drover plan} prints, written as the planner hands over each step: the step's section
 * goes to a {@link Spool} at once, only its overview row is kept, so that memory does not grow with
 * steps × fleet. The overview comes before the sections in the output and is known only at the
 * end: {@link #finish} prints the head and the overview, then copies the sections.
 */
abstract class PlanOutput implements StepSink, AutoCloseable {

    private final Supplier<RolloutProgress> progressSource;
    private final StepBuilds builds;
    protected final Spool spool = new Spool();
    private final List<PlanOverview.Row> rows = new ArrayList<>();
    private RolloutProgress progress;
    private PlanStart start;
    private TrafficState previous;
    private ListedRows listed;

    /** @param progress read when first needed: the history numbers the steps */
    PlanOutput(Supplier<RolloutProgress> progress, StepBuilds builds) {
        this.progressSource = progress;
        this.builds = builds;
    }

    @Override
    public final void start(PlanStart start) {
        this.start = start;
        this.previous = start.before();
        this.listed = new ListedRows(start.before());
    }

    @Override
    public final void step(Step step) {
        int index = rows.size();
        List<Build> built = builds.after(index + 1, step);
        section(index, step, previous, listed.next(step.after()), built);
        rows.add(PlanOverview.Row.of(step));
        previous = step.after();
    }

    /** Writes the section of step {@code index} (from 0) to the spool. */
    abstract void section(int index, Step step, TrafficState before, ListedRows.Changes changes, List<Build> builds);

    /** Prints the whole output: head, overview, then the spooled sections. */
    abstract void finish(PrintWriter out) throws IOException;

    final PlanStart planStart() {
        return start;
    }

    final List<PlanOverview.Row> rows() {
        return rows;
    }

    final RolloutProgress progress() {
        if (progress == null) {
            progress = progressSource.get();
        }
        return progress;
    }

    @Override
    public void close() throws IOException {
        spool.close();
    }
}
