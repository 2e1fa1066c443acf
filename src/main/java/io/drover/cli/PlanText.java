package io.drover.cli;

import io.drover.diff.UnifiedDiff;
import io.drover.kustomize.OverlayBuilds.Build;
import io.drover.model.FileChange;
import io.drover.model.HostnameTraffic;
import io.drover.planning.Plan;
import io.drover.planning.Step;
import io.drover.planning.capacity.CapacityCheck.CapacityVerdict;
import io.drover.planning.capacity.ClusterLoad;
import io.drover.planning.capacity.TrafficState;
import java.io.PrintWriter;
import java.util.List;

/** The plan as a reviewer reads it: per step the PR title, summary, files, diff and capacity table. */
final class PlanText {

    private PlanText() {
    }

    static void render(Plan plan, List<Build> builds, PrintWriter out) {
        var rollout = plan.rollout();
        var policy = plan.policy();
        out.printf("Rollout %s (%s): %s to %s%n", rollout.name(), rollout.path(), rollout.strategy(), rollout.targetVersion());
        out.printf("Policy %s (%s): %s, at most %d%% utilisation, ramp %s, %d cluster(s) in flight%n", policy.name(),
                policy.source(), policy.capacity().name(), Math.round(policy.capacity().maxUtilisation() * 100),
                policy.trafficRamp(), policy.clustersInFlight());
        out.printf("Clusters selected by %s: %s%n", rollout.clusterSelector(), String.join(", ", plan.selected()));
        if (!plan.atTarget().isEmpty()) {
            out.printf("Already at or past %s, left alone: %s%n", rollout.targetVersion(), String.join(", ", plan.atTarget()));
        }
        out.println();
        out.println("Now:");
        table(plan.before(), plan.capacityBefore(), out);
        if (plan.isEmpty()) {
            out.println();
            out.println(plan.selected().isEmpty()
                    ? "Nothing to do: the rollout selects no cluster."
                    : "Nothing to do: every selected cluster is at " + rollout.targetVersion() + " or later.");
            return;
        }
        int total = plan.steps().size();
        for (int i = 0; i < total; i++) {
            Step step = plan.steps().get(i);
            out.println();
            out.println("=".repeat(100));
            out.printf("Step %d/%d  [%s]  %s%n", i + 1, total, step.kind(), step.id());
            out.printf("PR: %s%n", step.title());
            out.println();
            out.println(wrap(step.summary(), 98, "  "));
            out.println();
            out.println("Files:");
            for (FileChange change : step.changes()) {
                out.printf("  %-7s %s%n", change.action(), change.path());
            }
            out.println();
            out.print(UnifiedDiff.of(step.changes()));
            out.println();
            out.println("After this step:");
            table(step.after(), step.capacityAfter(), out);
            int number = i + 1;
            List<Build> mine = builds.stream().filter(b -> b.step() == number).toList();
            for (Build build : mine) {
                out.printf("kustomize %s: %s%n", build.directory(), build.result().ok() ? "builds" : "FAILS\n"
                        + build.result().message().indent(4));
            }
        }
        out.println();
        out.printf("%d steps. Each is one pull request; Drover opens the next only after the previous is merged"
                + " and its soak time has passed.%n", total);
    }

    static void table(TrafficState state, CapacityVerdict verdict, PrintWriter out) {
        List<String> hosts = state.hostnames().stream().map(HostnameTraffic::hostname).toList();
        StringBuilder header = new StringBuilder(String.format("  %-18s", "cluster"));
        hosts.forEach(h -> header.append(String.format(" %" + Math.max(8, h.length()) + "s", h)));
        header.append(String.format(" %9s %9s %6s", "load rps", "capacity", "util"));
        out.println(header);
        for (ClusterLoad row : state.clusters()) {
            StringBuilder line = new StringBuilder(String.format("  %-18s", row.cluster()));
            hosts.forEach(h -> {
                Integer w = row.weights().get(h);
                line.append(String.format(" %" + Math.max(8, h.length()) + "s", w == null ? "-" : w.toString()));
            });
            line.append(String.format(" %9.0f %9d %5.0f%%", row.loadRps(), row.capacityRps(), 100 * row.utilisation()));
            out.println(line);
        }
        String peaks = String.join(", ", state.hostnames().stream().map(h -> h.hostname() + " " + h.peakRps() + " rps").toList());
        out.printf("  peak demand: %s%n", peaks.isEmpty() ? "none recorded" : peaks);
        verdict.worstCase().ifPresent(w -> out.printf("  %s worst case: %s%n", verdict.rule().name(), w.describe()));
        verdict.violations().forEach(v -> out.printf("  VIOLATION: %s%n", v));
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
