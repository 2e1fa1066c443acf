package io.drover.cli;

import io.drover.diff.UnifiedDiff;
import io.drover.kustomize.OverlayBuilds.Build;
import io.drover.planning.PlanStart;
import io.drover.planning.Step;
import io.drover.planning.capacity.TrafficState;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The plan as a reviewer reads it: an overview, then per step the PR title, summary, files, diff and
 * the rows of the capacity table that moved. Each step's section is spooled as the step is planned;
 * its "Step n/total" line, which needs the number of steps, is printed when the sections are copied,
 * and so is the choice between the full diff and the stat when no --diff was given (full up to
 * {@link DiffMode#FULL_UP_TO_STEPS} steps): the spool holds the diff, which is skipped for a stat.
 */
final class PlanText extends PlanOutput {

    private final DiffMode chosen;
    /** Per step, where in the spool its diff starts and ends and where its section ends. */
    private long[] positions = new long[3 * 64];

    /** @param chosen the --diff given, or null */
    PlanText(Supplier<RolloutProgress> progress, StepBuilds builds, DiffMode chosen) {
        super(progress, builds);
        this.chosen = chosen;
    }

    @Override
    void section(int index, Step step, TrafficState before, ListedRows.Changes changes, List<Build> builds) {
        PrintWriter out = new PrintWriter(spool.writer());
        out.printf("PR: %s%n", step.title());
        out.println();
        out.println(wrap(step.summary(), 98, "  "));
        out.println();
        out.println("Files:");
        FilesStat.render(step.changes(), chosen != DiffMode.none, out);
        long diffStart = spool.position();
        if (chosen == null || chosen == DiffMode.full) {
            out.println();
            out.print(UnifiedDiff.of(step.changes()));
        }
        long diffEnd = spool.position();
        out.println();
        out.println("After this step:");
        CapacityTable.renderChanges(before, step.after(), changes, step.capacityAfter(), out);
        for (Build build : builds) {
            out.printf("kustomize %s: %s%n", build.directory(), build.result().ok() ? "builds" : "FAILS\n"
                    + build.result().message().indent(4));
        }
        if (positions.length < 3 * (index + 1)) {
            positions = Arrays.copyOf(positions, 2 * positions.length);
        }
        positions[3 * index] = diffStart;
        positions[3 * index + 1] = diffEnd;
        positions[3 * index + 2] = spool.position();
    }

    @Override
    void finish(PrintWriter out) throws IOException {
        PlanStart plan = planStart();
        List<PlanOverview.Row> steps = rows();
        RolloutProgress progress = progress();
        var rollout = plan.rollout();
        var policy = plan.policy();
        out.printf("Rollout %s (%s): %s to %s%n", rollout.name(), rollout.path(), rollout.strategy(), rollout.targetVersion());
        out.printf("Policy %s (%s): %s, at most %d%% utilisation, ramp %s, %s in flight%s%n", policy.name(),
                policy.source(), policy.capacity().name(), Math.round(policy.capacity().maxUtilisation() * 100),
                policy.trafficRamp(), policy.clustersInFlight().describe(),
                policy.stages().map(s -> ", in stages " + s.describe()).orElse(""));
        out.printf("Clusters selected by %s: %s%n", rollout.clusterSelector(), String.join(", ", plan.selected()));
        if (!plan.atTarget().isEmpty()) {
            out.printf("Already at or past %s, left alone: %s%n", rollout.targetVersion(), String.join(", ", plan.atTarget()));
        }
        progress.readFrom().filter(history -> progress.merged() > 0).ifPresent(history -> out.printf(
                "Merged so far: %d step%s of %s (Drover-Step trailers in the history of %s); this plan goes on from step %d%n",
                progress.merged(), progress.merged() == 1 ? "" : "s", rollout.name(), history, progress.number(0)));
        PlanWarnings.print(plan.warnings(), out);
        DiffMode diff = DiffMode.orDefault(chosen, steps.size());
        if (!steps.isEmpty()) {
            out.println();
            PlanOverview.render(policy, steps, progress, out);
            if (chosen == null && diff != DiffMode.full) {
                out.printf("  Diffs are summed up per file (more than %d steps); --diff full shows every line.%n",
                        DiffMode.FULL_UP_TO_STEPS);
            }
        }
        out.println();
        out.println("Now:");
        CapacityTable.render(plan.before(), plan.capacityBefore(), out);
        if (steps.isEmpty()) {
            out.println();
            out.println(plan.selected().isEmpty()
                    ? "Nothing to do: the rollout selects no cluster."
                    : "Nothing to do: every selected cluster is at " + rollout.targetVersion() + " or later.");
            return;
        }
        int total = progress.total(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            PlanOverview.Row step = steps.get(i);
            out.println();
            out.println("=".repeat(100));
            out.printf("Step %d/%d  [%s]  %s%n", progress.number(i), total, step.kind(), step.id());
            spool.copyTo(positions[3 * i], out);
            if (diff == DiffMode.full) {
                spool.copyTo(positions[3 * i + 1], out);
            } else {
                spool.skipTo(positions[3 * i + 1]);
            }
            spool.copyTo(positions[3 * i + 2], out);
        }
        out.println();
        out.printf("%d steps%s. Each is one pull request; Drover opens the next only after the previous is merged,"
                + " has passed its gate (Argo CD reports its applications Synced at the merge and Healthy, unless the"
                + " service runs with drover.gate=none) and has soaked.%n", steps.size(),
                progress.merged() == 0 ? "" : " to go, " + progress.merged() + " merged");
    }

    static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder(indent);
        int column = indent.length();
        for (String word : text.split(" ")) {
            if (column + word.length() + 1 > width && column > indent.length()) {
                out.append('\n').append(indent);
                column = indent.length();
            } else if (column > indent.length()) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
