package io.drover.planning.capacity;

import java.util.Map;

/** One cluster in a traffic state: its weight per hostname, the load that gives it, and its capacity. */
public record ClusterLoad(String cluster, Map<String, Integer> weights, double loadRps, int capacityRps) {

    public ClusterLoad {
        weights = Map.copyOf(weights);
    }

    public double utilisation() {
        return loadRps / capacityRps;
    }

    public boolean serving() {
        // A plain loop: asked of every cluster of every planned state.
        for (int weight : weights.values()) {
            if (weight > 0) {
                return true;
            }
        }
        return false;
    }
}
