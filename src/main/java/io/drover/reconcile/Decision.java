package io.drover.reconcile;

import io.drover.audit.AuditEvent;
import io.drover.chatops.ReceivedCommand;
import io.drover.forge.CommitStatus;
import io.drover.forge.PullRequest;
import io.drover.reconcile.Outcome.Action;
import io.drover.reconcile.RolloutState.AfterMerge;
import io.drover.reconcile.RolloutState.Rollback;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@link Decide} chose for one rollout in one pass; {@link Act} carries it out. At most one write. */
sealed interface Decision {

    /** Push the step's branch if it does not hold the step yet, and open its pull request. */
    record Propose(Proposal next) implements Decision {
    }

    /** The base moved under files the step touches: rebuild the branch on it and say so. */
    record Rebuild(PullRequest pr, Proposal next, String expectedTip, List<String> missingLabels) implements Decision {
    }

    /** Finish the open step pull request: labels, the owed "rebuilt" comment, then title and body (last). */
    record Complete(PullRequest pr, Proposal next, RolloutState.Completion completion, String tip) implements Decision {
    }

    /** The policy lets Drover merge this step and the forge reports it mergeable. */
    record Merge(PullRequest pr, Proposal next, String policy) implements Decision {
    }

    /** A Drover pull request whose step is no longer next: say which is, and close it. */
    record CloseSuperseded(PullRequest pr, String nextStep) implements Decision {
    }

    /**
     * Comment once (by marker kind) on a pull request, then report {@code then}; set a commit
     * status first when there is one to set (the comment is the marker, so it comes last).
     */
    record Say(PullRequest pr, String kind, Map<String, Object> extra, Optional<Proposal> about, Action then, String detail,
            Optional<Instant> until, Optional<StatusOnCommit> status, Optional<Noted> note) implements Decision {
        public Say {
            extra = Map.copyOf(extra);
        }
    }

    /** The merged step passed its gate now: record when (the soak starts here) on its pull request. */
    record RecordGatePassed(PullRequest pr, MergedStep step, Instant soakUntil, String detail, List<Map<String, String>> apps)
            implements Decision {
        public RecordGatePassed {
            apps = List.copyOf(apps);
        }
    }

    /** The merged step failed its gate and the policy asks for a rollback: open the reverting pull request. */
    record OpenRollback(AfterMerge last, Rollback rollback, String reason) implements Decision {
    }

    /**
     * Answers a ChatOps command: the reaction at once, then the decision into the audit trail (on
     * the base branch's head), then its effects, then the reply, whose marker makes the command
     * answered. A refusal has neither record nor effects: it writes the reaction and the reply only.
     */
    record Answer(ReceivedCommand command, String reaction, String reply, Optional<AuditEvent> record,
            List<CommandEffect> effects, String detail) implements Decision {
        public Answer {
            effects = List.copyOf(effects);
        }
    }

    /** The rollout was aborted: open the pull request that reverts its newest merged step not reverted yet. */
    record OpenRevert(MergedStep step, Rollback revert, String reason) implements Decision {
    }

    /**
     * Bring the rollout's dashboard issue up to date: open it (labelled, in one request) when
     * {@code issue} is empty, else rewrite its body. Decided after the rollout's own decision, and
     * only when the body differs from what the issue says.
     */
    record WriteDashboard(String rollout, Optional<Integer> issue, String body) implements Decision {
    }

    /** An event for the audit trail, noted on a commit under refs/notes/drover. */
    record Noted(String commit, AuditEvent event) {
    }

    /** The gate's evidence as a status on a step's merge commit. */
    record StatusOnCommit(String sha, CommitStatus status) {
    }

    /** Nothing to write: report the state, and when to look again if that is known. */
    record Hold(Action state, String detail, Optional<Instant> until) implements Decision {
        static Hold of(Action state, String detail) {
            return new Hold(state, detail, Optional.empty());
        }

        static Hold until(Action state, String detail, Instant when) {
            return new Hold(state, detail, Optional.of(when));
        }
    }
}
