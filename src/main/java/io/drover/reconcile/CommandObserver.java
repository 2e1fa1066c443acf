package io.drover.reconcile;

import io.drover.audit.AuditEvent;
import io.drover.chatops.Command;
import io.drover.chatops.CommandAccess;
import io.drover.chatops.CommandInbox;
import io.drover.chatops.ReceivedCommand;
import io.drover.chatops.Steering;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.PullRequest;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.model.Rollout;
import io.drover.planning.StepOutline;
import io.drover.policy.Policy;
import java.time.Instant;
import io.drover.reconcile.RolloutState.AfterMerge;
import io.drover.reconcile.RolloutState.Said;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Optional;

/**
 * Adds ChatOps to what a pass observed of a rollout: the decisions in the audit trail and the
 * oldest command not answered yet, read from the current step pull request and from the
 * {@link CommandThreads}. Reads only. One per pass: the notes are read once for every rollout.
 */
final class CommandObserver {

    private static final Pattern GATE_STOP = Pattern.compile("drover:(" + Decide.GATE_FAILED + "|" + Decide.GATE_TIMEOUT + ")\\b");

    private final FleetWorkspace workspace;
    private final Forge forge;
    private final ReconcileSettings settings;
    private final String head;
    private final CommandThreads threads;
    private final PassCache cache;
    private final PassCache.Snapshot base;
    private List<AuditEvent> trail;

    CommandObserver(FleetWorkspace workspace, Forge forge, ReconcileSettings settings, String head, CommandThreads threads,
            PassCache cache, PassCache.Snapshot base) {
        this.workspace = workspace;
        this.forge = forge;
        this.settings = settings;
        this.head = head;
        this.threads = threads;
        this.cache = cache;
        this.base = base;
    }

    /** What people decided for the rollout so far, from the audit trail. */
    Steering steering(String rollout) throws GitFailure {
        return Steering.of(rollout, trail());
    }

    /**
     * @param rollout the rollout as planned this pass (with the clusters skips left out)
     * @param remaining the steps of that plan, next first
     */
    RolloutState observe(RolloutState observed, Rollout rollout, List<StepOutline> remaining) throws GitFailure, ForgeException {
        Steering steering = steering(observed.rollout());
        RolloutState state = retried(observed, steering);
        Optional<PullRequest> pr = state.currentPr();
        List<Integer> numbers = new ArrayList<>();
        pr.ifPresent(p -> numbers.add(p.number()));
        threads.of(state.rollout()).stream().filter(n -> !numbers.contains(n)).forEach(numbers::add);
        // Drover's replies are known by their author: Drover, which opened the pull request.
        Optional<ReceivedCommand> command = pr.isEmpty() ? Optional.empty()
                : CommandInbox.oldest(forge, numbers, forge.login().orElse(pr.get().author()), access(state.policy()));
        Optional<Instant> headAt = Optional.empty();
        if (command.isPresent() && pr.get().isOpen()) {
            headAt = committedAt(pr.get().headSha());
        }
        Optional<RolloutState.SkipCheck> skip = Optional.empty();
        if (command.isPresent() && command.get().verdict().allowed() && command.get().command() instanceof Command.Skip k) {
            skip = Optional.of(skipCheck(state, rollout, remaining, k));
        }
        return state.withChatOps(new RolloutState.ChatOps(command, steering, headAt, unwind(state, steering), skip));
    }

    /** The plan without the step's clusters: it must still pass the capacity rule, and must no longer hold the step. */
    private RolloutState.SkipCheck skipCheck(RolloutState state, Rollout rollout, List<StepOutline> remaining, Command.Skip skip) {
        String id = skip.stepId().orElse(state.next().map(Proposal::stepId).orElse(""));
        Optional<StepOutline> step = remaining.stream().filter(s -> s.id().equals(id)).findFirst();
        if (step.isEmpty()) {
            return new RolloutState.SkipCheck(id, List.of(), Optional.empty(), Optional.of(id.isEmpty()
                    ? "the rollout has no step left to skip"
                    : "step `" + id + "` is not among the steps still planned (next: " + remaining.stream().limit(3).map(StepOutline::id)
                            .reduce((a, b) -> a + ", " + b).orElse("none") + ")"));
        }
        List<String> clusters = step.get().clusters();
        PassCache.Planned planned = cache.plan(base, rollout.leavingOut(clusters), state.policy());
        if (planned.refused().isPresent()) {
            return new RolloutState.SkipCheck(id, clusters, Optional.empty(), Optional.of("without " + String.join(", ", clusters)
                    + " the plan is refused: " + planned.refused().get().getMessage()));
        }
        List<StepOutline> without = planned.plan().orElseThrow().steps();
        if (without.stream().anyMatch(s -> s.id().equals(id))) {
            return new RolloutState.SkipCheck(id, clusters, Optional.empty(), Optional.of("planning without "
                    + String.join(", ", clusters) + " still gives step " + id + ", so it cannot be skipped that way"));
        }
        return new RolloutState.SkipCheck(id, clusters, Optional.of(without.stream().findFirst().map(StepOutline::id)
                .orElse("none: the rollout is complete without them")), Optional.empty());
    }

