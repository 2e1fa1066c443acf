package io.drover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.HostnameTraffic;
import io.drover.planning.capacity.BruteForceWorstCase;
import io.drover.planning.capacity.CapacityCheck;
import io.drover.planning.capacity.CapacityCheck.FailureCase;
import io.drover.planning.capacity.ClusterLoad;
import io.drover.planning.capacity.TrafficState;
import io.drover.policy.Policy.CapacityRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The capacity check of one traffic state of 100 and 1,000 clusters, serving one or three
 * hostnames, under N+1 and N+2: the search Drover uses against trying every loss (the check as
 * it was before), where the latter finishes in reasonable time. Prints figures; asserts only that
 * both find the same worst case.
 */
class CapacityCheckBenchmark {

    /** Above this many (combination x survivor) evaluations the brute force is not run, only estimated. */
    private static final long BRUTE_FORCE_LIMIT = 20_000_000L;

    @Test
    void worstCaseOfOneState() {
        System.out.println("capacity check benchmark: one state, median of the timed runs after warm-up");
        System.out.printf("  %8s %9s %4s %14s %16s  %s%n", "clusters", "hostnames", "rule", "search ms", "every loss ms", "worst case");
        for (int clusters : List.of(100, 1000)) {
            for (int hostnames : List.of(1, 3)) {
                TrafficState state = state(clusters, hostnames);
                for (int k : List.of(1, 2)) {
                    CapacityRule rule = new CapacityRule(k, 1);
                    Optional<FailureCase> fast = CapacityCheck.check(state, rule).worstCase();
                    double searchMs = medianMs(() -> CapacityCheck.check(state, rule), clusters <= 100 ? 200 : 30);
                    long evaluations = evaluations(clusters, k);
                    String plain;
                    if (evaluations <= BRUTE_FORCE_LIMIT) {
                        long start = System.nanoTime();
                        Optional<FailureCase> slow = BruteForceWorstCase.of(state, state.servingClusters(), k);
                        plain = String.format("%.1f", (System.nanoTime() - start) / 1e6);
                        assertThat(fast).isEqualTo(slow);
                    } else {
                        plain = "not run (" + evaluations + " cases)";
                    }
                    System.out.printf("  %8d %9d %4s %14.3f %16s  %s%n", clusters, hostnames, rule.name(), searchMs, plain,
                            fast.map(FailureCase::describe).orElse("-"));
                }
            }
        }
    }

    private static long evaluations(int clusters, int k) {
        long combinations = k == 1 ? clusters : (long) clusters * (clusters - 1) / 2;
        return combinations * (clusters - k);
    }

    private static double medianMs(Runnable run, int times) {
        for (int i = 0; i < times; i++) {
            run.run();
        }
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[times / 2];
    }

    /** Capacities and weights that vary by position (as in the golden generated fleets), each hostname weighted differently. */
    private static TrafficState state(int clusters, int hostnames) {
        List<HostnameTraffic> traffic = new ArrayList<>();
        int capacity = 0;
        for (int i = 0; i < clusters; i++) {
            capacity += capacity(i);
        }
        for (int h = 0; h < hostnames; h++) {
            Map<String, Integer> weights = new LinkedHashMap<>();
            for (int i = 0; i < clusters; i++) {
                weights.put(name(i), i % 3 == h % 3 ? 100 : 50 + 10 * (i * (3 + h) % 10));
            }
            traffic.add(new HostnameTraffic("h" + h, "app" + h + ".example.com", "traffic/app" + h + ".yaml",
                    capacity * 30 / 100 / hostnames, weights));
        }
        List<ClusterLoad> rows = new ArrayList<>();
        for (int i = 0; i < clusters; i++) {
            String name = name(i);
            Map<String, Integer> weights = new TreeMap<>();
            traffic.forEach(t -> weights.put(t.hostname(), t.weightOf(name)));
            rows.add(new ClusterLoad(name, weights, BruteForceWorstCase.load(traffic, name, Set.of()), capacity(i)));
        }
        return new TrafficState(traffic, rows);
    }

    private static int capacity(int i) {
        return 500 + 100 * (i * 7 % 10);
    }

    private static String name(int i) {
        return String.format("prod-%04d", i);
    }
}
