package io.drover.planning.capacity;

import io.drover.model.HostnameTraffic;
import io.drover.planning.capacity.CapacityCheck.FailureCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Finds the loss of k serving clusters that leaves some survivor the most utilised, without
 * trying every combination: the same answer, in the same floating-point figures, as trying them
 * all in order (combinations of the serving clusters in their order, then survivors in order,
 * an orphaned hostname beating any load, a later case replacing an earlier one only when it is
 * more than 1e-12 higher).
 *
 * <p>Why it can prune: a survivor's load only grows with the weight lost on the hostnames it
 * serves, so the k heaviest other weights on each of its hostnames give an upper bound; with one
 * hostname (or hostnames weighted alike) that bound is exact, and a search ordered by it reaches
 * the worst loss first. Bounds and loads are summed in the same hostname order with the same
 * operations as the plain arithmetic, and floating-point rounding is monotone, so a bound is
 * never below the figure it bounds.
 */
final class WorstLoss {

    /** Cases within this of each other count as the same utilisation, as in the plain search. */
    private static final double TIE = 1e-12;
    private static final int[] NONE = {};

    private final int k;
    private final List<String> serving;
    private final int[] capacity;
    private final List<HostnameTraffic> hostnames;
    private final int[] peak;
    private final int[] total;
    /** weight[h][c]: the weight of serving cluster c on hostname h. */
    private final int[][] weight;
    /** The hostnames (in order) on which each serving cluster has a non-zero weight. */
    private final int[][] served;
    /**
     * heaviest[h][i]: the indices of the k+1 heaviest serving clusters on hostname h among those
     * at index i or later, heaviest first; k+1 so that one of them can be the survivor itself.
     */
    private final int[][][] heaviest;

    private WorstLoss(TrafficState state, List<ClusterLoad> servingRows, int k) {
        this.k = k;
        this.serving = servingRows.stream().map(ClusterLoad::cluster).toList();
        this.hostnames = state.hostnames();
        int n = serving.size();
        int m = hostnames.size();
        capacity = new int[n];
        for (int c = 0; c < n; c++) {
            capacity[c] = servingRows.get(c).capacityRps();
        }
        peak = new int[m];
        total = new int[m];
        weight = new int[m][n];
        heaviest = new int[m][][];
        // Each hostname's records are walked once, not every serving cluster looked up on every hostname.
        Map<String, Integer> index = new HashMap<>(2 * n);
        for (int c = 0; c < n; c++) {
            index.put(serving.get(c), c);
        }
        int[] servedCount = new int[n];
        for (int h = 0; h < m; h++) {
            HostnameTraffic traffic = hostnames.get(h);
            peak[h] = traffic.peakRps();
            total[h] = traffic.totalWeight();
            for (Map.Entry<String, Integer> record : traffic.weights().entrySet()) {
                Integer c = index.get(record.getKey());
                if (c != null && record.getValue() != 0) {
                    weight[h][c] = record.getValue();
                    servedCount[c]++;
                }
            }
            heaviest[h] = suffixHeaviest(weight[h], k + 1);
        }
        served = new int[n][];
        for (int c = 0; c < n; c++) {
            served[c] = new int[servedCount[c]];
            servedCount[c] = 0;
        }
        for (int h = 0; h < m; h++) {
            for (int c = 0; c < n; c++) {
                if (weight[h][c] != 0) {
                    served[c][servedCount[c]++] = h;
                }
            }
        }
    }

    /** The worst loss of k of the serving clusters (rows of the state, in its order); empty only when no case exists. */
    static Optional<FailureCase> of(TrafficState state, List<ClusterLoad> serving, int k) {
        return new WorstLoss(state, serving, k).find();
    }

