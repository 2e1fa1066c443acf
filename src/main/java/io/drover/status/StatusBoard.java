package io.drover.status;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The latest view of each rollout: the reconciler publishes one after every pass, the status page
 * and the dashboard read them. Holds only what the last pass saw; a restart starts empty and the
 * first pass fills it.
 */
public final class StatusBoard implements Consumer<RolloutView> {

    private final ConcurrentMap<String, RolloutView> latest = new ConcurrentHashMap<>();

    @Override
    public void accept(RolloutView view) {
        latest.put(view.rollout(), view);
    }

    /** Every rollout's latest view, by name. */
    public List<RolloutView> rollouts() {
        return latest.values().stream().sorted(Comparator.comparing(RolloutView::rollout)).toList();
    }
}
