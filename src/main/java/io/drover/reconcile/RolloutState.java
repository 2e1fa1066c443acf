package io.drover.reconcile;

import io.drover.chatops.ReceivedCommand;
import io.drover.chatops.Steering;
import io.drover.forge.MergeReadiness;
import io.drover.forge.PullRequest;
import io.drover.gate.Gate;
import io.drover.model.FileChange;
import io.drover.policy.Policy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one pass observed about one rollout, and the only input of {@link Decide}. Observed
 * fresh on every pass from the base branch, the plan made from it, Drover's pull requests and their
 * comments, history, and the gate; nothing is remembered between passes.
 *
 * <p>What is observed depends on where the rollout stands: the merged step's gate is only looked
 * at while no pull request of the next step exists, readiness only when the policy lets Drover
 * merge. A field that was not looked at is empty.
 */
record RolloutState(
        String rollout,
        String rolloutPath,
        String targetVersion,
        Policy policy,
        Instant now,
        Optional<String> refusal,
        Optional<Proposal> next,
        List<PullRequest> openElsewhere,
        Optional<StepPullRequest> stepPr,
        BranchState branch,
        Optional<AfterMerge> last,
        ChatOps chatOps) {

    RolloutState {
        openElsewhere = List.copyOf(openElsewhere);
    }

    /** As observed before ChatOps is looked at. */
    RolloutState(String rollout, String rolloutPath, String targetVersion, Policy policy, Instant now, Optional<String> refusal,
            Optional<Proposal> next, List<PullRequest> openElsewhere, Optional<StepPullRequest> stepPr, BranchState branch,
            Optional<AfterMerge> last) {
        this(rollout, rolloutPath, targetVersion, policy, now, refusal, next, openElsewhere, stepPr, branch, last, ChatOps.NONE);
    }

    RolloutState withChatOps(ChatOps observed) {
        return new RolloutState(rollout, rolloutPath, targetVersion, policy, now, refusal, next, openElsewhere, stepPr, branch, last,
                observed);
    }

    /** The pull request commands are read from and labelled on: the next step's, or while it has none the last merged one's. */
    Optional<PullRequest> currentPr() {
        return stepPr.map(StepPullRequest::pr).or(() -> last.flatMap(AfterMerge::pr));
    }

    /**
     * What ChatOps brought to this pass: the oldest command not answered yet, what people decided
     * so far (from the audit trail), and when the open step pull request's head was committed.
     */
    record ChatOps(Optional<ReceivedCommand> command, Steering steering, Optional<Instant> headCommittedAt,
            Optional<Unwind> unwind, Optional<SkipCheck> skip) {
        static final ChatOps NONE = new ChatOps(Optional.empty(), Steering.NONE, Optional.empty(), Optional.empty(), Optional.empty());

        ChatOps withoutCommand() {
            return new ChatOps(Optional.empty(), steering, headCommittedAt, unwind, Optional.empty());
        }
    }

    /**
     * A {@code /drover skip} judged against the plan: the step and its clusters, and the plan
     * without them: its next step, or why it cannot be (the planner's refusal, with the numbers).
     */
    record SkipCheck(String stepId, List<String> clusters, Optional<String> nextStep, Optional<String> refusal) {
        SkipCheck {
            clusters = List.copyOf(clusters);
        }
    }

    /**
     * An aborted rollout's way back: the steps whose revert is merged, and the newest merged step
     * not reverted yet with its revert (empty when every step is reverted).
     */
    record Unwind(List<String> reverted, Optional<MergedStep> step, Optional<Rollback> revert) {
        Unwind {
            reverted = List.copyOf(reverted);
        }
    }

    /** The next step's pull request, newest from its branch, with what Drover already said on it. */
    record StepPullRequest(PullRequest pr, Said said, boolean mergeVisible, List<String> mergedDiffers,
            Optional<MergeReadiness> readiness, Completion completion) {
        StepPullRequest {
            mergedDiffers = List.copyOf(mergedDiffers);
        }
    }

    /**
     * What an open step pull request lacks of what the step says, whatever left it so (a pass that
     * died between two requests, a lost answer, a plan that moved): labels, the "rebuilt" comment
     * owed for the branch commit its body does not name yet, a current title and body.
     */
    record Completion(List<String> missingLabels, boolean rebuiltCommentOwed, boolean textsOutdated) {
        static final Completion NONE = new Completion(List.of(), false, false);

        Completion {
            missingLabels = List.copyOf(missingLabels);
        }

        boolean needed() {
            return !missingLabels.isEmpty() || rebuiltCommentOwed || textsOutdated;
        }
    }

    /**
     * The last merged step while the next one has no pull request: its pull request, the gate as
     * observed now, what differs from what Drover proposed, and the rollback Drover would propose.
     */
    record AfterMerge(MergedStep step, Optional<PullRequest> pr, Said said, Gate.Result gate, List<String> differing,
            Optional<Rollback> rollback) {
        AfterMerge {
            differing = List.copyOf(differing);
        }
    }

    /**
     * The pull request that reverts a merged step: its branch, an existing pull request from it, the
     * changes that restore every file the step's merge changed, and the files that changed again
     * since (a revert would overwrite someone's later work there, so none is proposed).
     */
    record Rollback(String branch, Optional<PullRequest> pr, List<FileChange> changes, List<String> changedSince) {
        Rollback {
            changes = List.copyOf(changes);
            changedSince = List.copyOf(changedSince);
        }
    }

    /** The marker kinds found in Drover's comments on one pull request, and when the gate passed, if it said so. */
    record Said(Set<String> kinds, Optional<Instant> gatePassedAt, Set<String> rebuiltCommits) {
        static final Said NOTHING = new Said(Set.of(), Optional.empty(), Set.of());

        Said {
            kinds = Set.copyOf(kinds);
            rebuiltCommits = Set.copyOf(rebuiltCommits);
        }

        boolean has(String kind) {
            return kinds.contains(kind);
        }
    }
}
