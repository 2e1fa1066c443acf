package io.drover.reconcile;

import io.drover.audit.AuditEvent;
import io.drover.chatops.Command;
import io.drover.chatops.CommandHelp;
import io.drover.chatops.ReceivedCommand;
import io.drover.chatops.Steering;
import io.drover.forge.PullRequest;
import io.drover.reconcile.Decision.Answer;
import io.drover.reconcile.Decision.Hold;
import io.drover.reconcile.Outcome.Action;
import io.drover.reconcile.RolloutState.AfterMerge;
import io.drover.reconcile.RolloutState.StepPullRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reconciler's rules for ChatOps, pure like the rest of {@link Decide}: answer the oldest
 * command not answered yet (one per pass), and hold a paused rollout. A refused command is
 * answered with a reaction and a reply and nothing else.
 */
final class CommandRules {

    static final String ACCEPTED = "+1";
    static final String REFUSED = "-1";
    static final String PUZZLED = "confused";

    private CommandRules() {
    }

    /** The oldest unanswered command, answered. */
    static Optional<Decision> answer(RolloutState s) {
        return s.chatOps().command().map(c -> answer(s, c));
    }

    /** A paused rollout holds, whatever else would happen. */
    static Optional<Decision> paused(RolloutState s) {
        return s.chatOps().steering().paused().map(p -> Hold.of(Action.PAUSED, "paused by " + Steering.who(p)
                + p.comment().map(url -> " in " + url).orElse("") + "; /drover resume goes on"));
    }

    /** An aborted rollout proposes the reverts of its merged steps, newest first, one at a time, and nothing else. */
    static Optional<Decision> aborted(RolloutState s) {
        Optional<AuditEvent> aborted = s.chatOps().steering().aborted();
        if (aborted.isEmpty()) {
            return Optional.empty();
        }
        String why = "rollout aborted by " + Steering.who(aborted.get());
        RolloutState.Unwind unwind = s.chatOps().unwind().orElse(new RolloutState.Unwind(List.of(), Optional.empty(), Optional.empty()));
        if (unwind.step().isEmpty()) {
            return Optional.of(Hold.of(Action.DONE, why + "; " + (unwind.reverted().isEmpty() ? "no step was merged"
                    : "every merged step is reverted (" + String.join(", ", unwind.reverted()) + ")")));
        }
        MergedStep step = unwind.step().get();
        if (unwind.revert().isEmpty()) {
            return Optional.of(Hold.of(Action.BLOCKED, why + "; step " + step.stepId() + " has no commit before its merge to revert to"));
        }
        RolloutState.Rollback revert = unwind.revert().get();
        if (revert.pr().isPresent()) {
            PullRequest pr = revert.pr().get();
            return Optional.of(pr.isOpen() ? Hold.of(Action.WAITING, why + "; for review and merge of #" + pr.number()
                    + ", which reverts " + step.stepId() + " " + pr.url())
                    : Hold.of(Action.PAUSED, why + "; #" + pr.number() + ", which reverts " + step.stepId()
                            + ", was closed without merge: reopen it to go on"));
        }
        if (!revert.changedSince().isEmpty()) {
            return Optional.of(Hold.of(Action.BLOCKED, why + "; no revert of " + step.stepId() + " proposed: "
                    + revert.changedSince() + " changed again since its merge"));
        }
        return Optional.of(new Decision.OpenRevert(step, revert, why));
    }

    private static Decision answer(RolloutState s, ReceivedCommand c) {
        if (!c.verdict().allowed()) {
            return reply(c, REFUSED, c.verdict().refusal().orElseThrow() + ". Nothing was done.");
        }
        Command command = c.command();
        Steering steering = s.chatOps().steering();
        // Recorded but not replied to (Drover stopped in between): done again, without its checks, which now see its effect.
        Optional<AuditEvent> done = Optional.ofNullable(steering.recorded().get(c.comment().url()));
        if (done.isPresent()) {
            return redo(s, c, done.get());
        }
        if (command instanceof Command.Help) {
            return reply(c, ACCEPTED, CommandHelp.markdown());
        } else if (command instanceof Command.Status) {
            return reply(c, ACCEPTED, status(s));
        } else if (command instanceof Command.Unknown u) {
            return reply(c, PUZZLED, (u.verb().isEmpty() ? "`/drover` needs a command." : "`/drover " + u.verb()
                    + "` is not a command Drover knows.") + u.didYouMean().map(v -> " Did you mean `/drover " + v + "`?").orElse("")
                    + "\n\n" + CommandHelp.markdown());
        } else if (command instanceof Command.Malformed m) {
            return reply(c, PUZZLED, m.problem() + "; write `" + m.usage() + "`. Nothing was done.");
        } else if (steering.aborted().isPresent()) {
            return reply(c, REFUSED, "rollout " + s.rollout() + " was aborted by " + Steering.who(steering.aborted().get())
                    + "; it takes no more commands. Nothing was done.");
        } else if (command instanceof Command.Pause p) {
            return pause(s, c, p);
        } else if (command instanceof Command.Resume) {
            return resume(s, c);
        } else if (command instanceof Command.Retry) {
            return retry(s, c);
        } else if (command instanceof Command.Abort a) {
            return abort(s, c, a);
        } else if (command instanceof Command.Skip k) {
            return SkipRule.answer(s, c, k);
        }
        throw new IllegalStateException("no answer for " + command);
    }

