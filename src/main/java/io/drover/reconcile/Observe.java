package io.drover.reconcile;

import io.drover.fleet.FleetReader;
import io.drover.fleet.InvalidFleetException;
import io.drover.forge.Comment;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.PullRequest;
import io.drover.gate.Gate;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.model.FileChange;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.planning.Plan;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.Planner;
import io.drover.planning.Step;
import io.drover.planning.templates.TemplateSet;
import io.drover.policy.Policy;
import io.drover.reconcile.RolloutState.AfterMerge;
import io.drover.reconcile.RolloutState.Rollback;
import io.drover.reconcile.RolloutState.Said;
import io.drover.reconcile.RolloutState.StepPullRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what one rollout's pass needs into a {@link RolloutState}: the plan from the base branch,
 * the step's pull request and Drover's comments on it, the branch, the merged steps, the gate.
 * Reads only; every write is {@link Act}'s.
 */
final class Observe {

    /** {@code drover:KIND}, optionally {@code rollout=NAME} and {@code at=INSTANT}, in Drover's own comments. */
    private static final Pattern MARKER = Pattern.compile("drover:([a-z-]+)(?: rollout=(\\S+?))?(?: at=(\\S+?))?(?:\\s|-->|$)");

    private final FleetWorkspace workspace;
    private final Forge forge;
    private final Gate gate;
    private final ReconcileSettings settings;
    private final String head;
    private final FleetFiles files;
    private final Fleet fleet;
    private final List<PullRequest> openDroverPullRequests;
    private final String gateDescription;

    Observe(FleetWorkspace workspace, Forge forge, Gate gate, String gateDescription, ReconcileSettings settings, String head,
            FleetFiles files, Fleet fleet, List<PullRequest> openDroverPullRequests) {
        this.workspace = workspace;
        this.forge = forge;
        this.gate = gate;
        this.gateDescription = gateDescription;
        this.settings = settings;
        this.head = head;
        this.files = files;
        this.fleet = fleet;
        this.openDroverPullRequests = List.copyOf(openDroverPullRequests);
    }

    RolloutState rollout(Rollout rollout, Policy policy, Instant now) throws GitFailure, ForgeException {
        Plan plan;
        try {
            plan = Planner.plan(fleet, rollout, policy, TemplateSet.forFleet(files));
        } catch (PlanRefusedException e) {
            return new RolloutState(rollout.name(), rollout.path(), rollout.targetVersion().toString(), policy, now,
                    Optional.of(e.getMessage()), Optional.empty(), List.of(), Optional.empty(), BranchState.absent(), Optional.empty());
        }
        String prefix = settings.branchOf(rollout.name(), "");
        List<PullRequest> mine = openDroverPullRequests.stream().filter(p -> p.head().startsWith(prefix)).toList();
        if (plan.isEmpty()) {
            return new RolloutState(rollout.name(), rollout.path(), rollout.targetVersion().toString(), policy, now,
                    Optional.empty(), Optional.empty(), mine, Optional.empty(), BranchState.absent(), Optional.empty());
        }
        MergedSteps merged = MergedSteps.of(workspace, head, rollout.name());
        Step step = plan.steps().get(0);
        String branch = settings.branchOf(rollout.name(), step.id());
        Proposal next = new Proposal(step, branch, List.of(settings.label(), settings.label() + "/" + step.kind().id()),
                new StepTexts(files, plan, merged.stepIds().size(), gateDescription));
        List<PullRequest> elsewhere = mine.stream().filter(p -> !p.head().equals(branch)).toList();
        Optional<StepPullRequest> stepPr = elsewhere.isEmpty() ? stepPullRequest(next, policy, rollout.name()) : Optional.empty();
        BranchState branchState = branch(next);
        boolean nextHasPr = stepPr.filter(p -> !(p.pr().state() == PullRequest.State.CLOSED && p.said().has(Decide.SUPERSEDED)))
                .isPresent();
        Optional<AfterMerge> last = Optional.empty();
        if (elsewhere.isEmpty() && !nextHasPr && merged.last().isPresent()) {
            last = Optional.of(afterMerge(merged.last().get(), rollout, policy));
        }
        return new RolloutState(rollout.name(), rollout.path(), rollout.targetVersion().toString(), policy, now,
                Optional.empty(), Optional.of(next), elsewhere, stepPr, branchState, last);
    }

