package io.drover.benchmark;

import io.drover.model.FleetFiles;
import io.drover.testing.ExampleFleet;
import io.drover.testing.GeneratedFleet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleets the benchmarks measure, in the documented format: blue/green, four regions, three
 * apps (the first one's hostname weighted over every cluster), every cluster of the same size, peak
 * demand at a fifth of the fleet's capacity.
 */
final class BenchmarkFleet {

    static final List<String> APPS = List.of("shop", "recommendations", "ingress-nginx");
    /** {@code -Ddrover.benchmark.clustersInFlight}: plan in waves under the regional policy with this many clusters per step. */
    static final String IN_FLIGHT = System.getProperty("drover.benchmark.clustersInFlight", "");

    private BenchmarkFleet() {
    }

    static FleetFiles of(int clusters) {
        List<Integer> capacities = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < clusters; i++) {
            capacities.add(1000);
            weights.add(100);
        }
        FleetFiles files = GeneratedFleet.of(new GeneratedFleet.Spec(List.of("eu", "us", "ap", "sa"), capacities, weights,
                clusters * 200, "v1.30.2", "v1.31.0", "blue-green"), APPS);
        return IN_FLIGHT.isEmpty() ? files : waved(files, IN_FLIGHT);
    }

    static String policyDescription() {
        return IN_FLIGHT.isEmpty() ? "default policy (one cluster per step)" : "regional policy, clustersInFlight " + IN_FLIGHT;
    }

    /** The fleet's rollout under the shipped regional policy (waves, stages by region), at any time of day. */
    static FleetFiles waved(FleetFiles files, String inFlight) {
        FleetFiles edited = ExampleFleet.withEdit(files, "rollouts/upgrade.yaml", "  strategy: blue-green\n",
                "  strategy: blue-green\n  policy: regional\n");
        Map<String, String> copy = new TreeMap<>(edited.asMap());
        copy.put("policies/regional.yaml", ExampleFleet.shippedPolicy("regional")
                .replace("clustersInFlight: 25%", "clustersInFlight: \"" + inFlight + "\"")
                .replaceAll("changeWindows:\n(    .*\n)+", "changeWindows: []\n"));
        return FleetFiles.of(copy);
    }

}
