package io.drover.planning.capacity;

import io.drover.model.Cluster;
import io.drover.model.Fleet;
import io.drover.model.HostnameTraffic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The weights and loads of the hostnames a rollout is concerned with. A cluster's load is the
 * sum over the hostnames it serves of the hostname's peak demand times its share of the weight.
 */
public record TrafficState(List<HostnameTraffic> hostnames, List<ClusterLoad> clusters) {

    public TrafficState {
        hostnames = List.copyOf(hostnames);
        clusters = List.copyOf(clusters);
    }

    /** The state of the given hostnames, with a row for every cluster that has a record or is named. */
    public static TrafficState of(Fleet fleet, Set<String> hostnames, Collection<String> alsoShow) {
        List<HostnameTraffic> relevant = fleet.traffic().stream().filter(t -> hostnames.contains(t.hostname())).toList();
        Map<String, Map<String, Integer>> weights = new TreeMap<>();
        alsoShow.stream().filter(fleet.clusters()::containsKey).forEach(c -> weights.put(c, new TreeMap<>()));
        relevant.forEach(t -> t.weights().forEach((c, w) -> weights.computeIfAbsent(c, x -> new TreeMap<>()).put(t.hostname(), w)));
        int[] totals = relevant.stream().mapToInt(HostnameTraffic::totalWeight).toArray();
        List<ClusterLoad> rows = new ArrayList<>();
        weights.forEach((name, byHost) -> {
            Cluster cluster = fleet.clusters().get(name);
            rows.add(new ClusterLoad(name, byHost, load(relevant, totals, name), cluster.capacityRps()));
        });
        return new TrafficState(relevant, rows);
    }

    /** A cluster's load with every cluster serving; the totals are summed once per state, not once per cluster. */
    private static double load(List<HostnameTraffic> hostnames, int[] totals, String cluster) {
        double load = 0;
        for (int h = 0; h < hostnames.size(); h++) {
            int weight = hostnames.get(h).weightOf(cluster);
            if (weight != 0) {
                load += (double) hostnames.get(h).peakRps() * weight / totals[h];
            }
        }
        return load;
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