    private static Decision redo(RolloutState s, ReceivedCommand c, AuditEvent done) {
        Command command = c.command();
        if (command instanceof Command.Pause p) {
            return paused(s, c, p);
        } else if (command instanceof Command.Resume) {
            return resumed(s, c);
        } else if (command instanceof Command.Abort a) {
            return abort(s, c, a);
        } else if (command instanceof Command.Retry && s.stepPr().filter(p -> p.pr().isOpen()).isPresent()) {
            return retry(s, c);
        } else if (command instanceof Command.Retry) {
            return accept(s, c, done.event(), done.step().map(AuditEvent.StepRef::id), Optional.empty(), List.of(),
                    "the gate of step " + done.step().map(AuditEvent.StepRef::id).orElse("?") + " is checked again.");
        }
        return accept(s, c, done.event(), done.step().map(AuditEvent.StepRef::id), done.reason(), List.of(),
                done.event() + (done.step().map(st -> " step `" + st.id() + "`").orElse("")) + " (" + String.join(", ", done.clusters())
                        + " left out of the rest of rollout " + s.rollout() + ").", done.clusters());
    }

    private static Decision pause(RolloutState s, ReceivedCommand c, Command.Pause p) {
        Optional<AuditEvent> already = s.chatOps().steering().paused();
        if (already.isPresent()) {
            return reply(c, ACCEPTED, "rollout " + s.rollout() + " is already paused (by " + Steering.who(already.get())
                    + "). Nothing else was done.");
        }
        return paused(s, c, p);
    }

    private static Decision paused(RolloutState s, ReceivedCommand c, Command.Pause p) {
        List<CommandEffect> effects = s.currentPr().map(pr -> List.<CommandEffect>of(new CommandEffect.PausedLabel(pr.number(), true)))
                .orElse(List.of());
        return accept(s, c, AuditEvent.PAUSED, Optional.empty(), p.reason(), effects,
                "paused rollout " + s.rollout() + ": no merge, rebuild or new pull request until `/drover resume`."
                        + p.reason().map(r -> " Reason: " + r).orElse(""));
    }

    private static Decision resume(RolloutState s, ReceivedCommand c) {
        if (!s.chatOps().steering().isPaused()) {
            return reply(c, ACCEPTED, "rollout " + s.rollout() + " is not paused. Nothing was done.");
        }
        Optional<PullRequest> open = s.stepPr().map(StepPullRequest::pr).filter(PullRequest::isOpen);
        if (open.isPresent() && s.chatOps().headCommittedAt().filter(t -> t.isAfter(c.comment().createdAt())).isPresent()) {
            return reply(c, REFUSED, "the head of #" + open.get().number() + " (" + open.get().headSha().substring(0, 12)
                    + ") was committed at " + s.chatOps().headCommittedAt().get() + ", after your comment of "
                    + c.comment().createdAt() + ": a resume given on an older head does not resume a newer one. Look at the "
                    + "new head, then resume again. The rollout stays paused.");
        }
        return resumed(s, c);
    }

    private static Decision resumed(RolloutState s, ReceivedCommand c) {
        Optional<PullRequest> open = s.stepPr().map(StepPullRequest::pr).filter(PullRequest::isOpen);
        List<CommandEffect> effects = s.currentPr().map(pr -> List.<CommandEffect>of(new CommandEffect.PausedLabel(pr.number(), false)))
                .orElse(List.of());
        return accept(s, c, AuditEvent.RESUMED, Optional.empty(), Optional.empty(), effects,
                "resumed rollout " + s.rollout() + open.map(pr -> " at head " + pr.headSha().substring(0, 12) + " of #" + pr.number())
                        .orElse("") + ".");
    }

