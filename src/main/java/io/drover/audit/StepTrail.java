package io.drover.audit;

import io.drover.audit.AuditEvent.Merge;
import io.drover.audit.AuditEvent.PullRequestRef;
import io.drover.audit.AuditEvent.StepRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A merged step: the commit on the base branch that brought it, how it is linked to its rollout
 * (the step commit's trailers, Drover's step-merged note, or both), and what happened to it after
 * the merge (gates, rollback), in the order it was recorded.
 *
 * @param trailers       whether the commit's message, or a commit it merged, carries the step's trailers
 * @param broughtByMerge whether the trailers came with a merge commit's second parent
 * @param merged         Drover's step-merged note on the commit, if any
 */
public record StepTrail(long sequence, String rollout, StepRef step, String commit, Instant committedAt, boolean trailers,
        boolean broughtByMerge, Optional<TrailEntry> merged, List<TrailEntry> events) {

    public StepTrail {
        events = List.copyOf(events);
    }

    /** What ties the commit to the step: trailers, note, or trailers and note. */
    public String linkedBy() {
        if (trailers && merged.isPresent()) {
            return "trailers and note";
        }
        return trailers ? "trailers" : "note";
    }

    public Optional<PullRequestRef> pr() {
        return merged.flatMap(m -> m.event().pr());
    }

    public Optional<String> mergedBy() {
        return merge().flatMap(Merge::by);
    }

    /** When the step was merged: as the note says, or else when its commit on the base branch was made. */
    public Instant mergedAt() {
        return merge().flatMap(Merge::at).orElse(committedAt);
    }

    /** Whether {@link #mergedAt()} is the merge time Drover noted, not the commit's. */
    public boolean mergeTimeNoted() {
        return merge().flatMap(Merge::at).isPresent();
    }

    /** merge, squash or rebase as the note says; a merge commit that brought the trailers is a merge. */
    public Optional<String> method() {
        return merge().flatMap(Merge::method).or(() -> broughtByMerge ? Optional.of("merge") : Optional.empty());
    }

    private Optional<Merge> merge() {
        return merged.flatMap(m -> m.event().merge());
    }
}
