package io.drover.model;

import java.util.Map;
import java.util.LinkedHashMap;

/** The weighted records of one hostname (one DNSEndpoint) and the demand it carries at peak. */
public record HostnameTraffic(String resourceName, String hostname, String path, int peakRps,
        Map<String, Integer> weights) {

    public HostnameTraffic {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    public int totalWeight() {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int weightOf(String cluster) {
        return weights.getOrDefault(cluster, 0);
    }

    public boolean servedBy(String cluster) {
        return weights.containsKey(cluster);
    }
}
