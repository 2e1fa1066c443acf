package io.drover.reconcile;

import io.drover.fleet.FleetReader;
import io.drover.fleet.InvalidFleetException;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.MergeReadiness;
import io.drover.forge.NewPullRequest;
import io.drover.forge.PullRequest;
import io.drover.gate.Gate;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.planning.Plan;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.Planner;
import io.drover.planning.Step;
import io.drover.planning.templates.TemplateSet;
import io.drover.policy.Policy;
import io.drover.policy.TimeWindow;
import io.drover.reconcile.Outcome.Action;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * One pass over one rollout. Everything is recomputed from what is observed now: the base
 * branch, the plan from it, the step's pull request and the merged steps in history. At most one
 * write happens; anything unclear means waiting, never guessing.
 */
final class RolloutPass {

    private final FleetWorkspace workspace;
    private final Forge forge;
    private final Clock clock;
    private final ReconcileSettings settings;
    private final Reconciler.Observed observed;
    private final ObjectId head;
    private final FleetFiles files;
    private final Rollout rollout;
    private final Policy policy;
    private final StepComments comments;
    private final CompleteStepPullRequest completion;

    RolloutPass(Reconciler.Observed observed, Rollout rollout, Policy policy) {
        this.observed = observed;
        this.workspace = observed.workspace();
        this.forge = observed.forge();
        this.clock = observed.clock();
        this.settings = observed.settings();
        this.head = observed.head();
        this.files = observed.files();
        this.rollout = rollout;
        this.policy = policy;
        this.comments = new StepComments(forge, files, settings, rollout);
        this.completion = new CompleteStepPullRequest(forge, settings, comments);
    }

    Outcome run() throws GitFailure, ForgeException {
        Plan plan;
        try {
            plan = Planner.plan(observed.fleet(), rollout, policy, TemplateSet.forFleet(files));
        } catch (PlanRefusedException e) {
            return Outcome.of(rollout.name(), Action.BLOCKED, "plan refused: " + e.getMessage());
        }
        String prefix = settings.branchOf(rollout.name(), "");
        List<PullRequest> mine = observed.openDroverPullRequests().stream().filter(p -> p.head().startsWith(prefix)).toList();
        if (plan.isEmpty()) {
            if (!mine.isEmpty()) {
                return comments.closeSuperseded(mine.get(0), "none, the rollout is complete");
            }
            return Outcome.of(rollout.name(), Action.DONE, "every selected cluster is at " + rollout.targetVersion());
        }
        Step step = plan.steps().get(0);
        String branch = settings.branchOf(rollout.name(), step.id());
        Optional<PullRequest> stale = mine.stream().filter(p -> !p.head().equals(branch)).findFirst();
        if (stale.isPresent()) {
            return comments.closeSuperseded(stale.get(), step.id());
        }
        MergedSteps merged = MergedSteps.of(workspace, head, rollout.name());
        StepTexts texts = new StepTexts(files, plan, merged.stepIds().size(), observed.gateDescription());
        Optional<PullRequest> pr = forge.findByHead(branch);
        // A PR Drover closed itself because the plan moved on is no human's pause: propose anew.
        if (pr.isEmpty() || (pr.get().state() == PullRequest.State.CLOSED
                && forge.hasComment(pr.get().number(), StepComments.SUPERSEDED))) {
            return proposeNext(texts, branch, merged);
        }
        return switch (pr.get().state()) {
            case OPEN -> tendOpen(pr.get(), texts, branch);
            case CLOSED -> comments.once(pr.get(), "paused-closed", texts, Map.of("rolloutPath", rollout.path()), Action.PAUSED,
                    "pull request #" + pr.get().number() + " was closed without merge; reopen it to go on");
            case MERGED -> mergedButStillNext(pr.get(), texts, branch);
        };
    }

    /** Step k+1 is next and has no pull request: check what step k left behind, then propose it. */
    private Outcome proposeNext(StepTexts texts, String branch, MergedSteps merged) throws GitFailure, ForgeException {
        if (merged.last().isPresent()) {
            Optional<Outcome> held = afterMerge(merged.last().get());
            if (held.isPresent()) {
                return held.get();
            }
        }
        Instant now = clock.instant();
        Optional<TimeWindow> freeze = policy.freezeAt(now);
        if (freeze.isPresent() || !policy.inChangeWindow(now)) {
            String reason = freeze.map(f -> "freeze window " + f.name() + " of policy " + policy.name())
                    .orElse("outside the change windows of policy " + policy.name());
            return waitForWindow(reason, now, merged, texts);
        }
        Step step = texts.step();
        Optional<ObjectId> existing = workspace.branchTip(branch);
        ObjectId commit;
        if (existing.isPresent() && holdsStep(existing.get(), step)) {
            // A crash after the push lands here again and finds the branch ready: only the PR is missing.
            commit = existing.get();
        } else {
            if (existing.isPresent() && hasHumanCommits(existing.get())) {
                return Outcome.of(rollout.name(), Action.BLOCKED, "branch " + branch + " exists with someone else's commits "
                        + "and no pull request; delete it or open a pull request from it");
            }
            commit = workspace.commit(head, step.changes(), texts.commitMessage(), settings.bot(), now);
            workspace.push(branch, commit, existing);
        }
        // Should the labels not follow (GitHub adds them in a second request), the next pass adds them.
        PullRequest opened = forge.open(new NewPullRequest(branch, settings.baseBranch(), texts.title(), texts.body(commit),
                settings.labelsOf(step.kind())));
        return Outcome.of(rollout.name(), Action.OPENED, "step " + texts.number() + "/" + texts.total() + " " + step.id()
                + " as #" + opened.number());
    }

