package io.drover.reconcile;

import java.util.Optional;

/**
 * The next step's branch on origin: where it points, whether it holds the step's content in every
 * file the step touches, and whether anyone but Drover committed to it.
 */
record BranchState(Optional<String> tip, boolean holdsStep, boolean foreignCommits) {

    static BranchState absent() {
        return new BranchState(Optional.empty(), false, false);
    }

    boolean exists() {
        return tip.isPresent();
    }
}