    /** Rebuild the open step's branch, or check a stopped gate again. */
    private static Decision retry(RolloutState s, ReceivedCommand c) {
        Optional<StepPullRequest> open = s.stepPr().filter(p -> p.pr().isOpen());
        if (open.isPresent()) {
            PullRequest pr = open.get().pr();
            if (!s.branch().exists() || s.branch().foreignCommits()) {
                return reply(c, REFUSED, "branch " + pr.head() + " of #" + pr.number() + (s.branch().exists()
                        ? " has someone else's commits, which Drover does not rewrite" : " is gone") + ". Nothing was done.");
            }
            Proposal next = s.next().orElseThrow();
            return accept(s, c, AuditEvent.RETRIED, Optional.of(next.stepId()), Optional.empty(),
                    List.of(new CommandEffect.RebuildBranch(new Decision.Rebuild(pr, next, s.branch().tip().orElseThrow(),
                            open.get().completion().missingLabels()))),
                    "rebuilt the branch of #" + pr.number() + " on the base branch; its checks run again.");
        }
        Optional<AfterMerge> stopped = s.last().filter(m -> m.said().has(Decide.GATE_FAILED) || m.said().has(Decide.GATE_TIMEOUT));
        if (stopped.isPresent()) {
            String step = stopped.get().step().stepId();
            return accept(s, c, AuditEvent.RETRIED, Optional.of(step), Optional.empty(), List.of(),
                    "the gate of step " + step + " is checked again from the next pass on; its timeout counts from your "
                            + "comment (" + c.comment().createdAt() + ").");
        }
        return reply(c, ACCEPTED, "nothing to retry: no open step pull request and no failed gate. Nothing was done.");
    }

    private static Decision abort(RolloutState s, ReceivedCommand c, Command.Abort a) {
        List<CommandEffect> effects = new ArrayList<>();
        String why = "rollout " + s.rollout() + " was aborted by " + c.mention() + a.reason().map(r -> " (" + r + ")").orElse("");
        s.stepPr().map(StepPullRequest::pr).filter(PullRequest::isOpen).ifPresent(pr -> effects.add(new CommandEffect.CloseAborted(pr, why)));
        s.openElsewhere().forEach(pr -> effects.add(new CommandEffect.CloseAborted(pr, why)));
        return accept(s, c, AuditEvent.ABORTED, Optional.empty(), a.reason(), effects,
                "aborted rollout " + s.rollout() + (effects.isEmpty() ? "" : ", closed its open step pull request")
                        + ". Drover now proposes the pull requests that revert its merged steps, newest first, one at a time.");
    }

    static Answer accept(RolloutState s, ReceivedCommand c, String event, Optional<String> step, Optional<String> reason,
            List<CommandEffect> effects, String text) {
        return accept(s, c, event, step, reason, effects, text, List.of());
    }

    static Answer accept(RolloutState s, ReceivedCommand c, String event, Optional<String> step, Optional<String> reason,
            List<CommandEffect> effects, String text, List<String> clusters) {
        // A decision already in the trail (an answer cut short by a crash) is not recorded twice.
        Optional<AuditEvent> record = s.chatOps().steering().recorded().containsKey(c.comment().url()) ? Optional.empty()
                : Optional.of(AuditEvent.decision(event, s.rollout(), step, new AuditEvent.Actor(c.commenter().login(),
                        Optional.of(c.commenter().id())), c.comment().createdAt(), reason, c.comment().url(), clusters));
        return new Answer(c, ACCEPTED, c.mention() + " " + text + ignored(c), record, effects,
                "/drover " + c.command().verb() + " by " + c.mention() + " on #" + c.thread() + ": " + text);
    }

    static Answer reply(ReceivedCommand c, String reaction, String text) {
        return new Answer(c, reaction, c.mention() + " " + text + ignored(c), Optional.empty(), List.of(),
                "/drover " + (c.command().verb().isEmpty() ? "" : c.command().verb()) + " by " + c.mention() + " on #" + c.thread()
                        + " answered" + (reaction.equals(REFUSED) ? " (refused)" : ""));
    }

    private static String ignored(ReceivedCommand c) {
        return c.ignoredAfter() == 0 ? "" : "\n\nOnly the first command of a comment acts; the " + c.ignoredAfter()
                + " after it " + (c.ignoredAfter() == 1 ? "was" : "were") + " not done.";
    }

    /** Where the rollout stands: what the pass would decide without the command. */
    private static String status(RolloutState s) {
        Decision next = Decide.decide(s.withChatOps(s.chatOps().withoutCommand()));
        StringBuilder text = new StringBuilder("rollout `" + s.rollout() + "` (to " + s.targetVersion() + ", policy "
                + s.policy().name() + "): ");
        if (next instanceof Hold h) {
            text.append(h.state().name().toLowerCase(java.util.Locale.ROOT)).append(", ").append(h.detail())
                    .append(h.until().map(t -> " (until " + t + ")").orElse(""));
        } else {
            text.append("next, Drover will ").append(Act.describe(next));
        }
        s.next().ifPresent(p -> text.append("\n\nNext step: ").append(p.numbered()));
        if (!s.chatOps().steering().skipped().isEmpty()) {
            text.append("\n\nSkipped: ").append(String.join(", ", new java.util.TreeSet<>(s.chatOps().steering().skipped())));
        }
        return text.toString();
    }
}
