package io.drover.cli;

import java.util.Optional;

/**
 * Where a rollout stands before the plan's first step: how many of its steps are merged, counted
 * from the trailers of the step commits in the history of {@code readFrom}. Without a Git history
 * (FLEET_DIR in no repository, or one without commits) nothing counts as merged.
 */
record RolloutProgress(int merged, Optional<String> readFrom) {

    static final RolloutProgress NO_HISTORY = new RolloutProgress(0, Optional.empty());

    /** The number of the plan's step at {@code index} (from 0) among all the rollout's steps. */
    int number(int index) {
        return merged + index + 1;
    }

    int total(int planned) {
        return merged + planned;
    }
}
