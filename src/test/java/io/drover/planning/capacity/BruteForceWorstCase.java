package io.drover.planning.capacity;

import io.drover.model.HostnameTraffic;
import io.drover.planning.capacity.CapacityCheck.FailureCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The capacity check's worst case as Drover computed it before the search was pruned: every
 * combination of k serving clusters, every survivor, every hostname's weights summed again. Kept
 * as the oracle the faster search must agree with, figure for figure.
 */
public final class BruteForceWorstCase {

    private BruteForceWorstCase() {
    }

    public static Optional<FailureCase> of(TrafficState state, List<String> serving, int k) {
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
                double load = load(state.hostnames(), cluster, lostSet);
                int capacity = rows.get(cluster).capacityRps();
                FailureCase candidate = new FailureCase(List.copyOf(lost), cluster, load, capacity, false);
                if (worst[0] == null || (!worst[0].orphaned() && candidate.utilisation() > worst[0].utilisation() + 1e-12)) {
                    worst[0] = candidate;
                }
            }
        });
        return Optional.ofNullable(worst[0]);
    }

    /** The load a cluster carries when the clusters in {@code lost} serve nothing. */
    public static double load(List<HostnameTraffic> hostnames, String cluster, Set<String> lost) {
        double load = 0;
        for (HostnameTraffic h : hostnames) {
            int weight = h.weightOf(cluster);
            if (weight == 0) {
                continue;
            }
            int remaining = h.totalWeight() - lost.stream().mapToInt(h::weightOf).sum();
            load += (double) h.peakRps() * weight / remaining;
        }
        return load;
    }

    private static void combinations(List<String> items, int k, int start, List<String> chosen, Consumer<List<String>> action) {
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
}
