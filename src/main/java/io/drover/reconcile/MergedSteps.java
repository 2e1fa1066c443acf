package io.drover.reconcile;

import io.drover.git.FleetWorkspace;
import io.drover.git.FleetWorkspace.MainlineCommit;
import io.drover.git.GitFailure;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which steps of a rollout are merged, read from the base branch's history: the trailers of the
 * step commits, found on the mainline or in what a merge commit brought in.
 */
public record MergedSteps(Set<String> stepIds, Optional<MergedStep> last) {

    private static final int HISTORY_LIMIT = 10_000;

    /** The merged step ids, oldest first. */
    public List<String> oldestFirst() {
        List<String> ids = new java.util.ArrayList<>(stepIds);
        java.util.Collections.reverse(ids);
        return List.copyOf(ids);
    }

    public static MergedSteps of(FleetWorkspace workspace, String head, String rollout) throws GitFailure {
        List<MergedStep> all = newestFirst(workspace, head, rollout);
        Set<String> ids = new LinkedHashSet<>();
        all.forEach(step -> ids.add(step.stepId()));
        return new MergedSteps(java.util.Collections.unmodifiableSet(ids), all.stream().findFirst());
    }

    /** Every merge of a step of the rollout on the base branch, newest first. */
    static List<MergedStep> newestFirst(FleetWorkspace workspace, String head, String rollout) throws GitFailure {
        List<MergedStep> merged = new java.util.ArrayList<>();
        for (MainlineCommit commit : workspace.mainline(head, HISTORY_LIMIT)) {
            Optional<Trailers> trailers = Trailers.of(commit.message()).filter(t -> t.rollout().equals(rollout)).or(() ->
                    commit.mergedMessages().stream().map(Trailers::of).flatMap(Optional::stream)
                            .filter(t -> t.rollout().equals(rollout)).findFirst());
            if (trailers.isPresent()) {
                merged.add(new MergedStep(trailers.get(), commit.id(), commit.firstParent(), commit.time(),
                        Trailers.autoMerged(commit.message())));
            }
        }
        return merged;
    }
}
