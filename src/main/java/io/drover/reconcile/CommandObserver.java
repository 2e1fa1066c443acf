package io.drover.reconcile;

import io.drover.audit.AuditEvent;
import io.drover.chatops.CommandAccess;
import io.drover.chatops.CommandInbox;
import io.drover.chatops.ReceivedCommand;
import io.drover.chatops.Steering;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.PullRequest;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
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
    private List<AuditEvent> trail;

    CommandObserver(FleetWorkspace workspace, Forge forge, ReconcileSettings settings, String head, CommandThreads threads) {
        this.workspace = workspace;
        this.forge = forge;
        this.settings = settings;
        this.head = head;
        this.threads = threads;
    }

    RolloutState observe(RolloutState observed) throws GitFailure, ForgeException {
        Steering steering = Steering.of(observed.rollout(), trail());
        RolloutState state = retried(observed, steering);
        Optional<PullRequest> pr = state.currentPr();
        List<Integer> numbers = new ArrayList<>();
        pr.ifPresent(p -> numbers.add(p.number()));
        threads.of(state.rollout()).stream().filter(n -> !numbers.contains(n)).forEach(numbers::add);
        // Drover's replies are known by their author: Drover opened the pull request.
        Optional<ReceivedCommand> command = pr.isEmpty() ? Optional.empty()
                : CommandInbox.oldest(forge, numbers, pr.get().author(), access(state.policy()));
        Optional<Instant> headAt = Optional.empty();
        if (command.isPresent() && pr.get().isOpen()) {
            headAt = committedAt(pr.get().headSha());
        }
        return state.withChatOps(new RolloutState.ChatOps(command, steering, headAt, unwind(state, steering)));
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

    /** For an aborted rollout: its merged steps newest first, up to the first whose revert is not merged yet. */
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
            return Optional.of(new RolloutState.Unwind(reverted, Optional.of(step), revert));
        }
        return Optional.of(new RolloutState.Unwind(reverted, Optional.empty(), Optional.empty()));
    }

    static CommandAccess access(Policy policy) {
        return new CommandAccess(policy.chatOps().steer(), policy.chatOps().pause());
    }

    private Optional<Instant> committedAt(String sha) {
        try {
            return workspace.mainline(sha, 1).stream().findFirst().map(FleetWorkspace.MainlineCommit::time);
        } catch (GitFailure | RuntimeException e) {
            // Not fetched (yet): the resume is then judged without it.
            return Optional.empty();
        }
    }

    private List<AuditEvent> trail() throws GitFailure {
        if (trail == null) {
            List<AuditEvent> events = new ArrayList<>();
            for (List<String> lines : workspace.notes().values()) {
                lines.stream().map(AuditEvent::parse).flatMap(Optional::stream).filter(AuditEvent::isDecision).forEach(events::add);
            }
            trail = List.copyOf(events);
        }
        return trail;
    }
}
