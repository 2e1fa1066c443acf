package io.drover.reconcile;

import io.drover.forge.CommitStatus;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.NewPullRequest;
import io.drover.forge.PullRequest;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.reconcile.Decision.CloseSuperseded;
import io.drover.reconcile.Decision.Hold;
import io.drover.reconcile.Decision.Merge;
import io.drover.reconcile.Decision.OpenRollback;
import io.drover.reconcile.Decision.Propose;
import io.drover.reconcile.Decision.Rebuild;
import io.drover.reconcile.Decision.RecordGatePassed;
import io.drover.reconcile.Decision.Say;
import io.drover.reconcile.Outcome.Action;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one gateway through which the reconciler writes: pushes, pull requests, comments, merges,
 * closes. A dry run stops here and says what it would have done.
 */
final class Act {

    private final FleetWorkspace workspace;
    private final Forge forge;
    private final FleetFiles files;
    private final ReconcileSettings settings;
    private final Clock clock;
    private final String head;

    Act(FleetWorkspace workspace, Forge forge, FleetFiles files, ReconcileSettings settings, Clock clock, String head) {
        this.workspace = workspace;
        this.forge = forge;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
        this.head = head;
    }

    Outcome apply(RolloutState state, Decision decision) throws GitFailure, ForgeException {
        String rollout = state.rollout();
        if (decision instanceof Hold hold) {
            return new Outcome(rollout, hold.state(), hold.detail(), hold.until());
        }
        if (settings.dryRun()) {
            return Outcome.of(rollout, Action.WAITING, "dry run, not done: " + describe(decision));
        }
        if (decision instanceof Propose p) {
            return propose(rollout, p);
        } else if (decision instanceof Rebuild r) {
            return rebuild(rollout, r);
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
        }
        throw new IllegalStateException("no way to act on " + decision);
    }

    private Outcome propose(String rollout, Propose p) throws GitFailure, ForgeException {
        Proposal next = p.next();
        Optional<String> existing = workspace.branchTip(next.branch());
        if (existing.isEmpty() || !holds(existing.get(), next.step().changes())) {
            String commit = workspace.commit(head, next.step().changes(), next.texts().commitMessage(), settings.bot(),
                    clock.instant());
            workspace.push(next.branch(), commit, existing);
        }
        // A crash after the push lands here again and finds the branch ready: only the PR is missing.
        PullRequest opened = forge.open(new NewPullRequest(next.branch(), settings.baseBranch(), next.texts().title(),
                next.texts().body(), next.labels()));
        return Outcome.of(rollout, Action.OPENED, next.numbered() + " as #" + opened.number());
    }

    private Outcome rebuild(String rollout, Rebuild r) throws GitFailure, ForgeException {
        Proposal next = r.next();
        String rebuilt = workspace.commit(head, next.step().changes(), next.texts().commitMessage(), settings.bot(), clock.instant());
        workspace.push(next.branch(), rebuilt, Optional.of(r.expectedTip()));
        List<String> paths = next.step().changes().stream().map(FileChange::path).toList();
        comment(rollout, r.pr().number(), "rebuilt", Optional.of(next), Map.of("paths", String.join(", ", paths),
                "baseSha", head.substring(0, 12), "marker", "drover:rebuilt " + rebuilt));
        return Outcome.of(rollout, Action.REBUILT, "#" + r.pr().number() + " on " + head.substring(0, 12));
    }

    private Outcome merge(String rollout, Merge m) throws ForgeException {
        PullRequest pr = m.pr();
        if (forge.merge(pr.number(), pr.headSha(), m.next().texts().title())) {
            comment(rollout, pr.number(), "auto-merged", Optional.of(m.next()), Map.of("marker", "drover:auto-merged"));
            return Outcome.of(rollout, Action.MERGED, "#" + pr.number() + " (auto-merge allowed for " + m.next().step().kind() + ")");
        }
        return Outcome.waitUntil(rollout, "GitHub refused to merge #" + pr.number(), clock.instant().plus(Decide.FORGE_RETRY));
    }

