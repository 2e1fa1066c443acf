package io.drover.reconcile;

import io.drover.audit.AuditEvent;
import io.drover.forge.CommitStatus;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.NewPullRequest;
import io.drover.forge.PullRequest;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.leader.Leadership;
import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.reconcile.Decision.CloseSuperseded;
import io.drover.reconcile.Decision.Complete;
import io.drover.reconcile.Decision.Hold;
import io.drover.reconcile.Decision.Merge;
import io.drover.reconcile.Decision.OpenRollback;
import io.drover.reconcile.Decision.Propose;
import io.drover.reconcile.Decision.Rebuild;
import io.drover.reconcile.Decision.RecordGatePassed;
import io.drover.reconcile.Decision.Say;
import io.drover.reconcile.Decision.WriteDashboard;
import io.drover.reconcile.Outcome.Action;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one gateway through which the reconciler writes: pushes, pull requests, comments, merges,
 * closes. A dry run stops here and says what it would have done; so does an instance that is not
 * (or no longer) the leader of its replicas.
 */
final class Act {

    private final FleetWorkspace workspace;
    private final Forge forge;
    private final FleetFiles files;
    private final ReconcileSettings settings;
    private final Clock clock;
    private final String head;
    private final Leadership leadership;

    Act(FleetWorkspace workspace, Forge forge, FleetFiles files, ReconcileSettings settings, Clock clock, String head,
            Leadership leadership) {
        this.workspace = workspace;
        this.forge = forge;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
        this.head = head;
        this.leadership = leadership;
    }

    Outcome apply(RolloutState state, Decision decision) throws GitFailure, ForgeException {
        String rollout = state.rollout();
        if (decision instanceof Hold hold) {
            return new Outcome(rollout, hold.state(), hold.detail(), hold.until());
        }
        if (settings.dryRun()) {
            return Outcome.of(rollout, Action.WAITING, "dry run, not done: " + describe(decision));
        }
        // Leadership can end mid-pass; from then on the new leader alone writes.
        if (!leadership.isLeader()) {
            return Outcome.of(rollout, Action.WAITING, "not the leader (any more), not done: " + describe(decision));
        }
        if (decision instanceof Propose p) {
            return propose(rollout, p);
        } else if (decision instanceof Rebuild r) {
            return rebuild(rollout, r);
        } else if (decision instanceof Complete c) {
            return complete(rollout, c);
        } else if (decision instanceof Merge m) {
            return merge(rollout, m);
        } else if (decision instanceof CloseSuperseded c) {
            return closeSuperseded(rollout, c);
        } else if (decision instanceof Say s) {
            return say(state, s);
        } else if (decision instanceof RecordGatePassed g) {
            return recordGatePassed(state, g);
        } else if (decision instanceof OpenRollback r) {
            return openRollback(state, r);
        } else if (decision instanceof Decision.Answer a) {
            return answer(state, a);
        } else if (decision instanceof Decision.OpenRevert r) {
            return openRevert(state, r);
        } else if (decision instanceof WriteDashboard d) {
            return writeDashboard(d);
        }
        throw new IllegalStateException("no way to act on " + decision);
    }

    private Outcome propose(String rollout, Propose p) throws GitFailure, ForgeException {
        Proposal next = p.next();
        Optional<String> existing = workspace.branchTip(next.branch());
        String commit;
        if (existing.isPresent() && holds(existing.get(), next.step().changes())) {
            // A crash after the push lands here again and finds the branch ready: only the PR is missing.
            commit = existing.get();
        } else {
            commit = workspace.commit(head, next.step().changes(), next.texts().commitMessage(), settings.bot(), clock.instant());
            workspace.push(next.branch(), commit, existing);
        }
        // GitHub opens and labels in two requests; a pass that dies between them is completed by the next.
        PullRequest opened = forge.open(new NewPullRequest(next.branch(), settings.baseBranch(), next.texts().title(),
                next.texts().body(commit), next.labels()));
        return Outcome.of(rollout, Action.OPENED, next.numbered() + " as #" + opened.number());
    }

    /** Rebuilds the branch on the base, then says so and rewrites the body; what a crash leaves undone, Complete finishes. */
    private Outcome rebuild(String rollout, Rebuild r) throws GitFailure, ForgeException {
        Proposal next = r.next();
        String rebuilt = workspace.commit(head, next.step().changes(), next.texts().commitMessage(), settings.bot(), clock.instant());
        workspace.push(next.branch(), rebuilt, Optional.of(r.expectedTip()));
        completePullRequest(rollout, r.pr(), next, new RolloutState.Completion(r.missingLabels(), true, true), rebuilt);
        return Outcome.of(rollout, Action.REBUILT, "#" + r.pr().number() + " on " + head.substring(0, 12));
    }

