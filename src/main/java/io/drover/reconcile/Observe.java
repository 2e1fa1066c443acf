package io.drover.reconcile;

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
import io.drover.planning.Step;
import io.drover.planning.StepOutline;
import io.drover.policy.Policy;
import io.drover.reconcile.RolloutState.AfterMerge;
import io.drover.reconcile.RolloutState.Completion;
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
    private static final Pattern REBUILT = Pattern.compile("drover:rebuilt ([0-9a-f]{40})");
    private static final Pattern MARKER = Pattern.compile("drover:([a-z-]+)(?: rollout=(\\S+?))?(?: at=(\\S+?))?(?:\\s|-->|$)");

    private final FleetWorkspace workspace;
    private final Forge forge;
    private final Gate gate;
    private final ReconcileSettings settings;
    private final String head;
    private final PassCache cache;
    private final PassCache.Snapshot base;
    private final FleetFiles files;
    private final Fleet fleet;
    private final List<PullRequest> openDroverPullRequests;
    /** Per rollout, what the views need beyond {@link RolloutState}: read anyway for the decision, kept here for free. */
    private final java.util.Map<String, Progress> progress = new java.util.HashMap<>();

    /** A rollout's merged step ids (oldest first) and the steps still planned (next first). */
    record Progress(List<String> merged, List<StepOutline> remaining) {
        static final Progress NONE = new Progress(List.of(), List.of());
    }

    /** @param base the head commit's files, whose fleet reads */
    Observe(FleetWorkspace workspace, Forge forge, Gate gate, ReconcileSettings settings, String head,
            PassCache cache, PassCache.Snapshot base, List<PullRequest> openDroverPullRequests) {
        this.workspace = workspace;
        this.forge = forge;
        this.gate = gate;
        this.settings = settings;
        this.head = head;
        this.cache = cache;
        this.base = base;
        this.files = base.files();
        this.fleet = base.fleet().orElseThrow();
        this.openDroverPullRequests = List.copyOf(openDroverPullRequests);
    }

    RolloutState rollout(Rollout rollout, Policy policy, Instant now) throws GitFailure, ForgeException {
        PassCache.Planned planned = cache.plan(base, rollout, policy);
        if (planned.refused().isPresent()) {
            return new RolloutState(rollout.name(), rollout.path(), rollout.targetVersion().toString(), policy, now,
                    Optional.of(planned.refused().get().getMessage()), Optional.empty(), List.of(), Optional.empty(), BranchState.absent(), Optional.empty());
        }
        Plan plan = planned.plan().orElseThrow();
        List<PullRequest> mine = openDroverPullRequests.stream().filter(p -> settings.isStepBranch(rollout.name(), p.head())).toList();
        if (plan.isEmpty()) {
            MergedSteps merged = MergedSteps.of(workspace, head, rollout.name());
            progress.put(rollout.name(), new Progress(merged.oldestFirst(), List.of()));
            // The last step is gated and soaks like every other before the rollout is complete.
            Optional<AfterMerge> last = mine.isEmpty() && merged.last().isPresent() && !soaked(merged.last().get(), rollout, policy, now)
                    ? Optional.of(afterMerge(merged.last().get(), rollout, policy)) : Optional.empty();
            return new RolloutState(rollout.name(), rollout.path(), rollout.targetVersion().toString(), policy, now,
                    Optional.empty(), Optional.empty(), mine, Optional.empty(), BranchState.absent(), last);
        }
        MergedSteps merged = MergedSteps.of(workspace, head, rollout.name());
        progress.put(rollout.name(), new Progress(merged.oldestFirst(), plan.steps()));
        Step step = plan.firstStep();
        String branch = settings.branchOf(rollout.name(), step.id());
        int mergedBefore = merged.stepIds().size();
        Proposal next = new Proposal(step, branch, List.of(settings.label(), settings.label() + "/" + step.kind().id()),
                cache.texts(base, rollout, policy, mergedBefore, () -> new StepTexts(files, plan, mergedBefore, () -> waitsFor(step))));
        List<PullRequest> elsewhere = mine.stream().filter(p -> !p.head().equals(branch)).toList();
        BranchState branchState = branch(next);
        Optional<StepPullRequest> stepPr = elsewhere.isEmpty() ? stepPullRequest(next, policy, rollout.name(), branchState)
                : Optional.empty();
        boolean nextHasPr = stepPr.filter(p -> !(p.pr().state() == PullRequest.State.CLOSED && p.said().has(Decide.SUPERSEDED)))
                .isPresent();
        Optional<AfterMerge> last = Optional.empty();
        if (elsewhere.isEmpty() && !nextHasPr && merged.last().isPresent()) {
            last = Optional.of(afterMerge(merged.last().get(), rollout, policy));
        }
        return new RolloutState(rollout.name(), rollout.path(), rollout.targetVersion().toString(), policy, now,
                Optional.empty(), Optional.of(next), elsewhere, stepPr, branchState, last);
    }

    /**
     * Whether Drover said on the step's pull request that its gate passed and the soak since has
     * ended: then a complete rollout costs no look at the gate. A step merged without a pull request
     * has nowhere to record its gate, and counts as soaked, as before the last step was gated.
     */
    private boolean soaked(MergedStep step, Rollout rollout, Policy policy, Instant now) throws ForgeException {
        Optional<PullRequest> pr = forge.findByHead(settings.branchOf(rollout.name(), step.stepId()));
        if (pr.isEmpty()) {
            return true;
        }
        return said(pr.get(), rollout.name()).gatePassedAt().map(passed -> !now.isBefore(passed.plus(policy.soakOf(step.kind()))))
                .orElse(false);
    }

    /** What {@link #rollout} saw of this rollout's steps; nothing when it did not get that far. */
    Progress progress(String rollout) {
        return progress.getOrDefault(rollout, Progress.NONE);
    }

    private Optional<StepPullRequest> stepPullRequest(Proposal next, Policy policy, String rollout, BranchState branch)
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
        return Optional.of(new StepPullRequest(pr, said, mergeVisible, differs, readiness, completion(pr, next, said, branch)));
    }

    /** What the open step pull request lacks; only judged while the branch holds the step as Drover built it. */
    private static Completion completion(PullRequest pr, Proposal next, Said said, BranchState branch) {
        if (!pr.isOpen() || !branch.holdsStep() || branch.foreignCommits()) {
            return Completion.NONE;
        }
        String tip = branch.tip().orElseThrow();
        List<String> missing = next.labels().stream().filter(l -> !pr.labels().contains(l)).toList();
        Optional<String> described = StepTexts.commitOf(pr.body());
        boolean owed = described.isPresent() && !described.get().equals(tip) && !said.rebuiltCommits().contains(tip);
        boolean outdated = !next.texts().describes(pr.body(), tip) || !pr.title().equals(next.texts().title());
        return new Completion(missing, owed, outdated);
    }

    private BranchState branch(Proposal next) throws GitFailure {
        Optional<String> tip = workspace.branchTip(next.branch());
        if (tip.isEmpty()) {
            return BranchState.absent();
        }
        boolean holds = differingPaths(next.step(), tip.get()).isEmpty();
        return new BranchState(tip, holds, workspace.hasForeignCommits(tip.get(), head, settings.bot()));
    }

    /** What the gate will wait for once the step is merged, for its pull request's body. */
    private String waitsFor(Step step) {
        try {
            return gate.waitsFor(step.kind(), step.clusters(), fleet, cache.read(files.apply(step.changes())));
        } catch (InvalidFleetException e) {
            // The planner read the step's result back already; this is not expected.
            throw new IllegalStateException("the fleet with step " + step.id() + " applied does not read: " + e.getMessage(), e);
        }
    }

    private AfterMerge afterMerge(MergedStep last, Rollout rollout, Policy policy) throws GitFailure, ForgeException {
        Optional<PassCache.Snapshot> before = last.before().isPresent() ? Optional.of(cache.at(workspace, last.before().get()))
                : Optional.empty();
        Optional<Fleet> fleetBefore = before.flatMap(PassCache.Snapshot::fleet);
        Optional<Step> proposed = proposedBefore(last, rollout, policy, before);
        Optional<PullRequest> pr = forge.findByHead(settings.branchOf(rollout.name(), last.stepId()));
        Said said = pr.isPresent() ? said(pr.get(), rollout.name()) : Said.NOTHING;
        Gate.Result result = gateOf(last, rollout, proposed, fleetBefore);
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
        return Optional.of(revert(workspace, forge, head, last, settings.rollbackBranchOf(rollout.name(), last.stepId())));
    }

    /**
     * The changes on {@code head} that restore every file a step's merge changed as it was before,
     * the files changed again since, and the pull request from {@code branch}, if there is one.
     */
    static Rollback revert(FleetWorkspace workspace, Forge forge, String head, MergedStep step, String branch)
            throws GitFailure, ForgeException {
        Optional<PullRequest> pr = forge.findByHead(branch);
        List<FileChange> changes = new ArrayList<>();
        List<String> changedSince = new ArrayList<>();
        String before = step.before().orElseThrow();
        for (String path : workspace.changedPaths(before, step.mergeCommit())) {
            Optional<String> merged = workspace.read(step.mergeCommit(), path);
            Optional<String> now = workspace.read(head, path);
            if (!now.equals(merged)) {
                changedSince.add(path);
            }
            changes.add(new FileChange(path, now, workspace.read(before, path)));
        }
        return new Rollback(branch, pr, changes, changedSince);
    }

    /**
     * The gate of the merged step, on the clusters its commit names (or, for a commit without that
     * trailer, the clusters of the step as re-planned). When neither tells, the gate cannot know
     * what to look at: it waits and says so, it never passes blind.
     */
    private Gate.Result gateOf(MergedStep last, Rollout rollout, Optional<Step> proposed, Optional<Fleet> fleetBefore)
            throws GitFailure {
        List<String> clusters = !last.trailers().clusters().isEmpty() ? last.trailers().clusters()
                : proposed.map(Step::clusters).orElse(List.of());
        Optional<Fleet> atMerge = cache.at(workspace, last.mergeCommit()).fleet();
        if (clusters.isEmpty() || fleetBefore.isEmpty() || atMerge.isEmpty()) {
            return new Gate.Result.Waiting("cannot tell which clusters step " + last.stepId() + " touched (its merge commit "
                    + "names none and the fleet before it does not re-plan to it)", Decide.FORGE_RETRY, List.of());
        }
        return gate.check(new Gate.Request(rollout.name(), last.stepId(), last.kind(), clusters, last.mergeCommit(),
                fleetBefore.get(), atMerge.get(), (revision, merge) -> workspace.isDescendantOrSame(revision, merge)));
    }

    /** The step as Drover would have proposed it on the state the merge was made onto. */
    private Optional<Step> proposedBefore(MergedStep last, Rollout rollout, Policy policy, Optional<PassCache.Snapshot> before) {
        if (before.isEmpty() || before.get().fleet().isEmpty()) {
            return Optional.empty();
        }
        return cache.plan(before.get(), rollout, policy).plan()
                .flatMap(plan -> plan.first().filter(s -> s.id().equals(last.stepId())));
    }

    /** The files of the step whose content at {@code commit} is not the step's. */
    private List<String> differingPaths(Step step, String commit) throws GitFailure {
        return cache.differing(workspace, commit, step.changes());
    }

    /** What Drover said on a pull request: marker kinds in comments by the pull request's author (Drover opened it). */
    private Said said(PullRequest pr, String rollout) throws ForgeException {
        Set<String> kinds = new HashSet<>();
        Set<String> rebuilt = new HashSet<>();
        Optional<Instant> gatePassedAt = Optional.empty();
        for (Comment comment : forge.comments(pr.number())) {
            if (!comment.author().equals(pr.author())) {
                continue;
            }
            Matcher r = REBUILT.matcher(comment.body());
            while (r.find()) {
                rebuilt.add(r.group(1));
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
        return new Said(kinds, gatePassedAt, rebuilt);
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