    private Optional<StepPullRequest> stepPullRequest(Proposal next, Policy policy, String rollout)
            throws GitFailure, ForgeException {
        Optional<PullRequest> found = forge.findByHead(next.branch());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PullRequest pr = found.get();
        Said said = said(pr, rollout);
        boolean mergeVisible = false;
        List<String> differs = List.of();
        if (pr.state() == PullRequest.State.MERGED) {
            mergeVisible = pr.mergeCommitSha().map(sha -> workspace.isAncestor(sha, head)).orElse(false);
            if (mergeVisible) {
                differs = differingPaths(next.step(), head);
            }
        }
        var readiness = pr.isOpen() && policy.autoMerge().contains(next.step().kind())
                ? Optional.of(forge.readiness(pr.number())) : Optional.<io.drover.forge.MergeReadiness>empty();
        return Optional.of(new StepPullRequest(pr, said, mergeVisible, differs, readiness));
    }

    private BranchState branch(Proposal next) throws GitFailure {
        Optional<String> tip = workspace.branchTip(next.branch());
        if (tip.isEmpty()) {
            return BranchState.absent();
        }
        boolean holds = differingPaths(next.step(), tip.get()).isEmpty();
        return new BranchState(tip, holds, workspace.hasForeignCommits(tip.get(), head, settings.bot()));
    }

    private AfterMerge afterMerge(MergedStep last, Rollout rollout, Policy policy) throws GitFailure, ForgeException {
        Optional<Step> proposed = proposedBefore(last, rollout, policy);
        Optional<PullRequest> pr = forge.findByHead(settings.branchOf(rollout.name(), last.stepId()));
        Said said = pr.isPresent() ? said(pr.get(), rollout.name()) : Said.NOTHING;
        Gate.Result result = gate.check(new Gate.Request(rollout.name(), last.stepId(), last.kind(),
                proposed.map(Step::clusters).orElse(List.of()), last.mergeCommit()));
        List<String> differing = pr.isPresent() && proposed.isPresent()
                ? differingPaths(proposed.get(), last.mergeCommit()) : List.of();
        Optional<Rollback> rollback = policy.automaticRollback() && !(result instanceof Gate.Result.Passed)
                ? rollback(last, rollout) : Optional.empty();
        return new AfterMerge(last, pr, said, result, differing, rollback);
    }

    /** The changes that restore every file the step's merge changed, as it was before the merge. */
    private Optional<Rollback> rollback(MergedStep last, Rollout rollout) throws GitFailure, ForgeException {
        if (last.before().isEmpty()) {
            return Optional.empty();
        }
        String branch = settings.branchOf(rollout.name(), "rollback-" + last.stepId());
        Optional<PullRequest> pr = forge.findByHead(branch);
        List<FileChange> changes = new ArrayList<>();
        List<String> changedSince = new ArrayList<>();
        String before = last.before().get();
        for (String path : workspace.changedPaths(before, last.mergeCommit())) {
            Optional<String> merged = workspace.read(last.mergeCommit(), path);
            Optional<String> now = workspace.read(head, path);
            if (!now.equals(merged)) {
                changedSince.add(path);
            }
            changes.add(new FileChange(path, now, workspace.read(before, path)));
        }
        return Optional.of(new Rollback(branch, pr, changes, changedSince));
    }

    /** The step as Drover would have proposed it on the state the merge was made onto. */
    private Optional<Step> proposedBefore(MergedStep last, Rollout rollout, Policy policy) throws GitFailure {
        if (last.before().isEmpty()) {
            return Optional.empty();
        }
        try {
            FleetFiles before = workspace.files(last.before().get());
            Plan plan = Planner.plan(FleetReader.read(before), rollout, policy, TemplateSet.forFleet(before));
            return plan.steps().stream().findFirst().filter(s -> s.id().equals(last.stepId()));
        } catch (InvalidFleetException | PlanRefusedException e) {
            return Optional.empty();
        }
    }

    /** The files of the step whose content at {@code commit} is not the step's. */
    private List<String> differingPaths(Step step, String commit) throws GitFailure {
        List<String> differing = new ArrayList<>();
        for (FileChange change : step.changes()) {
            if (!workspace.read(commit, change.path()).equals(change.after())) {
                differing.add(change.path());
            }
        }
        return differing;
    }

    /** What Drover said on a pull request: marker kinds in comments by the pull request's author (Drover opened it). */
    private Said said(PullRequest pr, String rollout) throws ForgeException {
        Set<String> kinds = new HashSet<>();
        Optional<Instant> gatePassedAt = Optional.empty();
        for (Comment comment : forge.comments(pr.number())) {
            if (!comment.author().equals(pr.author())) {
                continue;
            }
            Matcher m = MARKER.matcher(comment.body());
            while (m.find()) {
                if (m.group(2) != null && !m.group(2).equals(rollout)) {
                    continue;
                }
                kinds.add(m.group(1));
                if (m.group(1).equals(Decide.GATE_PASSED) && m.group(3) != null && gatePassedAt.isEmpty()) {
                    gatePassedAt = parseInstant(m.group(3));
                }
            }
        }
        return new Said(kinds, gatePassedAt);
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
