package io.drover.planning.capacity;

import io.drover.policy.Policy.CapacityRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a traffic state against a capacity rule: no cluster above the maximum utilisation,
 * and with any k serving clusters lost (N+k) every remaining one at or below 100%.
 */
public final class CapacityCheck {

    private CapacityCheck() {
    }

    public static CapacityVerdict check(TrafficState state, CapacityRule rule) {
        List<String> violations = new ArrayList<>();
        for (ClusterLoad c : state.clusters()) {
            if (c.utilisation() > rule.maxUtilisation() + 1e-9) {
                violations.add(String.format("%s would carry %.0f rps of its %d rps capacity = %.0f%%, above the maximum utilisation of %.0f%%",
                        c.cluster(), c.loadRps(), c.capacityRps(), 100 * c.utilisation(), 100 * rule.maxUtilisation()));
            }
        }
        List<ClusterLoad> serving = state.clusters().stream().filter(ClusterLoad::serving).toList();
        Optional<FailureCase> worst = Optional.empty();
        if (rule.spareClusters() > 0) {
            if (serving.size() <= rule.spareClusters()) {
                violations.add(String.format("only %d cluster%s serve%s traffic; %s needs more than %d",
                        serving.size(), serving.size() == 1 ? "" : "s", serving.size() == 1 ? "s" : "",
                        rule.name(), rule.spareClusters()));
            } else {
                worst = WorstLoss.of(state, serving, rule.spareClusters());
                worst.filter(w -> w.utilisation() > 1 + 1e-9).ifPresent(w -> violations.add(String.format(
                        "%s fails: %s", rule.name(), w.describe())));
            }
        }
        return new CapacityVerdict(rule, worst, violations);
    }

    /** What losing some clusters would do to the most loaded survivor (or to an orphaned hostname). */
    public record FailureCase(List<String> lost, String subject, double loadRps, int capacityRps, boolean orphaned) {

        public double utilisation() {
            return orphaned ? Double.POSITIVE_INFINITY : loadRps / capacityRps;
        }

        public String describe() {
            String losing = "losing " + String.join(" and ", lost);
            if (orphaned) {
                return losing + " leaves no cluster serving " + subject;
            }
            return String.format("%s puts %s at %.0f rps of %d rps = %.0f%%", losing, subject, loadRps, capacityRps,
                    100 * utilisation());
        }
    }

    /** The outcome: the worst failure case considered, and every way the state breaks the rule. */
    public record CapacityVerdict(CapacityRule rule, Optional<FailureCase> worstCase, List<String> violations) {
        public CapacityVerdict {
            violations = List.copyOf(violations);
        }

        public boolean holds() {
            return violations.isEmpty();
        }
    }
}
