package io.drover.reconcile;

import io.drover.model.StepKind;
import java.time.Instant;
import java.util.Optional;

/**
 * A merged step: its trailers, the mainline commit that merged it, the commit before, when, and
 * whether Drover merged it itself (its merge commit says so).
 */
record MergedStep(Trailers trailers, String mergeCommit, Optional<String> before, Instant mergedAt, boolean autoMerged) {

    String stepId() {
        return trailers.stepId();
    }

    StepKind kind() {
        return StepKind.byId(trailers.kind()).orElseThrow(() -> new IllegalStateException(
                "merge " + mergeCommit + " names an unknown step kind " + trailers.kind()));
    }
}
