package io.drover.planning;

import io.drover.model.Cluster;
import io.drover.model.Fleet;
import io.drover.model.Rollout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The clusters a rollout selects in one fleet state, in name order, and those of them still below
 * the target version. A strategy asks for them on every step; matching every cluster's labels
 * against the selector each time made a step's cost grow with the fleet. {@link #next} derives
 * them for the state after a step from this one: a cluster the step's read kept (the same
 * instance, see {@code StepRead}) keeps its verdict, so only the clusters a step read again are
 * matched, and the rest is a walk of references.
 */
public final class SelectedClusters {

    private final Rollout rollout;
    /** Every cluster of the state, in name order, and whether the rollout selects it. */
    private final Cluster[] clusters;
    private final boolean[] selects;
    private final boolean[] below;
    private final List<Cluster> selected;
    private final List<Cluster> belowTarget;

    private SelectedClusters(Rollout rollout, Cluster[] clusters, boolean[] selects, boolean[] below) {
        this.rollout = rollout;
        this.clusters = clusters;
        this.selects = selects;
        this.below = below;
        List<Cluster> selected = new ArrayList<>();
        List<Cluster> belowTarget = new ArrayList<>();
        for (int i = 0; i < clusters.length; i++) {
            if (selects[i]) {
                selected.add(clusters[i]);
                if (below[i]) {
                    belowTarget.add(clusters[i]);
                }
            }
        }
        this.selected = Collections.unmodifiableList(selected);
        this.belowTarget = Collections.unmodifiableList(belowTarget);
    }

    /** The selection of {@code fleet}, every cluster matched. */
    public static SelectedClusters of(Fleet fleet, Rollout rollout) {
        Cluster[] clusters = fleet.clusters().values().toArray(Cluster[]::new);
        boolean[] selects = new boolean[clusters.length];
        boolean[] below = new boolean[clusters.length];
        for (int i = 0; i < clusters.length; i++) {
            selects[i] = rollout.selects(clusters[i]);
            below[i] = isBelow(clusters[i], rollout);
        }
        return new SelectedClusters(rollout, clusters, selects, below);
    }

    /** The selection of {@code next}, a later state of the same fleet: only clusters not in this state are matched. */
    public SelectedClusters next(Fleet next) {
        Cluster[] after = new Cluster[next.clusters().size()];
        boolean[] selectsAfter = new boolean[after.length];
        boolean[] belowAfter = new boolean[after.length];
        int old = 0;
        Iterator<Cluster> it = next.clusters().values().iterator();
        for (int i = 0; i < after.length; i++) {
            Cluster cluster = it.next();
            // Both arrays are in name order: skip the clusters the step removed.
            while (old < clusters.length && clusters[old] != cluster && clusters[old].name().compareTo(cluster.name()) < 0) {
                old++;
            }
            after[i] = cluster;
            boolean kept = old < clusters.length && clusters[old] == cluster;
            selectsAfter[i] = kept ? selects[old] : rollout.selects(cluster);
            belowAfter[i] = kept ? below[old] : isBelow(cluster, rollout);
        }
        return new SelectedClusters(rollout, after, selectsAfter, belowAfter);
    }

    private static boolean isBelow(Cluster cluster, Rollout rollout) {
        return cluster.version().isBefore(rollout.targetVersion());
    }

    /** The clusters the rollout selects, in name order. */
    public List<Cluster> selected() {
        return selected;
    }

    /** The selected clusters still below the target version, in name order. */
    public List<Cluster> belowTarget() {
        return belowTarget;
    }
}