    private Outcome complete(String rollout, Complete c) throws ForgeException {
        List<String> done = completePullRequest(rollout, c.pr(), c.next(), c.completion(), c.tip());
        return Outcome.of(rollout, Action.UPDATED, "#" + c.pr().number() + ": " + String.join(", ", done));
    }

    /** Labels, then the owed "rebuilt" comment, then title and body: until the body names the commit, a comment may be owed. */
    private List<String> completePullRequest(String rollout, PullRequest pr, Proposal next, RolloutState.Completion completion,
            String tip) throws ForgeException {
        List<String> done = new ArrayList<>();
        if (!completion.missingLabels().isEmpty()) {
            forge.addLabels(pr.number(), completion.missingLabels());
            done.add("labels " + String.join(", ", completion.missingLabels()));
        }
        if (completion.rebuiltCommentOwed()) {
            List<String> paths = next.step().changes().stream().map(FileChange::path).toList();
            comment(rollout, pr.number(), Decide.REBUILT, "drover:" + Decide.REBUILT + " " + tip, Optional.of(next),
                    Map.of("paths", String.join(", ", paths), "baseSha", head.substring(0, 12)));
            done.add("said it rebuilt the branch");
        }
        if (completion.textsOutdated()) {
            forge.edit(pr.number(), next.texts().title(), next.texts().body(tip));
            done.add("title and body");
        }
        return done;
    }

    private Outcome merge(String rollout, Merge m) throws ForgeException {
        PullRequest pr = m.pr();
        // The trailer tells a later pass that Drover merged, should this one not live to say so.
        String message = m.next().texts().title() + "\n\n" + Trailers.autoMergedBy(m.policy());
        if (forge.merge(pr.number(), pr.headSha(), message)) {
            comment(rollout, pr.number(), Decide.AUTO_MERGED, marker(Decide.AUTO_MERGED, rollout), Optional.of(m.next()),
                    Map.of("policy", m.policy(), "kind", m.next().step().kind().id()));
            return Outcome.of(rollout, Action.MERGED, "#" + pr.number() + " (auto-merge allowed for " + m.next().step().kind() + ")");
        }
        return Outcome.waitUntil(rollout, "GitHub refused to merge #" + pr.number(), clock.instant().plus(Decide.FORGE_RETRY));
    }

    /** The comment comes first: it is what tells a PR Drover closed from one a human closed to pause. */
    private Outcome closeSuperseded(String rollout, CloseSuperseded c) throws ForgeException {
        String marker = "drover:" + Decide.SUPERSEDED;
        if (!forge.hasComment(c.pr().number(), marker)) {
            comment(rollout, c.pr().number(), Decide.SUPERSEDED, marker, Optional.empty(), Map.of("nextStep", c.nextStep()));
        }
        forge.close(c.pr().number());
        return Outcome.of(rollout, Action.CLOSED_SUPERSEDED, "#" + c.pr().number() + " (" + c.pr().head() + "); next is " + c.nextStep());
    }

    private Outcome say(RolloutState state, Say s) throws GitFailure, ForgeException {
        if (s.note().isPresent()) {
            Decision.Noted noted = s.note().get();
            // A step whose gate failed was merged all the same: the trail says by whom, as for a passed one.
            var step = state.last().filter(m -> AuditEvent.GATE_FAILED.equals(noted.event().event())
                    && m.step().mergeCommit().equals(noted.commit()) && m.pr().isPresent());
            if (step.isPresent()) {
                noteStepMerged(state, step.get().step(), step.get().pr().get());
            }
            note(noted.commit(), noted.event());
        }
        if (s.status().isPresent()) {
            forge.status(s.status().get().sha(), s.status().get().status());
        }
        comment(state.rollout(), s.pr().number(), s.kind(), marker(s.kind(), state.rollout()), s.about(), s.extra());
        return new Outcome(state.rollout(), s.then(), s.detail() + " (commented on #" + s.pr().number() + ")", s.until());
    }

