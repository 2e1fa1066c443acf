package io.drover.reconcile;

import io.drover.audit.AuditEvent;
import io.drover.forge.CommitStatus;
import io.drover.forge.PullRequest;
import io.drover.gate.Gate;
import io.drover.policy.TimeWindow;
import io.drover.reconcile.Decision.CloseSuperseded;
import io.drover.reconcile.Decision.Complete;
import io.drover.reconcile.Decision.Hold;
import io.drover.reconcile.Decision.Merge;
import io.drover.reconcile.Decision.OpenRollback;
import io.drover.reconcile.Decision.Propose;
import io.drover.reconcile.Decision.Rebuild;
import io.drover.reconcile.Decision.RecordGatePassed;
import io.drover.reconcile.Decision.Say;
import io.drover.reconcile.Decision.StatusOnCommit;
import io.drover.reconcile.Outcome.Action;
import io.drover.reconcile.RolloutState.AfterMerge;
import io.drover.reconcile.RolloutState.StepPullRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reconciler's judgement: a pure function from what one pass observed to one decision. Each
 * rule looks at the state and either decides or passes; the first rule that decides wins. No Git,
 * no forge, no clock: everything comes in with the state.
 */
final class Decide {

    /** Marker kinds of comments that pause the rollout until a human removes them. */
    static final String GATE_FAILED = "gate-failed";
    static final String GATE_TIMEOUT = "gate-timeout";
    static final String GATE_PASSED = "gate-passed";
    static final String GATE_WAITING = "gate-waiting";
    static final String SUPERSEDED = "superseded";
    static final String AUTO_MERGED = "auto-merged";
    static final String REBUILT = "rebuilt";

    /** How long to wait before looking again when only a human or the forge can move things on. */
    static final Duration FORGE_RETRY = Duration.ofSeconds(60);
    static final Duration MERGE_VISIBLE_RETRY = Duration.ofSeconds(30);
    /** How far ahead to look for the next moment the policy allows a step. */
    static final Duration WINDOW_HORIZON = Duration.ofDays(60);

    private static final List<Function<RolloutState, Optional<Decision>>> RULES = List.of(
            CommandRules::answer,
            CommandRules::aborted,
            Decide::planRefused,
            Decide::rolloutComplete,
            CommandRules::paused,
            Decide::closeStaleStep,
            Decide::closedWithoutMerge,
            Decide::mergedButStillNext,
            Decide::tendOpenPullRequest,
            Decide::autoMergeNotYetSaid,
            Decide::gateFailedEarlier,
            Decide::gateFailsNow,
            Decide::gateStillWaiting,
            Decide::mergedOtherThanProposed,
            Decide::soakAfterGate,
            Decide::lastStepSoaked,
            Decide::outsideChangeWindow,
            Decide::proposeNext);

    private Decide() {
    }

