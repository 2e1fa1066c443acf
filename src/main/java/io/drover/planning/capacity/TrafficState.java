package io.drover.planning.capacity;

import io.drover.model.Cluster;
import io.drover.model.Fleet;
import io.drover.model.HostnameTraffic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The weights and loads of the hostnames a rollout is concerned with. A cluster's load is the
 * sum over the hostnames it serves of the hostname's peak demand times its share of the weight.
 */
public record TrafficState(List<HostnameTraffic> hostnames, List<ClusterLoad> clusters) {

    public TrafficState {
        hostnames = List.copyOf(hostnames);
        clusters = List.copyOf(clusters);
    }

    /**
     * The state of the given hostnames, with a row for every cluster that has a record or is named.
     * One walk of the fleet's clusters in name order, looking each up in the hostnames' records: a
     * state is built per planned step, for every cluster of the fleet.
     */
    public static TrafficState of(Fleet fleet, Set<String> hostnames, Collection<String> alsoShow) {
        List<HostnameTraffic> relevant = fleet.traffic().stream().filter(t -> hostnames.contains(t.hostname())).toList();
        int[] totals = relevant.stream().mapToInt(HostnameTraffic::totalWeight).toArray();
        Set<String> shown = null;
        List<ClusterLoad> rows = new ArrayList<>();
        for (Cluster cluster : fleet.clusters().values()) {
            Map<String, Integer> byHost = Map.of();
            double load = 0;
            for (int h = 0; h < relevant.size(); h++) {
                Integer weight = relevant.get(h).weights().get(cluster.name());
                if (weight != null) {
                    byHost = with(byHost, relevant.get(h).hostname(), weight);
                    if (weight != 0) {
                        load += (double) relevant.get(h).peakRps() * weight / totals[h];
                    }
                }
            }
            if (byHost.isEmpty()) {
                // Most clusters have a record; the set of those named is built only for one that has none.
                shown = shown == null ? new HashSet<>(alsoShow) : shown;
                if (!shown.contains(cluster.name())) {
                    continue;
                }
            }
            rows.add(new ClusterLoad(cluster.name(), byHost, load, cluster.capacityRps()));
        }
        return new TrafficState(relevant, rows);
    }

    /** The weights with one more; a cluster mostly serves one hostname of a rollout, which needs no hash map. */
    private static Map<String, Integer> with(Map<String, Integer> weights, String hostname, int weight) {
        if (weights.isEmpty()) {
            return Map.of(hostname, weight);
        }
        Map<String, Integer> more = new HashMap<>(weights);
        more.put(hostname, weight);
        return more;
    }

    public Map<String, ClusterLoad> byCluster() {
        Map<String, ClusterLoad> map = new HashMap<>();
        clusters.forEach(c -> map.put(c.cluster(), c));
        return map;
    }

    public List<String> servingClusters() {
        return clusters.stream().filter(ClusterLoad::serving).map(ClusterLoad::cluster).toList();
    }
}