    private Optional<FailureCase> find() {
        Optional<FailureCase> orphan = firstOrphaningLoss();
        if (orphan.isPresent()) {
            return orphan;
        }
        int n = serving.size();
        double[] bound = new double[n];
        List<Integer> survivors = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            bound[s] = bound(s, new int[0], 0, k);
            survivors.add(s);
        }
        // Highest bound first; the search stops at the first bound not above the worst found, mostly
        // after a few survivors of thousands, so a heap beats sorting them all.
        PriorityQueue<Integer> byBound = new PriorityQueue<>(survivors.size() + 1,
                Comparator.comparingDouble((Integer s) -> bound[s]).reversed());
        byBound.addAll(survivors);
        double worst = Double.NEGATIVE_INFINITY;
        Set<List<Integer>> searched = new HashSet<>();
        while (!byBound.isEmpty()) {
            int s = byBound.poll();
            if (bound[s] <= worst) {
                break;
            }
            // A twin (same capacity, same weights everywhere) has the same worst loss, with the two swapped.
            if (searched.add(twinKey(s))) {
                worst = Math.max(worst, highest(s, new int[0], 0, worst));
            }
        }
        // The plain search reports the first case, in its order, that comes within TIE of the worst.
        int[] firstLost = null;
        int firstSurvivor = -1;
        for (int s = 0; s < n; s++) {
            if (bound[s] < worst - TIE) {
                continue;
            }
            int[] lost = firstReaching(s, new int[0], 0, worst - TIE, firstLost);
            if (lost != null && (firstLost == null || Arrays.compare(lost, firstLost) < 0)) {
                firstLost = lost;
                firstSurvivor = s;
                if (isFirstOfAll(lost)) {
                    // No loss comes before the first k clusters, and a later survivor only wins with an earlier loss.
                    break;
                }
            }
        }
        if (firstLost == null) {
            return Optional.empty();
        }
        return Optional.of(new FailureCase(names(firstLost), serving.get(firstSurvivor), load(firstSurvivor, firstLost),
                capacity[firstSurvivor], false));
    }

    /**
     * The first combination, in order, that leaves a hostname with demand and no weight: the first
     * that contains all clusters with weight on it, the rest filled with the earliest others.
     */
    private Optional<FailureCase> firstOrphaningLoss() {
        int[] first = null;
        for (int h = 0; h < hostnames.size(); h++) {
            if (peak[h] <= 0 || total[h] <= 0) {
                continue;
            }
            List<Integer> weighted = new ArrayList<>();
            for (int c = 0; c < serving.size() && weighted.size() <= k; c++) {
                if (weight[h][c] > 0) {
                    weighted.add(c);
                }
            }
            if (weighted.size() > k) {
                continue;
            }
            for (int c = 0; weighted.size() < k; c++) {
                if (!weighted.contains(c)) {
                    weighted.add(c);
                }
            }
            int[] lost = weighted.stream().mapToInt(Integer::intValue).sorted().toArray();
            if (first == null || Arrays.compare(lost, first) < 0) {
                first = lost;
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        for (int h = 0; ; h++) {
            if (peak[h] > 0 && total[h] > 0 && remaining(h, first) == 0) {
                return Optional.of(new FailureCase(names(first), hostnames.get(h).hostname(), Double.POSITIVE_INFINITY, 0, true));
            }
        }
    }

    private List<Integer> twinKey(int s) {
        List<Integer> key = new ArrayList<>(hostnames.size() + 1);
        key.add(capacity[s]);
        for (int[] onHostname : weight) {
            key.add(onHostname[s]);
        }
        return key;
    }

    /**
     * The highest utilisation of survivor s over the losses that extend {@code lost} (fewer than k
     * clusters), or {@code floor} if none is above it.
     */
    private double highest(int s, int[] lost, int from, double floor) {
        if (lost.length == k - 1) {
            // Each candidate completes the loss: its figure is exact, no bound to sort by.
            double best = floor;
            for (int c = from; c < serving.size(); c++) {
                if (c != s) {
                    best = Math.max(best, utilisation(s, append(lost, c)));
                }
            }
            return best;
        }
        List<Integer> next = new ArrayList<>();
        List<Double> bounds = new ArrayList<>();
        for (int c = from; c < serving.size() && canStillLose(s, c + 1, k - lost.length - 1); c++) {
            if (c == s) {
                continue;
            }
            int[] extended = append(lost, c);
            next.add(c);
            bounds.add(bound(s, extended, c + 1, k - extended.length));
        }
        Integer[] order = new Integer[next.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> bounds.get(i)).reversed());
        double best = floor;
        for (int i : order) {
            if (bounds.get(i) <= best) {
                break;
            }
            best = Math.max(best, highest(s, append(lost, next.get(i)), next.get(i) + 1, best));
        }
        return best;
    }

    /**
     * The first loss, in order, extending {@code lost} that puts survivor s at {@code threshold}
     * or more; none when every such loss comes at or after {@code before}.
     */
    private int[] firstReaching(int s, int[] lost, int from, double threshold, int[] before) {
        if (lost.length == k) {
            return utilisation(s, lost) >= threshold && (before == null || Arrays.compare(lost, before) < 0) ? lost : null;
        }
        for (int c = from; c < serving.size(); c++) {
            if (c == s) {
                continue;
            }
            int[] extended = append(lost, c);
            if (before != null && Arrays.compare(extended, Arrays.copyOf(before, extended.length)) > 0) {
                return null;
            }
            if (!canStillLose(s, c + 1, k - extended.length)) {
                return null;
            }
            if (bound(s, extended, c + 1, k - extended.length) >= threshold) {
                int[] found = firstReaching(s, extended, c + 1, threshold, before);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private boolean canStillLose(int s, int from, int more) {
        int left = serving.size() - from - (s >= from ? 1 : 0);
        return left >= more;
    }

    /**
     * The utilisation of survivor s if {@code lost} and the {@code more} heaviest of the clusters
     * from index {@code from} on (other than s) were lost: at least that of any such loss.
     */
    private double bound(int s, int[] lost, int from, int more) {
        double load = 0;
        for (int h : served[s]) {
            int remaining = remaining(h, lost);
            int taken = 0;
            for (int c : from < weight[h].length ? heaviest[h][from] : NONE) {
                if (taken == more) {
                    break;
                }
                if (c != s) {
                    remaining -= weight[h][c];
                    taken++;
                }
            }
            load += (double) peak[h] * weight[h][s] / remaining;
        }
        return load / capacity[s];
    }

    private double utilisation(int s, int[] lost) {
        return load(s, lost) / capacity[s];
    }

    /** A survivor's load with the clusters in {@code lost} serving nothing, summed as the plain arithmetic sums it. */
    private double load(int s, int[] lost) {
        double load = 0;
        for (int h : served[s]) {
            load += (double) peak[h] * weight[h][s] / remaining(h, lost);
        }
        return load;
    }

    private int remaining(int h, int[] lost) {
        int remaining = total[h];
        for (int c : lost) {
            remaining -= weight[h][c];
        }
        return remaining;
    }

    private static boolean isFirstOfAll(int[] lost) {
        for (int i = 0; i < lost.length; i++) {
            if (lost[i] != i) {
                return false;
            }
        }
        return true;
    }

    private List<String> names(int[] lost) {
        return Arrays.stream(lost).mapToObj(serving::get).toList();
    }

    private static int[] append(int[] lost, int c) {
        int[] extended = Arrays.copyOf(lost, lost.length + 1);
        extended[lost.length] = c;
        return extended;
    }

    /** For each index, the indices of the {@code count} heaviest weights from it to the end, heaviest (then earliest) first. */
    private static int[][] suffixHeaviest(int[] weights, int count) {
        int[][] heaviest = new int[weights.length][];
        int[] current = new int[0];
        for (int i = weights.length - 1; i >= 0; i--) {
            if (current.length == count && weights[i] == 0 && weights[current[count - 1]] == 0) {
                // Only weights of 0 left to choose from: which of them a bound takes subtracts nothing.
                heaviest[i] = current;
                continue;
            }
            int[] merged = new int[Math.min(count, current.length + 1)];
            int at = 0;
            boolean placed = false;
            for (int j = 0; at < merged.length; ) {
                if (!placed && (j == current.length || weights[i] >= weights[current[j]])) {
                    merged[at++] = i;
                    placed = true;
                } else {
                    merged[at++] = current[j++];
                }
            }
            heaviest[i] = merged;
            current = merged;
        }
        return heaviest;
    }
}