    /**
     * The audit trail first (the step's merge and its gate, as notes on the merge commit), then the
     * status, then the comment whose marker makes it done: a crash in between redoes the lot.
     */
    private Outcome recordGatePassed(RolloutState state, RecordGatePassed g) throws GitFailure, ForgeException {
        // The instant the pass saw the gate pass, the one the soak was counted from: with the act's
        // own clock a zero soak would read as ending before the gate passed.
        var now = state.now();
        MergedStep step = g.step();
        noteStepMerged(state, step, g.pr());
        note(step.mergeCommit(), AuditEvent.gatePassed(state.rollout(), Decide.stepRef(step), now, g.soakUntil(),
                g.apps().stream().map(a -> a.get("application")).toList()));
        forge.status(g.step().mergeCommit(), new CommitStatus(CommitStatus.State.SUCCESS, Decide.GATE_CONTEXT,
                "passed " + now + " (" + g.apps().size() + " apps); soaks until " + g.soakUntil()));
        comment(state.rollout(), g.pr().number(), Decide.GATE_PASSED, marker(Decide.GATE_PASSED, state.rollout()) + " at=" + now,
                Optional.empty(), Map.of(
                        "step", Map.of("id", g.step().stepId(), "kind", g.step().kind().id()),
                        "detail", g.detail(),
                        "apps", g.apps(),
                        "soakUntil", g.soakUntil().toString()));
        return Outcome.waitUntil(state.rollout(), "gate of " + g.step().stepId() + " passed; soaks until " + g.soakUntil(),
                g.soakUntil());
    }

    /**
     * The step's merge as a note on its commit. Who merged is asked of the forge here (one
     * request; a list of pull requests does not say), so that the same merge always writes the
     * same line and a redo after a crash adds none.
     */
    private void noteStepMerged(RolloutState state, MergedStep step, PullRequest pr) throws GitFailure, ForgeException {
        note(step.mergeCommit(), AuditEvent.stepMerged(state.rollout(), Decide.stepRef(step),
                new AuditEvent.PullRequestRef(pr.number(), Optional.of(pr.url())), forge.mergedBy(pr.number()), step.mergedAt(),
                step.mergeCommit(), Optional.empty()));
    }

    /** Labels go with the create request, so an issue Drover opened is always found again by the next pass. */
    private Outcome writeDashboard(WriteDashboard d) throws ForgeException {
        if (d.issue().isPresent()) {
            forge.updateIssueBody(d.issue().get(), d.body());
            return Outcome.of(d.rollout(), Action.UPDATED, "dashboard #" + d.issue().get());
        }
        var opened = forge.createIssue(DashboardText.title(d.rollout()), d.body(),
                List.of(settings.label(), DashboardIssues.label(settings.label())));
        return Outcome.of(d.rollout(), Action.OPENED, "dashboard #" + opened.number());
    }

    private Outcome openRollback(RolloutState state, OpenRollback r) throws GitFailure, ForgeException {
        MergedStep step = r.last().step();
        PullRequest opened = openRevertOf(state, step, r.rollback(), r.reason(), r.last().pr().map(PullRequest::number).orElse(0));
        note(step.mergeCommit(), AuditEvent.rollbackOpened(state.rollout(), Decide.stepRef(step),
                new AuditEvent.PullRequestRef(opened.number(), Optional.of(opened.url())), clock.instant(), r.reason()));
        return Outcome.of(state.rollout(), Action.OPENED, "rollback of " + step.stepId() + " as #" + opened.number()
                + "; the rollout stays paused");
    }

    /** One pull request of an aborted rollout's way back; the abort itself is in the trail already. */
    private Outcome openRevert(RolloutState state, Decision.OpenRevert r) throws GitFailure, ForgeException {
        PullRequest opened = openRevertOf(state, r.step(), r.revert(), r.reason(), 0);
        return Outcome.of(state.rollout(), Action.OPENED, "revert of " + r.step().stepId() + " as #" + opened.number()
                + " (rollout aborted)");
    }

    /** Pushes the branch that restores what the step's merge changed, unless it holds that already, and opens its pull request. */
    private PullRequest openRevertOf(RolloutState state, MergedStep step, RolloutState.Rollback rollback, String reason,
            int stepPr) throws GitFailure, ForgeException {
        Map<String, Object> data = new HashMap<>();
        data.put("rollout", state.rollout());
        data.put("step", Map.of("id", step.stepId(), "kind", step.kind().id()));
        data.put("mergeCommit", step.mergeCommit());
        data.put("reason", reason);
        data.put("stepPr", stepPr);
        data.put("files", rollback.changes().stream().map(c -> Map.of("action", c.action(), "path", c.path())).toList());
        data.put("branch", settings.baseBranch());
        Optional<String> existing = workspace.branchTip(rollback.branch());
        if (existing.isEmpty() || !holds(existing.get(), rollback.changes())) {
            String commit = workspace.commit(head, rollback.changes(), Texts.render(files, "commit/rollback.txt.qute", data),
                    settings.bot(), clock.instant());
            workspace.push(rollback.branch(), commit, existing);
        }
        return forge.open(new NewPullRequest(rollback.branch(), settings.baseBranch(),
                Texts.render(files, "pr/rollback-title.txt.qute", data).strip(), Texts.render(files, "pr/rollback-body.md.qute", data),
                List.of(settings.label(), settings.label() + "/rollback")));
    }

