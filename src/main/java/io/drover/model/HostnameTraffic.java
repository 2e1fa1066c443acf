package io.drover.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The weighted records of one hostname (one DNSEndpoint) and the demand it carries at peak. A value:
 * equal when every field is. The total weight is summed once: every planned state asks for it, and
 * a hostname served by the whole fleet has thousands of records.
 */
public final class HostnameTraffic {

    private final String resourceName;
    private final String hostname;
    private final String path;
    private final int peakRps;
    private final Map<String, Integer> weights;
    private final int totalWeight;

    public HostnameTraffic(String resourceName, String hostname, String path, int peakRps, Map<String, Integer> weights) {
        this.resourceName = resourceName;
        this.hostname = hostname;
        this.path = path;
        this.peakRps = peakRps;
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.totalWeight = sum(this.weights);
    }

    /**
     * The same hostname with these clusters' weights changed, each keeping its record's place: one
     * copy of the weights, not one per record checked (a step of a plan changes a few of thousands).
     */
    public HostnameTraffic withWeights(Map<String, Integer> changed) {
        Map<String, Integer> next = new LinkedHashMap<>(weights);
        int total = totalWeight;
        for (Map.Entry<String, Integer> change : changed.entrySet()) {
            Integer before = next.replace(change.getKey(), change.getValue());
            if (before == null) {
                throw new IllegalArgumentException("no record for " + change.getKey() + " on " + hostname);
            }
            total += change.getValue() - before;
        }
        return new HostnameTraffic(resourceName, hostname, path, peakRps, Collections.unmodifiableMap(next), total);
    }

    /** Takes the weights as they are: only for a map made here and never changed after, and its sum. */
    private HostnameTraffic(String resourceName, String hostname, String path, int peakRps, Map<String, Integer> weights,
            int totalWeight) {
        this.resourceName = resourceName;
        this.hostname = hostname;
        this.path = path;
        this.peakRps = peakRps;
        this.weights = weights;
        this.totalWeight = totalWeight;
    }

    private static int sum(Map<String, Integer> weights) {
        int total = 0;
        for (int weight : weights.values()) {
            total += weight;
        }
        return total;
    }

    public String resourceName() {
        return resourceName;
    }

    public String hostname() {
        return hostname;
    }

    public String path() {
        return path;
    }

    public int peakRps() {
        return peakRps;
    }

    /** Weight by cluster, in the order of the records. */
    public Map<String, Integer> weights() {
        return weights;
    }

    public int totalWeight() {
        return totalWeight;
    }

    public int weightOf(String cluster) {
        return weights.getOrDefault(cluster, 0);
    }

    public boolean servedBy(String cluster) {
        return weights.containsKey(cluster);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostnameTraffic that && peakRps == that.peakRps && resourceName.equals(that.resourceName)
                && hostname.equals(that.hostname) && path.equals(that.path) && weights.equals(that.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resourceName, hostname, path, peakRps, weights);
    }

    @Override
    public String toString() {
        return "HostnameTraffic[resourceName=" + resourceName + ", hostname=" + hostname + ", path=" + path + ", peakRps="
                + peakRps + ", weights=" + weights + "]";
    }
}
