package io.drover.benchmark;

import io.drover.model.FleetFiles;
import io.drover.testing.GeneratedFleet;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleets the benchmarks measure, in the documented format: blue/green, four regions, three
 * apps (the first one's hostname weighted over every cluster), every cluster of the same size, peak
 * demand at a fifth of the fleet's capacity.
 */
final class BenchmarkFleet {

    static final List<String> APPS = List.of("shop", "recommendations", "ingress-nginx");

    private BenchmarkFleet() {
    }

    static FleetFiles of(int clusters) {
        List<Integer> capacities = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < clusters; i++) {
            capacities.add(1000);
            weights.add(100);
        }
        return GeneratedFleet.of(new GeneratedFleet.Spec(List.of("eu", "us", "ap", "sa"), capacities, weights,
                clusters * 200, "v1.30.2", "v1.31.0", "blue-green"), APPS);
    }
}