    static Decision decide(RolloutState state) {
        for (Function<RolloutState, Optional<Decision>> rule : RULES) {
            Optional<Decision> decision = rule.apply(state);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        throw new IllegalStateException("no rule decided for rollout " + state.rollout());
    }

    static Optional<Decision> planRefused(RolloutState s) {
        return s.refusal().map(r -> Hold.of(Action.BLOCKED, "plan refused: " + r));
    }

    static Optional<Decision> rolloutComplete(RolloutState s) {
        if (s.next().isPresent()) {
            return Optional.empty();
        }
        if (!s.openElsewhere().isEmpty()) {
            return Optional.of(new CloseSuperseded(s.openElsewhere().get(0), "none, the rollout is complete"));
        }
        if (s.last().isPresent()) {
            return Optional.empty(); // the last step's gate and soak first: lastStepSoaked
        }
        return Optional.of(complete(s));
    }

    /** No step left, and the last one's gate passed and it soaked: the rollout is complete. */
    static Optional<Decision> lastStepSoaked(RolloutState s) {
        return s.next().isEmpty() ? Optional.of(complete(s)) : Optional.empty();
    }

    private static Decision complete(RolloutState s) {
        return Hold.of(Action.DONE, "every selected cluster is at " + s.targetVersion());
    }

    /** One step PR per rollout: a plan that moved on closes the open step first. */
    static Optional<Decision> closeStaleStep(RolloutState s) {
        return s.openElsewhere().stream().findFirst()
                .map(pr -> new CloseSuperseded(pr, s.next().orElseThrow().stepId()));
    }

    static Optional<Decision> closedWithoutMerge(RolloutState s) {
        return stepPr(s, PullRequest.State.CLOSED).filter(p -> !p.said().has(SUPERSEDED)).map(p -> sayOnce(s, p, "paused-closed",
                Map.of("rolloutPath", s.rolloutPath()), Action.PAUSED,
                "pull request #" + p.pr().number() + " was closed without merge; reopen it to go on"));
    }

    /** The step's PR is merged, yet planning from the base branch still puts the step first. */
    static Optional<Decision> mergedButStillNext(RolloutState s) {
        return stepPr(s, PullRequest.State.MERGED).map(p -> {
            if (!p.mergeVisible()) {
                return Hold.until(Action.WAITING, "merge of #" + p.pr().number() + " not yet on the base branch",
                        s.now().plus(MERGE_VISIBLE_RETRY));
            }
            return sayOnce(s, p, "merged-differs", Map.of("paths", String.join(", ", p.mergedDiffers())), Action.PAUSED,
                    "#" + p.pr().number() + " was merged with other content than proposed (" + p.mergedDiffers() + ")");
        });
    }

    /** The step's pull request is open: keep it right, merge it if the policy says so, else wait for review. */
    static Optional<Decision> tendOpenPullRequest(RolloutState s) {
        return stepPr(s, PullRequest.State.OPEN).map(p -> {
            PullRequest pr = p.pr();
            Proposal next = s.next().orElseThrow();
            if (!s.branch().exists()) {
                return Hold.of(Action.BLOCKED, "#" + pr.number() + " is open but branch " + next.branch() + " is gone");
            }
            if (s.branch().foreignCommits()) {
                return sayOnce(s, p, "human-commit", Map.of("head", next.branch()), Action.WAITING,
                        "#" + pr.number() + " has someone else's commits; Drover leaves the branch alone");
            }
            if (!s.branch().holdsStep()) {
                return new Rebuild(pr, next, s.branch().tip().orElseThrow(), p.completion().missingLabels());
            }
            // Completion comes before merging: a merged PR's labels and body are what auditors read.
            if (p.completion().needed()) {
                return new Complete(pr, next, p.completion(), s.branch().tip().orElseThrow());
            }
            if (p.readiness().isPresent()) {
                if (p.readiness().get().mergeable()) {
                    return new Merge(pr, next, s.policy().name());
                }
                return Hold.until(Action.WAITING, "auto-merge of #" + pr.number() + ": " + p.readiness().get().reason(),
                        s.now().plus(FORGE_RETRY));
            }
            return Hold.of(Action.WAITING, "for review and merge of #" + pr.number() + " " + pr.url());
        });
    }

    /** Drover merged the last step but did not live to say so on its PR: say it now. */
    static Optional<Decision> autoMergeNotYetSaid(RolloutState s) {
        return afterMerge(s).filter(m -> m.step().autoMerged() && m.pr().isPresent() && !m.said().has(AUTO_MERGED))
                .map(m -> new Say(m.pr().get(), AUTO_MERGED, Map.of("policy", s.policy().name(), "kind", m.step().kind().id()),
                        Optional.empty(), Action.UPDATED, "said on #" + m.pr().get().number() + " that Drover merged it", Optional.empty(),
                        Optional.empty(), Optional.empty()));
    }

    /** A gate failure said on the step's PR pauses until a human removes that comment. */
    static Optional<Decision> gateFailedEarlier(RolloutState s) {
        return afterMerge(s).filter(m -> m.said().has(GATE_FAILED) || m.said().has(GATE_TIMEOUT)).map(m ->
                rollbackOrPause(s, m, "gate of " + m.step().stepId() + " failed earlier (see #"
                        + m.pr().map(PullRequest::number).orElse(0) + "); paused until /drover retry there, or until that comment is deleted"));
    }

    static Optional<Decision> gateFailsNow(RolloutState s) {
        return afterMerge(s).filter(m -> m.gate() instanceof Gate.Result.Failed).map(m -> {
            Gate.Result.Failed failed = (Gate.Result.Failed) m.gate();
            return gateStops(s, m, GATE_FAILED, "gate of " + m.step().stepId() + " failed: " + failed.reason(), failed);
        });
    }

    /** Waiting for the gate, up to the policy's timeout counted from the merge. */
    static Optional<Decision> gateStillWaiting(RolloutState s) {
        return afterMerge(s).filter(m -> m.gate() instanceof Gate.Result.Waiting).map(m -> {
            Gate.Result.Waiting waiting = (Gate.Result.Waiting) m.gate();
            Duration timeout = s.policy().gateTimeoutOf(m.step().kind());
            Instant deadline = gateSince(s, m).plus(timeout);
            if (!s.now().isBefore(deadline)) {
                return gateStops(s, m, GATE_TIMEOUT, "gate of " + m.step().stepId() + " did not pass within "
                        + StepTexts.human(timeout) + " of the merge: " + waiting.reason(), waiting);
            }
            Instant again = s.now().plus(waiting.retryAfter());
            Instant until = again.isAfter(deadline) ? deadline : again;
            String detail = "gate of " + m.step().stepId() + ": " + waiting.reason();
            if (m.pr().isPresent() && !m.said().has(GATE_WAITING) && !m.said().has(GATE_PASSED)) {
                Map<String, Object> extra = new HashMap<>();
                extra.put("step", Map.of("id", m.step().stepId(), "kind", m.step().kind().id()));
                extra.put("reason", waiting.reason());
                extra.put("deadline", deadline.toString());
                extra.put("soak", StepTexts.human(s.policy().soakOf(m.step().kind())));
                extra.put("apps", Evidence.rows(waiting.evidence()));
                return new Say(m.pr().get(), GATE_WAITING, extra, Optional.empty(), Action.WAITING, detail, Optional.of(until),
                        Optional.of(gateStatus(m.step(), CommitStatus.State.PENDING, "waiting until " + deadline + ": "
                                + waiting.reason())), Optional.empty());
            }
            return Hold.until(Action.WAITING, detail, until);
        });
    }

    static Optional<Decision> mergedOtherThanProposed(RolloutState s) {
        return afterMerge(s).filter(m -> !m.differing().isEmpty() && m.pr().isPresent()).map(m -> sayOnce(s, m.pr().get(),
                m.said(), "merged-differs", Map.of("paths", String.join(", ", m.differing())), Optional.empty(), Action.PAUSED,
                "merged content of " + m.step().stepId() + " differs in " + m.differing(), Optional.empty()));
    }

    /** The gate passed: the soak runs from the moment it first passed, the gate re-checked on every pass meanwhile. */
    static Optional<Decision> soakAfterGate(RolloutState s) {
        return afterMerge(s).flatMap(m -> {
            Duration soak = s.policy().soakOf(m.step().kind());
            Optional<Instant> passedAt = m.said().gatePassedAt();
            if (passedAt.isEmpty() && m.pr().isPresent()) {
                Gate.Result.Passed passed = (Gate.Result.Passed) m.gate();
                return Optional.of(new RecordGatePassed(m.pr().get(), m.step(), s.now().plus(soak), passed.detail(),
                        Evidence.rows(passed.evidence())));
            }
            Instant soakedAt = passedAt.orElse(m.step().mergedAt()).plus(soak);
            if (s.now().isBefore(soakedAt)) {
                return Optional.of(Hold.until(Action.WAITING, "step " + m.step().stepId() + " soaks", soakedAt));
            }
            return Optional.empty();
        });
    }

    static Optional<Decision> outsideChangeWindow(RolloutState s) {
        Optional<TimeWindow> freeze = s.policy().freezeAt(s.now());
        if (freeze.isEmpty() && s.policy().inChangeWindow(s.now())) {
            return Optional.empty();
        }
        String reason = freeze.map(f -> "freeze window " + f.name() + " of policy " + s.policy().name())
                .orElse("outside the change windows of policy " + s.policy().name());
        Optional<Instant> until = s.policy().nextAllowed(s.now(), WINDOW_HORIZON);
        Instant comeBack = until.orElse(s.now().plus(Duration.ofHours(1)));
        String detail = reason + until.map(t -> ", next step not before " + t).orElse("");
        Optional<PullRequest> lastPr = s.last().flatMap(AfterMerge::pr);
        if (lastPr.isPresent()) {
            Map<String, Object> extra = new HashMap<>();
            extra.put("reason", reason);
            extra.put("until", until.map(Instant::toString).orElse(""));
            return Optional.of(sayOnce(s, lastPr.get(), s.last().get().said(), "waiting-window", extra, s.next(), Action.WAITING,
                    detail, Optional.of(comeBack)));
        }
        return Optional.of(Hold.until(Action.WAITING, detail, comeBack));
    }

    static Optional<Decision> proposeNext(RolloutState s) {
        Proposal next = s.next().orElseThrow();
        if (s.branch().exists() && !s.branch().holdsStep() && s.branch().foreignCommits()) {
            return Optional.of(Hold.of(Action.BLOCKED, "branch " + next.branch() + " exists with someone else's commits "
                    + "and no pull request; delete it or open a pull request from it"));
        }
        return Optional.of(new Propose(next));
    }

    /** The gate failed or timed out: say so with the evidence once, then roll back if the policy asks. */
    private static Decision gateStops(RolloutState s, AfterMerge m, String kind, String detail, Gate.Result result) {
        if (m.pr().isEmpty()) {
            return Hold.of(Action.PAUSED, detail + " (no pull request of the step to comment on)");
        }
        if (!m.said().has(kind)) {
            Map<String, Object> extra = new HashMap<>();
            extra.put("reason", detail);
            extra.put("apps", Evidence.rows(result.evidence()));
            extra.put("rollback", s.policy().automaticRollback());
            AuditEvent failed = AuditEvent.gateFailed(s.rollout(), stepRef(m.step()), s.now(), detail,
                    result.evidence().stream().map(e -> e.application()).toList());
            return new Say(m.pr().get(), kind, extra, Optional.empty(), Action.PAUSED, detail, Optional.empty(),
                    Optional.of(gateStatus(m.step(), CommitStatus.State.FAILURE, detail)),
                    Optional.of(new Decision.Noted(m.step().mergeCommit(), failed)));
        }
        return rollbackOrPause(s, m, detail);
    }

    private static Decision rollbackOrPause(RolloutState s, AfterMerge m, String detail) {
        if (s.policy().automaticRollback() && m.rollback().isPresent()) {
            var rollback = m.rollback().get();
            if (rollback.pr().isEmpty() && rollback.changedSince().isEmpty() && !rollback.changes().isEmpty()) {
                return new OpenRollback(m, rollback, detail);
            }
            if (!rollback.changedSince().isEmpty()) {
                return Hold.of(Action.PAUSED, detail + "; no rollback proposed: " + rollback.changedSince()
                        + " changed again since the merge");
            }
        }
        return Hold.of(Action.PAUSED, detail);
    }

    /** The gate's timeout counts from the merge, or from a later {@code /drover retry}. */
    private static Instant gateSince(RolloutState s, AfterMerge m) {
        Instant retried = s.chatOps().steering().retried().getOrDefault(m.step().stepId(), m.step().mergedAt());
        return retried.isAfter(m.step().mergedAt()) ? retried : m.step().mergedAt();
    }

    private static Optional<StepPullRequest> stepPr(RolloutState s, PullRequest.State state) {
        return s.stepPr().filter(p -> p.pr().state() == state);
    }

    /** The merged step's state, while the next step has no pull request of its own. */
    private static Optional<AfterMerge> afterMerge(RolloutState s) {
        boolean nextHasPr = s.stepPr().filter(p -> !(p.pr().state() == PullRequest.State.CLOSED && p.said().has(SUPERSEDED)))
                .isPresent();
        return nextHasPr ? Optional.empty() : s.last();
    }

    private static Decision sayOnce(RolloutState s, StepPullRequest p, String kind, Map<String, Object> extra, Action then,
            String detail) {
        return sayOnce(s, p.pr(), p.said(), kind, extra, s.next(), then, detail, Optional.empty());
    }

    private static Decision sayOnce(RolloutState s, PullRequest pr, RolloutState.Said said, String kind, Map<String, Object> extra,
            Optional<Proposal> about, Action then, String detail, Optional<Instant> until) {
        if (said.has(kind)) {
            return new Hold(then, detail, until);
        }
        return new Say(pr, kind, extra, about, then, detail, until, Optional.empty(), Optional.empty());
    }

    static AuditEvent.StepRef stepRef(MergedStep step) {
        return new AuditEvent.StepRef(step.stepId(), Optional.of(step.kind().id()), Optional.empty());
    }

    /** The commit status context of Drover's gate. */
    static final String GATE_CONTEXT = "drover/gate";

    private static StatusOnCommit gateStatus(MergedStep step, CommitStatus.State state, String description) {
        return new StatusOnCommit(step.mergeCommit(), new CommitStatus(state, GATE_CONTEXT, description));
    }
}