    /** Waits for the policy to allow a new step; says so once on the last merged step's PR, with when. */
    private Outcome waitForWindow(String reason, Instant now, MergedSteps merged, StepTexts texts) throws ForgeException {
        Optional<Instant> until = policy.nextAllowed(now, java.time.Duration.ofDays(60));
        Instant comeBack = until.orElse(now.plus(java.time.Duration.ofHours(1)));
        if (merged.last().isPresent()) {
            Optional<PullRequest> lastPr = forge.findByHead(settings.branchOf(rollout.name(), merged.last().get().trailers().stepId()));
            if (lastPr.isPresent()) {
                Map<String, Object> extra = new HashMap<>();
                extra.put("reason", reason);
                extra.put("until", until.map(Instant::toString).orElse(""));
                Outcome said = comments.once(lastPr.get(), "waiting-window", texts, extra, Action.WAITING,
                        reason + until.map(t -> ", next step not before " + t).orElse(""));
                return new Outcome(said.rollout(), said.action(), said.detail(), Optional.of(comeBack));
            }
        }
        return Outcome.waitUntil(rollout.name(), reason + until.map(t -> ", next step not before " + t).orElse(""), comeBack);
    }

    /** Holds the next step while the last merged one is gated, soaking, or merged differently than proposed. */
    private Optional<Outcome> afterMerge(MergedSteps.Last last) throws GitFailure, ForgeException {
        Optional<PullRequest> lastPr = forge.findByHead(settings.branchOf(rollout.name(), last.trailers().stepId()));
        if (last.autoMerged() && lastPr.isPresent() && sayAutoMerged(lastPr.get().number(), last.trailers().kind())) {
            // The pass that merged did not live to say so.
            return Optional.of(Outcome.of(rollout.name(), Action.UPDATED, "said on #" + lastPr.get().number() + " that Drover merged it"));
        }
        Optional<Step> proposed = proposedBefore(last);
        Gate.Result result = observed.gate().check(new Gate.Request(rollout.name(), last.trailers().stepId(),
                io.drover.model.StepKind.byId(last.trailers().kind()).orElseThrow(),
                proposed.map(Step::clusters).orElse(List.of()), last.mergeCommit().name()));
        if (result instanceof Gate.Result.Waiting waiting) {
            return Optional.of(Outcome.waitUntil(rollout.name(), "gate of " + last.trailers().stepId() + ": " + waiting.reason(),
                    clock.instant().plus(waiting.retryAfter())));
        }
        if (result instanceof Gate.Result.Failed failed && lastPr.isPresent()) {
            return Optional.of(comments.once(lastPr.get(), "gate-failed", null, Map.of("reason", failed.reason()), Action.PAUSED,
                    "gate of " + last.trailers().stepId() + " failed: " + failed.reason()));
        }
        if (proposed.isPresent() && lastPr.isPresent()) {
            List<String> differing = differingPaths(proposed.get(), last.mergeCommit());
            if (!differing.isEmpty()) {
                return Optional.of(comments.once(lastPr.get(), "merged-differs", null, Map.of("paths", String.join(", ", differing)),
                        Action.PAUSED, "merged content of " + last.trailers().stepId() + " differs in " + differing));
            }
        }
        var kind = io.drover.model.StepKind.byId(last.trailers().kind()).orElseThrow();
        Instant soakedAt = last.mergedAt().plus(policy.soakOf(kind));
        if (clock.instant().isBefore(soakedAt)) {
            return Optional.of(Outcome.waitUntil(rollout.name(), "step " + last.trailers().stepId() + " soaks", soakedAt));
        }
        return Optional.empty();
    }

    /** The step as Drover would have proposed it on the state the merge was made onto. */
    private Optional<Step> proposedBefore(MergedSteps.Last last) throws GitFailure {
        if (last.before().isEmpty()) {
            return Optional.empty();
        }
        try {
            FleetFiles before = workspace.files(last.before().get());
            Plan plan = Planner.plan(FleetReader.read(before), rollout, policy, TemplateSet.forFleet(before));
            return plan.steps().stream().findFirst().filter(s -> s.id().equals(last.trailers().stepId()));
        } catch (InvalidFleetException | PlanRefusedException e) {
            return Optional.empty();
        }
    }

