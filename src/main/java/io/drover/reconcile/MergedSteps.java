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
        List<MainlineCommit> mainline = workspace.mainline(head, HISTORY_LIMIT);
        Set<String> ids = new LinkedHashSet<>();
        MergedStep last = null;
        for (MainlineCommit commit : mainline) {
            Optional<Trailers> trailers = Trailers.of(commit.message()).filter(t -> t.rollout().equals(rollout)).or(() ->
                    commit.mergedMessages().stream().map(Trailers::of).flatMap(Optional::stream)
                            .filter(t -> t.rollout().equals(rollout)).findFirst());
            if (trailers.isPresent()) {
                ids.add(trailers.get().stepId());
                if (last == null) {
                    last = new MergedStep(trailers.get(), commit.id(), commit.firstParent(), commit.time(),
                            Trailers.autoMerged(commit.message()));
                }
            }
        }
        return new MergedSteps(java.util.Collections.unmodifiableSet(ids), Optional.ofNullable(last));
    }
}