    /**
     * The reaction first (seen at once), then the decision into the trail, then its effects, then
     * the reply: its marker makes the command answered, so a crash before it answers it again (the
     * reaction and the effects are idempotent, the record is not repeated).
     */
    private Outcome answer(RolloutState state, Decision.Answer a) throws GitFailure, ForgeException {
        String rollout = state.rollout();
        forge.react(a.command().comment().id(), a.reaction());
        if (a.record().isPresent()) {
            note(head, a.record().get());
        }
        for (CommandEffect effect : a.effects()) {
            if (effect instanceof CommandEffect.PausedLabel l) {
                if (l.on()) {
                    forge.addLabels(l.number(), List.of(pausedLabel()));
                } else {
                    forge.removeLabel(l.number(), pausedLabel());
                }
            } else if (effect instanceof CommandEffect.RebuildBranch r) {
                rebuild(rollout, r.rebuild());
            } else if (effect instanceof CommandEffect.CloseAborted c) {
                String marker = "drover:" + Decide.SUPERSEDED + " aborted";
                if (!forge.hasComment(c.pr().number(), marker)) {
                    forge.comment(c.pr().number(), Texts.withMarker(c.why() + ": Drover closes this pull request.", marker));
                }
                forge.close(c.pr().number());
            }
        }
        forge.comment(a.command().thread(), Texts.withMarker(a.reply(),
                io.drover.chatops.CommandInbox.answeredMarker(a.command().comment().id()) + " rollout=" + rollout));
        return Outcome.of(rollout, Action.UPDATED, a.detail());
    }

    /** The label on a paused rollout's step pull request: Drover's label, then {@code /paused}. */
    private String pausedLabel() {
        return settings.label() + "/paused";
    }

    /**
     * Appends an event to the audit trail in refs/notes/drover (the same line twice is one line) and
     * pushes it. A push origin refuses now is not this rollout's failure: the line stays in the
     * clone, and every pass pushes what is still unpushed ({@link Reconciler#pass}).
     */
    private void note(String commit, AuditEvent event) throws GitFailure {
        workspace.appendNote(commit, event.toJsonLine(), settings.bot(), clock.instant());
        try {
            workspace.pushNotes();
        } catch (GitFailure e) {
            // Pushed by the next pass; Reconciler reports it if it keeps failing.
        }
    }

    /** The hidden marker that makes a comment said: its kind and rollout. */
    private static String marker(String kind, String rollout) {
        return "drover:" + kind + " rollout=" + rollout;
    }

    /** Comments with the marker added by the code, so that a fleet's own template cannot lose it. */
    private void comment(String rollout, int number, String kind, String marker, Optional<Proposal> about,
            Map<String, Object> extra) throws ForgeException {
        Map<String, Object> data = new HashMap<>(about.map(p -> p.texts().data()).orElse(Map.of()));
        data.putAll(extra);
        data.put("rollout", rollout);
        data.put("branch", settings.baseBranch());
        forge.comment(number, Texts.withMarker(Texts.render(files, "comments/" + kind + ".md.qute", data), marker));
    }

    private boolean holds(String tip, List<FileChange> changes) throws GitFailure {
        return workspace.differingPaths(tip, changes).isEmpty();
    }

    static String describe(Decision decision) {
        if (decision instanceof Propose p) {
            return "open " + p.next().numbered() + " from " + p.next().branch();
        } else if (decision instanceof Rebuild r) {
            return "rebuild #" + r.pr().number();
        } else if (decision instanceof Complete c) {
            return "complete #" + c.pr().number() + " (" + c.completion() + ")";
        } else if (decision instanceof Merge m) {
            return "merge #" + m.pr().number();
        } else if (decision instanceof CloseSuperseded c) {
            return "close #" + c.pr().number() + " (next is " + c.nextStep() + ")";
        } else if (decision instanceof Say s) {
            return "comment " + s.kind() + " on #" + s.pr().number() + ": " + s.detail();
        } else if (decision instanceof RecordGatePassed g) {
            return "record that the gate of " + g.step().stepId() + " passed";
        } else if (decision instanceof OpenRollback r) {
            return "open the rollback of " + r.last().step().stepId();
        } else if (decision instanceof Decision.Answer a) {
            return "answer " + a.detail();
        } else if (decision instanceof Decision.OpenRevert r) {
            return "open the pull request reverting " + r.step().stepId() + " (rollout aborted)";
        } else if (decision instanceof WriteDashboard d) {
            return d.issue().map(n -> "rewrite the dashboard #" + n).orElse("open the dashboard issue");
        }
        return decision.toString();
    }
}
