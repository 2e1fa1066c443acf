package io.drover.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.HostnameTraffic;
import io.drover.policy.Policy;
import io.drover.testing.ExampleFleet;
import io.drover.testing.GeneratedFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strategies on synthetic fleets of many sizes and capacities. Whatever the planner decides, the
 * capacity rule is re-checked here from the fleet files alone, with the arithmetic written out
 * independently: a plan is either refused, or every state it passes through is safe.
 */
class GeneratedFleetsTest {

    private static final java.util.concurrent.atomic.AtomicInteger PLANNED = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger REFUSED = new java.util.concurrent.atomic.AtomicInteger();

    /** The matrix must exercise both outcomes, or the property above proves little. */
    @org.junit.jupiter.api.AfterAll
    static void bothOutcomesOccurred() {
        System.out.printf("generated fleets: %d planned, %d refused%n", PLANNED.get(), REFUSED.get());
        assertThat(PLANNED.get()).isGreaterThan(10);
        assertThat(REFUSED.get()).isGreaterThan(0);
    }

    static Stream<Arguments> fleets() {
        List<Arguments> cases = new ArrayList<>();
        Random random = new Random(20261121);
        for (String strategy : List.of("blue-green", "rolling", "canary-fleet")) {
            for (int size : List.of(2, 3, 5, 8, 13)) {
                // regional: waves of a quarter of the fleet, region by region.
                for (String policy : List.of("default", "conservative", "regional")) {
                    cases.add(Arguments.of(strategy, size, policy, random.nextLong()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1} clusters, {2}")
    @MethodSource("fleets")
    void everyPlannedStateKeepsTheCapacityRule(String strategy, int size, String policyName, long seed) throws Exception {
        Random random = new Random(seed);
        List<Integer> capacities = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            capacities.add(500 + 100 * random.nextInt(10));
            weights.add(random.nextBoolean() ? 100 : 50 + 10 * random.nextInt(10));
        }
        int totalCapacity = capacities.stream().mapToInt(Integer::intValue).sum();
        int peak = (int) (totalCapacity * (0.15 + 0.35 * random.nextDouble()));
        FleetFiles start = GeneratedFleet.of(new GeneratedFleet.Spec(List.of("eu", "us", "ap"), capacities, weights, peak,
                "v1.30.2", "v1.31.0", strategy));
        Policy policy = Planning.policy(start, policyName);

        FullPlan plan;
        try {
            plan = Planning.plan(start, policyName);
        } catch (PlanRefusedException refused) {
            REFUSED.incrementAndGet();
            assertThat(refused.reasons()).isNotEmpty().allSatisfy(r -> assertThat(r).containsAnyOf("rps", "serve"));
            return;
        }
        PLANNED.incrementAndGet();
        assertThat(plan.steps()).isNotEmpty();
        FleetFiles state = start;
        for (Step step : plan.steps()) {
            state = state.apply(step.changes());
            Fleet fleet = ExampleFleet.read(state);
            assertSafe(fleet, policy, step.id());
        }
        Fleet end = ExampleFleet.read(state);
        assertThat(end.clusters().values()).allSatisfy(c -> assertThat(c.version().toString()).isEqualTo("v1.31.0"));
        assertThat(end.clusters()).hasSize(size);
    }

    /** N+k and the utilisation limit, computed straight from weights, demands and capacities. */
    private static void assertSafe(Fleet fleet, Policy policy, String stepId) {
        List<HostnameTraffic> hostnames = fleet.traffic();
        List<String> serving = fleet.clusters().keySet().stream()
                .filter(c -> hostnames.stream().anyMatch(h -> h.weightOf(c) > 0)).toList();
        for (String cluster : serving) {
            assertThat(load(hostnames, cluster, Set.of()) / fleet.clusters().get(cluster).capacityRps())
                    .as("utilisation of %s after %s", cluster, stepId)
                    .isLessThanOrEqualTo(policy.capacity().maxUtilisation() + 1e-9);
        }
        int k = policy.capacity().spareClusters();
        assertThat(serving.size()).as("serving clusters after %s", stepId).isGreaterThan(k);
        for (Set<String> lost : subsets(serving, k)) {
            for (String cluster : serving) {
                if (!lost.contains(cluster)) {
                    assertThat(load(hostnames, cluster, lost)).as("%s losing %s after %s", cluster, lost, stepId)
                            .isLessThanOrEqualTo(fleet.clusters().get(cluster).capacityRps() + 1e-6);
                }
            }
        }
    }

    private static double load(List<HostnameTraffic> hostnames, String cluster, Set<String> lost) {
        double load = 0;
        for (HostnameTraffic h : hostnames) {
            double remaining = h.weights().entrySet().stream().filter(e -> !lost.contains(e.getKey()))
                    .mapToInt(e -> e.getValue()).sum();
            if (h.weightOf(cluster) > 0) {
                load += h.peakRps() * h.weightOf(cluster) / remaining;
            }
        }
        return load;
    }

    private static List<Set<String>> subsets(List<String> items, int k) {
        List<Set<String>> result = new ArrayList<>();
        if (k == 0) {
            result.add(Set.of());
            return result;
        }
        for (int i = 0; i < items.size(); i++) {
            for (Set<String> rest : subsets(items.subList(i + 1, items.size()), k - 1)) {
                Set<String> set = new HashSet<>(rest);
                set.add(items.get(i));
                result.add(set);
            }
        }
        return result;
    }
}