    private List<String> differingPaths(Step proposed, ObjectId merged) throws GitFailure {
        List<String> differing = new ArrayList<>();
        for (FileChange change : proposed.changes()) {
            if (!workspace.read(merged, change.path()).equals(change.after())) {
                differing.add(change.path());
            }
        }
        return differing;
    }

    /** The step's pull request is open: keep it right, merge it if the policy says so, else wait. */
    private Outcome tendOpen(PullRequest pr, StepTexts texts, String branch) throws GitFailure, ForgeException {
        Optional<ObjectId> tip = workspace.branchTip(branch);
        if (tip.isEmpty()) {
            return Outcome.of(rollout.name(), Action.BLOCKED, "#" + pr.number() + " is open but branch " + branch + " is gone");
        }
        if (hasHumanCommits(tip.get())) {
            return comments.once(pr, "human-commit", texts, Map.of("head", branch), Action.WAITING,
                    "#" + pr.number() + " has someone else's commits; Drover leaves the branch alone");
        }
        Step step = texts.step();
        if (!holdsStep(tip.get(), step)) {
            ObjectId rebuilt = workspace.commit(head, step.changes(), texts.commitMessage(), settings.bot(), clock.instant());
            workspace.push(branch, rebuilt, tip);
            completion.complete(pr, texts, rebuilt, head);
            return Outcome.of(rollout.name(), Action.REBUILT, "#" + pr.number() + " on " + head.name().substring(0, 12));
        }
        List<String> completed = completion.complete(pr, texts, tip.get(), builtOn(tip.get()));
        if (!completed.isEmpty()) {
            return Outcome.of(rollout.name(), Action.UPDATED, "#" + pr.number() + ": " + String.join(", ", completed));
        }
        if (policy.autoMerge().contains(step.kind())) {
            MergeReadiness readiness = forge.readiness(pr.number());
            if (!readiness.mergeable()) {
                return Outcome.waitUntil(rollout.name(), "auto-merge of #" + pr.number() + ": " + readiness.reason(),
                        clock.instant().plusSeconds(60));
            }
            // The trailer in the merge commit tells a later pass that Drover merged, should this one not live to say so.
            if (forge.merge(pr.number(), tip.get().name(), texts.title() + "\n\n" + Trailers.autoMergedBy(policy.name()))) {
                sayAutoMerged(pr.number(), step.kind().id());
                return Outcome.of(rollout.name(), Action.MERGED, "#" + pr.number() + " (auto-merge allowed for " + step.kind() + ")");
            }
            return Outcome.waitUntil(rollout.name(), "GitHub refused to merge #" + pr.number(), clock.instant().plusSeconds(60));
        }
        return Outcome.of(rollout.name(), Action.WAITING, "for review and merge of #" + pr.number() + " " + pr.url());
    }

    private boolean sayAutoMerged(int number, String kind) throws ForgeException {
        return comments.ensure(number, "auto-merged", StepComments.AUTO_MERGED, null, Map.of("policy", policy.name(), "kind", kind));
    }

    /** The step's PR is merged, yet planning from the branch still puts the step first. */
    private Outcome mergedButStillNext(PullRequest pr, StepTexts texts, String branch) throws GitFailure, ForgeException {
        boolean visible = pr.mergeCommitSha().map(ObjectId::fromString).map(id -> {
            try {
                return workspace.isAncestor(id, head);
            } catch (GitFailure e) {
                return false;
            }
        }).orElse(false);
        if (!visible) {
            return Outcome.waitUntil(rollout.name(), "merge of #" + pr.number() + " not yet on " + settings.baseBranch(),
                    clock.instant().plusSeconds(30));
        }
        List<String> differing = differingPaths(texts.step(), head);
        return comments.once(pr, "merged-differs", texts, Map.of("paths", String.join(", ", differing)), Action.PAUSED,
                "#" + pr.number() + " was merged with other content than proposed (" + differing + ")");
    }

    /** Whether the branch has the step's content in every file it touches (a base that moved elsewhere is fine). */
    private boolean holdsStep(ObjectId tip, Step step) throws GitFailure {
        for (FileChange change : step.changes()) {
            if (!workspace.read(tip, change.path()).equals(change.after())) {
                return false;
            }
        }
        return true;
    }

    /** The commit Drover's commit at {@code tip} was built on. */
    private ObjectId builtOn(ObjectId tip) throws GitFailure {
        List<RevCommit> ahead = workspace.commitsAhead(tip, head);
        return ahead.isEmpty() ? head : ahead.get(ahead.size() - 1).getParent(0);
    }

    private boolean hasHumanCommits(ObjectId tip) throws GitFailure {
        for (RevCommit commit : workspace.commitsAhead(tip, head)) {
            if (!settings.bot().authored(commit.getAuthorIdent()) || !settings.bot().authored(commit.getCommitterIdent())) {
                return true;
            }
        }
        return false;
    }
}
