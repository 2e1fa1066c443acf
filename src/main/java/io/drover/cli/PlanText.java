package io.drover.cli;

import io.drover.diff.UnifiedDiff;
import io.drover.kustomize.OverlayBuilds.Build;
import io.drover.planning.Plan;
import io.drover.planning.Step;
import java.io.PrintWriter;
import java.util.List;

/** The plan as a reviewer reads it: an overview, then per step the PR title, summary, files, diff and the rows of the capacity table that moved. */
final class PlanText {

    private PlanText() {
    }

    static void render(Plan plan, List<Build> builds, RolloutProgress progress, DiffMode chosen, PrintWriter out) {
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
        DiffMode diff = DiffMode.orDefault(chosen, plan.steps().size());
        if (!plan.isEmpty()) {
            out.println();
            PlanOverview.render(plan, progress, out);
            if (chosen == null && diff != DiffMode.full) {
                out.printf("  Diffs are summed up per file (more than %d steps); --diff full shows every line.%n",
                        DiffMode.FULL_UP_TO_STEPS);
            }
        }
        out.println();
        out.println("Now:");
        CapacityTable.render(plan.before(), plan.capacityBefore(), out);
        if (plan.isEmpty()) {
            out.println();
            out.println(plan.selected().isEmpty()
                    ? "Nothing to do: the rollout selects no cluster."
                    : "Nothing to do: every selected cluster is at " + rollout.targetVersion() + " or later.");
            return;
        }
        int total = progress.total(plan.steps().size());
        ListedRows listed = new ListedRows(plan.before());
        for (int i = 0; i < plan.steps().size(); i++) {
            Step step = plan.steps().get(i);
            out.println();
            out.println("=".repeat(100));
            out.printf("Step %d/%d  [%s]  %s%n", progress.number(i), total, step.kind(), step.id());
            out.printf("PR: %s%n", step.title());
            out.println();
            out.println(wrap(step.summary(), 98, "  "));
            out.println();
            out.println("Files:");
            FilesStat.render(step.changes(), diff != DiffMode.none, out);
            if (diff == DiffMode.full) {
                out.println();
                out.print(UnifiedDiff.of(step.changes()));
            }
            out.println();
            out.println("After this step:");
            CapacityTable.renderChanges(i == 0 ? plan.before() : plan.steps().get(i - 1).after(), step.after(),
                    listed.next(step.after()), step.capacityAfter(), out);
            int number = i + 1;
            List<Build> mine = builds.stream().filter(b -> b.step() == number).toList();
            for (Build build : mine) {
                out.printf("kustomize %s: %s%n", build.directory(), build.result().ok() ? "builds" : "FAILS\n"
                        + build.result().message().indent(4));
            }
        }
        out.println();
        out.printf("%d steps%s. Each is one pull request; Drover opens the next only after the previous is merged,"
                + " has passed its gate (Argo CD reports its applications Synced at the merge and Healthy, unless the"
                + " service runs with drover.gate=none) and has soaked.%n", plan.steps().size(),
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
