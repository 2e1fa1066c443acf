package io.drover.cli;

import io.drover.planning.capacity.ClusterLoad;
import io.drover.planning.capacity.TrafficState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rows of the capacity table a reader has seen so far, so that a plan of a thousand clusters
 * lists per step the few rows that moved, not the whole fleet again. A row is listed again when
 * the cluster is new to the table, or its weights or capacity changed, or its load at peak is half
 * a request per second or more away from the load last listed for it: comparing with the last
 * listed row, not the previous state, keeps small moves from adding up unseen.
 */
final class ListedRows {

    private static final double LOAD_MOVED_RPS = 0.5;

    private final Map<String, ClusterLoad> listed = new TreeMap<>();

    /** Starts from a state listed in full. */
    ListedRows(TrafficState shownInFull) {
        shownInFull.clusters().forEach(row -> listed.put(row.cluster(), row));
    }

    /** What to list for the state after a step; from then on those rows count as listed. */
    Changes next(TrafficState after) {
        List<ClusterLoad> moved = new ArrayList<>();
        for (ClusterLoad row : after.clusters()) {
            if (moved(listed.get(row.cluster()), row)) {
                moved.add(row);
                listed.put(row.cluster(), row);
            }
        }
        Set<String> now = after.clusters().stream().map(ClusterLoad::cluster).collect(Collectors.toSet());
        List<String> gone = listed.keySet().stream().filter(c -> !now.contains(c)).toList();
        gone.forEach(listed::remove);
        return new Changes(moved, gone, after.clusters().size());
    }

    private static boolean moved(ClusterLoad before, ClusterLoad after) {
        return before == null || !before.weights().equals(after.weights()) || before.capacityRps() != after.capacityRps()
                || Math.abs(after.loadRps() - before.loadRps()) >= LOAD_MOVED_RPS;
    }

    /** The rows to list again, the clusters no longer in the table, and how many clusters it holds. */
    record Changes(List<ClusterLoad> moved, List<String> gone, int clusters) {

        Changes {
            moved = List.copyOf(moved);
            gone = List.copyOf(gone);
        }
    }
}