    private Outcome closeSuperseded(String rollout, CloseSuperseded c) throws ForgeException {
        comment(rollout, c.pr().number(), "superseded", Optional.empty(), Map.of("nextStep", c.nextStep(), "marker",
                "drover:" + Decide.SUPERSEDED));
        forge.close(c.pr().number());
        return Outcome.of(rollout, Action.CLOSED_SUPERSEDED, "#" + c.pr().number() + " (" + c.pr().head() + "); next is " + c.nextStep());
    }

    private Outcome say(RolloutState state, Say s) throws ForgeException {
        if (s.status().isPresent()) {
            forge.status(s.status().get().sha(), s.status().get().status());
        }
        Map<String, Object> extra = new HashMap<>(s.extra());
        extra.put("marker", "drover:" + s.kind() + " rollout=" + state.rollout());
        comment(state.rollout(), s.pr().number(), s.kind(), s.about(), extra);
        return new Outcome(state.rollout(), s.then(), s.detail() + " (commented on #" + s.pr().number() + ")", s.until());
    }

    private Outcome recordGatePassed(RolloutState state, RecordGatePassed g) throws ForgeException {
        var now = clock.instant();
        forge.status(g.step().mergeCommit(), new CommitStatus(CommitStatus.State.SUCCESS, Decide.GATE_CONTEXT,
                "passed " + now + " (" + g.apps().size() + " apps); soaks until " + g.soakUntil()));
        comment(state.rollout(), g.pr().number(), Decide.GATE_PASSED, Optional.empty(), Map.of(
                "step", Map.of("id", g.step().stepId(), "kind", g.step().kind().id()),
                "detail", g.detail(),
                "apps", g.apps(),
                "soakUntil", g.soakUntil().toString(),
                "marker", "drover:" + Decide.GATE_PASSED + " rollout=" + state.rollout() + " at=" + now));
        return Outcome.waitUntil(state.rollout(), "gate of " + g.step().stepId() + " passed; soaks until " + g.soakUntil(),
                g.soakUntil());
    }

    private Outcome openRollback(RolloutState state, OpenRollback r) throws GitFailure, ForgeException {
        var rollback = r.rollback();
        MergedStep step = r.last().step();
        Map<String, Object> data = new HashMap<>();
        data.put("rollout", state.rollout());
        data.put("step", Map.of("id", step.stepId(), "kind", step.kind().id()));
        data.put("mergeCommit", step.mergeCommit());
        data.put("reason", r.reason());
        data.put("stepPr", r.last().pr().map(PullRequest::number).orElse(0));
        data.put("files", rollback.changes().stream().map(c -> Map.of("action", c.action(), "path", c.path())).toList());
        data.put("branch", settings.baseBranch());
        Optional<String> existing = workspace.branchTip(rollback.branch());
        if (existing.isEmpty() || !holds(existing.get(), rollback.changes())) {
            String commit = workspace.commit(head, rollback.changes(), Texts.render(files, "commit/rollback.txt.qute", data),
                    settings.bot(), clock.instant());
            workspace.push(rollback.branch(), commit, existing);
        }
        PullRequest opened = forge.open(new NewPullRequest(rollback.branch(), settings.baseBranch(),
                Texts.render(files, "pr/rollback-title.txt.qute", data).strip(), Texts.render(files, "pr/rollback-body.md.qute", data),
                List.of(settings.label(), settings.label() + "/rollback")));
        return Outcome.of(state.rollout(), Action.OPENED, "rollback of " + step.stepId() + " as #" + opened.number()
                + "; the rollout stays paused");
    }

    private void comment(String rollout, int number, String kind, Optional<Proposal> about, Map<String, Object> extra)
            throws ForgeException {
        Map<String, Object> data = new HashMap<>(about.map(p -> p.texts().data()).orElse(Map.of()));
        data.putAll(extra);
        data.put("rollout", rollout);
        data.put("branch", settings.baseBranch());
        forge.comment(number, Texts.render(files, "comments/" + kind + ".md.qute", data));
    }

    private boolean holds(String tip, List<FileChange> changes) throws GitFailure {
        for (FileChange change : changes) {
            if (!workspace.read(tip, change.path()).equals(change.after())) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Decision decision) {
        if (decision instanceof Propose p) {
            return "open " + p.next().numbered() + " from " + p.next().branch();
        } else if (decision instanceof Rebuild r) {
            return "rebuild #" + r.pr().number();
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
        }
        return decision.toString();
    }
}
