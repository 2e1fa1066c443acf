package io.drover.planning.capacity;

import io.drover.model.HostnameTraffic;
import io.drover.policy.Policy.CapacityRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        List<String> serving = state.servingClusters();
        Optional<FailureCase> worst = Optional.empty();
        if (rule.spareClusters() > 0) {
            if (serving.size() <= rule.spareClusters()) {
                violations.add(String.format("only %d cluster%s serve%s traffic; %s needs more than %d",
                        serving.size(), serving.size() == 1 ? "" : "s", serving.size() == 1 ? "s" : "",
                        rule.name(), rule.spareClusters()));
            } else {
                worst = worstCase(state, serving, rule.spareClusters());
                worst.filter(w -> w.utilisation() > 1 + 1e-9).ifPresent(w -> violations.add(String.format(
                        "%s fails: %s", rule.name(), w.describe())));
            }
        }
        return new CapacityVerdict(rule, worst, violations);
    }

    /** The loss of k serving clusters that leaves some remaining cluster the most utilised. */
    private static Optional<FailureCase> worstCase(TrafficState state, List<String> serving, int k) {
        Map<String, ClusterLoad> rows = state.byCluster();
        FailureCase[] worst = {null};
        combinations(serving, k, 0, new ArrayList<>(), lost -> {
            Set<String> lostSet = new HashSet<>(lost);
            for (HostnameTraffic h : state.hostnames()) {
                int remaining = h.totalWeight() - lostSet.stream().mapToInt(h::weightOf).sum();
                if (remaining == 0 && h.peakRps() > 0 && h.totalWeight() > 0) {
                    FailureCase orphan = new FailureCase(List.copyOf(lost), h.hostname(), Double.POSITIVE_INFINITY, 0, true);
                    if (worst[0] == null || !worst[0].orphaned()) {
                        worst[0] = orphan;
                    }
                    return;
                }
            }
            for (String cluster : serving) {
                if (lostSet.contains(cluster)) {
                    continue;
                }
                double load = TrafficState.load(state.hostnames(), cluster, lostSet);
                int capacity = rows.get(cluster).capacityRps();
                FailureCase candidate = new FailureCase(List.copyOf(lost), cluster, load, capacity, false);
                if (worst[0] == null || (!worst[0].orphaned() && candidate.utilisation() > worst[0].utilisation() + 1e-12)) {
                    worst[0] = candidate;
                }
            }
        });
        return Optional.ofNullable(worst[0]);
    }

    private static void combinations(List<String> items, int k, int start, List<String> chosen,
            java.util.function.Consumer<List<String>> action) {
        if (chosen.size() == k) {
            action.accept(chosen);
            return;
        }
        for (int i = start; i <= items.size() - (k - chosen.size()); i++) {
            chosen.add(items.get(i));
            combinations(items, k, i + 1, chosen, action);
            chosen.remove(chosen.size() - 1);
        }
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
