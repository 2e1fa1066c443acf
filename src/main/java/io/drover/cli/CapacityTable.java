package io.drover.cli;

import io.drover.model.HostnameTraffic;
import io.drover.planning.capacity.CapacityCheck.CapacityVerdict;
import io.drover.planning.capacity.CapacityCheck.FailureCase;
import io.drover.planning.capacity.ClusterLoad;
import io.drover.planning.capacity.TrafficState;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A traffic state as a table, with the columns labelled by what they are (load-balancer weights,
 * then load, capacity and utilisation at peak demand) and the capacity rule's verdict under it.
 */
final class CapacityTable {

    private static final String CLUSTER = "  %-18s";
    private static final String LOAD = " %9s %12s %5s";
    private static final String WEIGHTS = "weight on the load balancer";

    private CapacityTable() {
    }

    /** The whole state: every cluster's row, the peak demand, the verdict. */
    static void render(TrafficState state, CapacityVerdict verdict, PrintWriter out) {
        rows(state, state.clusters(), out);
        out.printf("  peak demand: %s%n", peaks(state));
        verdict(state, verdict, out);
    }

    /**
     * A state after a step: only the rows that moved since they were last listed, the clusters
     * gone from the table, the peak demand if it changed, and the verdict on the whole state.
     */
    static void renderChanges(TrafficState before, TrafficState state, ListedRows.Changes changes, CapacityVerdict verdict,
            PrintWriter out) {
        String of = changes.clusters() + " cluster" + (changes.clusters() == 1 ? "" : "s");
        if (changes.moved().isEmpty()) {
            out.printf("  No weight or load moved (%s, loads within 0.5 rps of the rows last listed).%n", of);
        } else if (changes.moved().size() == changes.clusters()) {
            out.printf("  Every cluster's weight or load moved (%s):%n", of);
        } else {
            out.printf("  Moved: %d of %s (the others within 0.5 rps of the load last listed, same weights):%n",
                    changes.moved().size(), of);
        }
        if (!changes.moved().isEmpty()) {
            rows(state, changes.moved(), out);
        }
        if (!changes.gone().isEmpty()) {
            out.printf("  Gone from the table: %s%n", String.join(", ", changes.gone()));
        }
        if (!peaks(state).equals(peaks(before))) {
            out.printf("  peak demand: %s%n", peaks(state));
        }
        verdict(state, verdict, out);
    }

    private static void rows(TrafficState state, List<ClusterLoad> rows, PrintWriter out) {
        List<String> hosts = state.hostnames().stream().map(HostnameTraffic::hostname).toList();
        StringBuilder header = new StringBuilder(String.format(CLUSTER, "cluster"));
        hosts.forEach(h -> header.append(String.format(" %" + width(h) + "s", h)));
        header.append(String.format(LOAD, "load rps", "capacity rps", "util"));
        out.println(groups(hosts));
        out.println(header);
        for (ClusterLoad row : rows) {
            StringBuilder line = new StringBuilder(String.format(CLUSTER, row.cluster()));
            hosts.forEach(h -> {
                Integer w = row.weights().get(h);
                line.append(String.format(" %" + width(h) + "s", w == null ? "-" : w.toString()));
            });
            line.append(String.format(" %9.0f %12d %4.0f%%", row.loadRps(), row.capacityRps(), 100 * row.utilisation()));
            out.println(line);
        }
    }

    private static String peaks(TrafficState state) {
        String peaks = String.join(", ", state.hostnames().stream().map(h -> h.hostname() + " " + h.peakRps() + " rps").toList());
        return peaks.isEmpty() ? "none recorded" : peaks;
    }

    private static void verdict(TrafficState state, CapacityVerdict verdict, PrintWriter out) {
        var rule = verdict.rule();
        out.printf("  capacity rule %s, at most %s utilisation: %s%n", rule.name(), percent(rule.maxUtilisation()),
                verdict.holds() ? "passes" : "FAILS");
        busiest(state).ifPresent(c -> out.printf("    busiest: %s at %s (limit %s)%n", c.cluster(), percent(c.utilisation()),
                percent(rule.maxUtilisation())));
        verdict.worstCase().ifPresent(w -> out.printf("    %s worst case: %s%s%n", rule.name(), w.describe(),
                w.orphaned() ? "" : " (limit 100%)"));
        verdict.violations().forEach(v -> out.printf("    VIOLATION: %s%n", v));
    }

    static Optional<ClusterLoad> busiest(TrafficState state) {
        return state.clusters().stream().max(Comparator.comparingDouble(ClusterLoad::utilisation));
    }

    /** The worst case's utilisation for an overview column: a percentage, or "orphaned" when a hostname has no cluster left. */
    static String worst(Optional<FailureCase> worstCase) {
        return worstCase.map(w -> w.orphaned() ? "orphaned" : percent(w.utilisation())).orElse("-");
    }

    static String percent(double share) {
        return Math.round(100 * share) + "%";
    }

    private static int width(String hostname) {
        return Math.max(8, hostname.length());
    }

    /** The line above the header that says which columns are weights and which are loads. */
    private static String groups(List<String> hosts) {
        StringBuilder line = new StringBuilder(String.format(CLUSTER, ""));
        int weights = hosts.stream().mapToInt(h -> width(h) + 1).sum();
        String label = WEIGHTS.length() < weights ? WEIGHTS : "weight";
        if (!hosts.isEmpty()) {
            line.append(' ').append(label).append(" ".repeat(Math.max(0, weights - 1 - label.length())));
        }
        return line.append("  at peak demand").toString().stripTrailing();
    }
}
