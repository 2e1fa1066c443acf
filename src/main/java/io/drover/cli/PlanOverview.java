package io.drover.cli;

import io.drover.model.StepKind;
import io.drover.planning.Step;
import io.drover.planning.capacity.CapacityCheck.FailureCase;
import io.drover.planning.capacity.ClusterLoad;
import io.drover.policy.Policy;
import io.drover.policy.Policy.CapacityRule;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The plan on one screen: a line per step with its utilisation, then the totals and the rule they were checked against. */
final class PlanOverview {

    private static final String ROW = "  %-7s %-18s %5s %10s  %s%n";

    private PlanOverview() {
    }

    /** What the overview shows of a step, kept for every step while its section is already written. */
    record Row(String id, StepKind kind, String title, Optional<Double> busiest, Optional<FailureCase> worst) {

        static Row of(Step step) {
            return new Row(step.id(), step.kind(), step.title(),
                    CapacityTable.busiest(step.after()).map(ClusterLoad::utilisation), step.capacityAfter().worstCase());
        }
    }

    static void render(Policy policy, List<Row> steps, RolloutProgress progress, PrintWriter out) {
        int total = progress.total(steps.size());
        CapacityRule rule = policy.capacity();
        String worstColumn = rule.name() + " worst";
        out.printf("Overview: %s, each one pull request, one open at a time%n", progress.merged() == 0
                ? steps.size() + (steps.size() == 1 ? " step" : " steps")
                : "steps " + progress.number(0) + "-" + total + " of " + total + " ("
                        + (progress.merged() == 1 ? "step 1" : "steps 1-" + progress.merged()) + " merged)");
        out.printf(ROW, "step", "kind", "util", worstColumn, "pull request");
        for (int i = 0; i < steps.size(); i++) {
            Row step = steps.get(i);
            out.printf(ROW, progress.number(i) + "/" + total, step.kind(),
                    step.busiest().map(CapacityTable::percent).orElse("-"), CapacityTable.worst(step.worst()), step.title());
        }
        out.printf("  By kind: %s%n", byKind(steps));
        out.printf("  Highest: util %s, %s %s%n",
                highest(steps, progress, Row::busiest), worstColumn,
                highest(steps, progress, s -> s.worst().map(FailureCase::utilisation)));
        out.println(PlanText.wrap(legend(rule, policy.name()), 100, "  "));
    }

    /** What the two columns mean and their limits, so that the numbers can be read without the docs. */
    private static String legend(CapacityRule rule, String policy) {
        int k = rule.spareClusters();
        String legend = "Checked after every step against " + rule.name() + " of policy " + policy + ". util: the busiest"
                + " cluster's load at peak demand over its capacity, at most " + CapacityTable.percent(rule.maxUtilisation()) + ".";
        if (k == 0) {
            return legend;
        }
        return legend + " " + rule.name() + " worst: the same after losing the " + k + " serving cluster"
                + (k == 1 ? " that hurts" : "s that hurt") + " most, at most 100%.";
    }

    private static String byKind(List<Row> steps) {
        Map<StepKind, Integer> counts = new LinkedHashMap<>();
        steps.forEach(s -> counts.merge(s.kind(), 1, Integer::sum));
        return String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
    }

    /** The highest utilisation over the steps and the first step that reaches it, such as "67% (step 1/32)". */
    private static String highest(List<Row> steps, RolloutProgress progress, Function<Row, Optional<Double>> utilisation) {
        int at = -1;
        double most = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < steps.size(); i++) {
            Optional<Double> value = utilisation.apply(steps.get(i));
            if (value.isPresent() && value.get() > most) {
                most = value.get();
                at = i;
            }
        }
        if (at < 0) {
            return "-";
        }
        String share = Double.isInfinite(most) ? "orphaned" : CapacityTable.percent(most);
        return share + " (step " + progress.number(at) + "/" + progress.total(steps.size()) + ")";
    }
}