    /**
     * After a retry, the gate of the merged step starts over: what Drover said of it before the
     * retry (failed, timed out, waiting) no longer counts.
     */
    private RolloutState retried(RolloutState state, Steering steering) throws ForgeException {
        Optional<AfterMerge> last = state.last();
        if (last.isEmpty() || last.get().pr().isEmpty() || !steering.retried().containsKey(last.get().step().stepId())) {
            return state;
        }
        Instant retry = steering.retried().get(last.get().step().stepId());
        PullRequest pr = last.get().pr().get();
        boolean saidSince = forge.comments(pr.number()).stream().anyMatch(c -> c.author().equals(pr.author())
                && c.createdAt().isAfter(retry) && GATE_STOP.matcher(c.body()).find());
        if (saidSince) {
            return state;
        }
        Said said = last.get().said();
        Set<String> kinds = new HashSet<>(said.kinds());
        kinds.removeAll(Set.of(Decide.GATE_FAILED, Decide.GATE_TIMEOUT, Decide.GATE_WAITING));
        AfterMerge m = last.get();
        return new RolloutState(state.rollout(), state.rolloutPath(), state.targetVersion(), state.policy(), state.now(),
                state.refusal(), state.next(), state.openElsewhere(), state.stepPr(), state.branch(),
                Optional.of(new AfterMerge(m.step(), m.pr(), new Said(kinds, said.gatePassedAt(), said.rebuiltCommits()), m.gate(),
                        m.differing(), m.rollback())), state.chatOps());
    }

    /**
     * For an aborted rollout: its merged steps newest first, up to the first not reverted yet. A
     * step is reverted by its merged abort pull request, or when every file its merge changed is
     * as before the merge again (its automatic rollback, or someone's revert, was merged): a revert
     * of it would change nothing.
     */
    private Optional<RolloutState.Unwind> unwind(RolloutState state, Steering steering) throws GitFailure, ForgeException {
        if (!steering.isAborted()) {
            return Optional.empty();
        }
        List<String> reverted = new ArrayList<>();
        for (MergedStep step : MergedSteps.newestFirst(workspace, head, state.rollout())) {
            String branch = settings.abortBranchOf(state.rollout(), step.stepId());
            Optional<PullRequest> pr = forge.findByHead(branch);
            if (pr.isPresent() && pr.get().state() == PullRequest.State.MERGED) {
                reverted.add(step.stepId());
                continue;
            }
            Optional<RolloutState.Rollback> revert = step.before().isPresent()
                    ? Optional.of(Observe.revert(workspace, forge, head, step, branch)) : Optional.empty();
            if (revert.isPresent() && revert.get().pr().isEmpty() && isNoChange(revert.get())) {
                reverted.add(step.stepId());
                continue;
            }
            return Optional.of(new RolloutState.Unwind(reverted, Optional.of(step), revert));
        }
        return Optional.of(new RolloutState.Unwind(reverted, Optional.empty(), Optional.empty()));
    }

    /** Each file already holds what the revert would write. */
    private static boolean isNoChange(RolloutState.Rollback revert) {
        return revert.changes().stream().allMatch(c -> c.before().equals(c.after()));
    }

    static CommandAccess access(Policy policy) {
        Policy.ChatOpsAccess chatOps = policy.chatOps();
        return new CommandAccess(chatOps.steer(), chatOps.pause(), chatOps.steerTeams(), chatOps.pauseTeams());
    }

    private Optional<Instant> committedAt(String sha) {
        try {
            return workspace.mainline(sha, 1).stream().findFirst().map(FleetWorkspace.MainlineCommit::time);
        } catch (GitFailure | RuntimeException e) {
            // Not fetched (yet): the resume is then judged without it.
            return Optional.empty();
        }
    }

    /** Read once per pass, and from the notes only when they changed since an earlier pass. */
    private List<AuditEvent> trail() throws GitFailure {
        if (trail == null) {
            trail = cache.decisions(workspace);
        }
        return trail;
    }
}
