package io.drover.planning.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.HostnameTraffic;
import io.drover.planning.capacity.CapacityCheck.FailureCase;
import io.drover.policy.Policy.CapacityRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The pruned search for the worst N+k loss against the plain one it replaced, on random fleets
 * drawn from few values so that ties (equal weights, equal capacities, twin clusters), zero
 * weights, hostnames without demand and orphaned hostnames are common.
 */
class WorstLossTest {

    private static final int[] WEIGHTS = {0, 0, 1, 2, 5, 10, 10, 50, 100, 100};
    private static final int[] CAPACITIES = {500, 1000, 1000, 1500, 2000};
    private static final int[] PEAKS = {0, 100, 600, 1400, 3000};

    @Test
    void smallFleetsGiveTheSameWorstCaseAsTryingEveryLoss() {
        Random random = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            assertSameAsBruteForce(randomState(random, 2 + random.nextInt(8), 1 + random.nextInt(4)), 1 + random.nextInt(3), i);
        }
    }

    @Test
    void largerFleetsGiveTheSameWorstCaseUnderNPlusOneAndNPlusTwo() {
        Random random = new Random(1000);
        for (int i = 0; i < 300; i++) {
            assertSameAsBruteForce(randomState(random, 10 + random.nextInt(30), 1 + random.nextInt(3)), 1 + random.nextInt(2), i);
        }
    }

    @Test
    void aFleetOfTwinsReportsTheFirstLossAndTheFirstSurvivorInOrder() {
        TrafficState twins = state(List.of(hostname("web", 3000, Map.of("a", 100, "b", 100, "c", 100, "d", 100))),
                Map.of("a", 1000, "b", 1000, "c", 1000, "d", 1000));

        FailureCase worst = CapacityCheck.check(twins, new CapacityRule(2, 1)).worstCase().orElseThrow();

        assertThat(worst).isEqualTo(new FailureCase(List.of("a", "b"), "c", 1500, 1000, false));
    }

    @Test
    void aHostnameServedOnlyByTheLostClustersIsOrphanedWhateverTheLoads() {
        TrafficState state = state(List.of(
                hostname("api", 600, Map.of("a", 100, "b", 100, "c", 100)),
                hostname("shop", 1400, Map.of("c", 50, "d", 50))), Map.of("a", 1000, "b", 1000, "c", 100, "d", 1000));

        FailureCase worst = CapacityCheck.check(state, new CapacityRule(2, 1)).worstCase().orElseThrow();

        assertThat(worst.describe()).isEqualTo("losing c and d leaves no cluster serving shop");
    }

    private static void assertSameAsBruteForce(TrafficState state, int k, int iteration) {
        Optional<FailureCase> fast = CapacityCheck.check(state, new CapacityRule(k, 1)).worstCase();
        List<String> serving = state.servingClusters();
        Optional<FailureCase> plain = serving.size() <= k ? Optional.empty() : BruteForceWorstCase.of(state, serving, k);
        assertThat(fast).as("N+%d, case %d: %s", k, iteration, state).isEqualTo(plain);
    }

    private static TrafficState randomState(Random random, int clusters, int hostnames) {
        Map<String, Integer> capacities = new LinkedHashMap<>();
        for (int c = 0; c < clusters; c++) {
            capacities.put(String.format("c%02d", c), CAPACITIES[random.nextInt(CAPACITIES.length)]);
        }
        List<HostnameTraffic> traffic = new ArrayList<>();
        for (int h = 0; h < hostnames; h++) {
            Map<String, Integer> weights = new LinkedHashMap<>();
            int twinOf = random.nextInt(3) == 0 ? random.nextInt(Math.max(1, h)) : -1;
            for (String cluster : capacities.keySet()) {
                if (twinOf >= 0 && twinOf < h) {
                    // Weighted like an earlier hostname: the case where one loss is worst on every hostname at once.
                    Integer w = traffic.get(twinOf).weights().get(cluster);
                    if (w != null) {
                        weights.put(cluster, w);
                    }
                } else if (random.nextInt(4) > 0) {
                    weights.put(cluster, WEIGHTS[random.nextInt(WEIGHTS.length)]);
                }
            }
            traffic.add(hostname("h" + h, PEAKS[random.nextInt(PEAKS.length)], weights));
        }
        return state(traffic, capacities);
    }

    private static HostnameTraffic hostname(String name, int peak, Map<String, Integer> weights) {
        return new HostnameTraffic(name, name, "traffic/" + name + ".yaml", peak, new TreeMap<>(weights));
    }

    /** Rows as TrafficState.of makes them from a fleet: in name order, with the load at full strength. */
    private static TrafficState state(List<HostnameTraffic> hostnames, Map<String, Integer> capacities) {
        List<ClusterLoad> rows = new ArrayList<>();
        new TreeMap<>(capacities).forEach((cluster, capacity) -> {
            Map<String, Integer> weights = new TreeMap<>();
            hostnames.stream().filter(h -> h.servedBy(cluster)).forEach(h -> weights.put(h.hostname(), h.weightOf(cluster)));
            rows.add(new ClusterLoad(cluster, weights, BruteForceWorstCase.load(hostnames, cluster, Set.of()), capacity));
        });
        return new TrafficState(hostnames, rows);
    }
}
