package io.drover.reconcile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.drover.audit.AuditEvent;
import io.drover.fleet.FleetReadMemo;
import io.drover.fleet.FleetReader;
import io.drover.fleet.InvalidFleetException;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.model.FileChange;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.planning.Plan;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.Planner;
import io.drover.policy.Policy;
import io.drover.planning.templates.TemplateSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Memo of what a pass computes from immutable inputs only, so that a pass over an unchanged fleet
 * repo neither re-reads nor re-plans. Every key is content-addressed: a commit id fixes the files,
 * hence the fleet, templates and policies read from them; a plan is keyed by that commit id and by
 * the rollout and policy (values, not paths). Never keyed by path or time: a cache keyed by path
 * once served a stale fleet and stalled a rollout. Bounded, so that a long-running service holds
 * only the last few commits. Holds no decision and no state a pass depends on beyond these memos:
 * a fresh cache gives the same outcomes, only slower.
 *
 * <p>A commit that is a cached plan's state with that plan's first step merged, and nothing else,
 * is not planned in full: see {@link PlanContinuation}. Reads (of a commit, and of each state the
 * planner reads back) share one {@link FleetReadMemo}, keyed by content, so that the commit after
 * a merge parses only the files the merge changed; and a commit is read as the step after the last
 * commit whose fleet read, given the paths that differ between their trees, so that it reads and
 * checks again only what those paths concern.
 */
final class PassCache {

    private static final Logger LOG = Logger.getLogger(PassCache.class);

    /** The planner (at most {@code maxSteps} steps), a seam for tests that count its invocations. */
    interface PlanFunction {
        Plan plan(Fleet fleet, Rollout rollout, Policy policy, TemplateSet templates, FleetReadMemo memo, int maxSteps)
                throws PlanRefusedException;
    }

    /** The fleet reader, a seam for tests that count its invocations. */
    interface ReadFunction {
        Fleet read(FleetFiles files, FleetReadMemo memo) throws InvalidFleetException;

        /** The state {@code files}, which differs from {@code before}'s in at most the {@code changed} paths. */
        default Fleet read(Fleet before, FleetFiles files, Collection<String> changed, FleetReadMemo memo)
                throws InvalidFleetException {
            return read(files, memo);
        }
    }

    /** {@link FleetReader}: a commit that follows one read is read as the step after it. */
    private static final class Reader implements ReadFunction {

        @Override
        public Fleet read(FleetFiles files, FleetReadMemo memo) throws InvalidFleetException {
            return FleetReader.read(files, memo);
        }

        @Override
        public Fleet read(Fleet before, FleetFiles files, Collection<String> changed, FleetReadMemo memo)
                throws InvalidFleetException {
            return FleetReader.read(before, files, changed, memo);
        }
    }

    /** The files at a commit and the fleet they read as, or why they do not. */
    record Snapshot(String commit, FleetFiles files, Optional<Fleet> fleet, Optional<InvalidFleetException> invalid) {
    }

    /** A plan, or the planner's refusal. */
    record Planned(Optional<Plan> plan, Optional<PlanRefusedException> refused) {
    }

    private record PlanKey(String commit, Rollout rollout, Policy policy) {
    }

    /** The changes by value; a cached plan hands out the same list on every pass, which compares by identity first. */
    private record DifferingKey(String commit, List<FileChange> changes) {
    }

    private record TextKey(String commit, Rollout rollout, Policy policy, int mergedBefore) {
    }

    /** Commits kept: the base tip and a few merge commits and their parents the gate looks at. */
    static final int COMMITS = 16;
    /** Plans kept: several rollouts, each on the tip and on the commit before its last merge. */
    static final int PLANS = 64;

    private final PlanFunction planner;
    private final ReadFunction reader;
    private final Cache<String, Snapshot> snapshots = Caffeine.newBuilder().maximumSize(COMMITS).build();
    private final Cache<PlanKey, Planned> plans = Caffeine.newBuilder().maximumSize(PLANS).build();
    private final Cache<TextKey, StepTexts> texts = Caffeine.newBuilder().maximumSize(PLANS).build();
    private final Cache<DifferingKey, List<String>> differing = Caffeine.newBuilder().maximumSize(PLANS).build();
    /** What the last read parsed, by content; not thread-safe, so every read and plan holds its lock. */
    private final FleetReadMemo memo = new FleetReadMemo();
    /** The last commit read whose fleet reads, so that the next one (a merge, a push) is read as a step after it. */
    private Snapshot lastFleet;
    /** The decisions of the audit trail, with the notes commit they were read from (empty: no notes). */
    private volatile Decisions decisions;

    private record Decisions(Optional<String> notes, List<AuditEvent> events) {
    }

    PassCache() {
        this(Planner::firstSteps, new Reader());
    }

    PassCache(PlanFunction planner, ReadFunction reader) {
        this.planner = planner;
        this.reader = reader;
    }

    /** The files at {@code commit} and their fleet, read once per commit id. */
    Snapshot at(FleetWorkspace workspace, String commit) throws GitFailure {
        Snapshot known = snapshots.getIfPresent(commit);
        if (known != null) {
            return known;
        }
        FleetFiles files = workspace.files(commit);
        Snapshot read;
        synchronized (memo) {
            try {
                Snapshot last = lastFleet;
                Fleet fleet = last == null ? reader.read(files, memo)
                        : reader.read(last.fleet().orElseThrow(), files, workspace.changedPaths(last.commit(), commit), memo);
                read = new Snapshot(commit, files, Optional.of(fleet), Optional.empty());
                lastFleet = read;
            } catch (InvalidFleetException e) {
                read = new Snapshot(commit, files, Optional.empty(), Optional.of(e));
            }
        }
        snapshots.put(commit, read);
        return read;
    }

    /**
     * The fleet of {@code files} read through the shared memo (not cached by commit: such files,
     * a step applied to a commit's, have none), so that only what differs from the last read is parsed.
     */
    Fleet read(FleetFiles files) throws InvalidFleetException {
        synchronized (memo) {
            return FleetReader.read(files, memo);
        }
    }

    /**
     * The paths of {@code changes} whose content at {@code commit} is not the change's result, found
     * once per commit and changes: an unchanged pass compares the step with its branch again and
     * would otherwise walk the branch's tree for every file of a step of hundreds of clusters.
     */
    List<String> differing(FleetWorkspace workspace, String commit, List<FileChange> changes) throws GitFailure {
        DifferingKey key = new DifferingKey(commit, changes);
        List<String> known = differing.getIfPresent(key);
        if (known != null) {
            return known;
        }
        List<String> found = List.copyOf(workspace.differingPaths(commit, changes));
        differing.put(key, found);
        return found;
    }

    /**
     * Every decision (ChatOps command) in Drover's notes, read again only when the notes commit
     * changed: a pass that changed nothing reads no note.
     */
    List<AuditEvent> decisions(FleetWorkspace workspace) throws GitFailure {
        Optional<String> version = workspace.notesVersion();
        Decisions known = decisions;
        if (known != null && known.notes().equals(version)) {
            return known.events();
        }
        List<AuditEvent> events = new ArrayList<>();
        for (List<String> lines : workspace.notes().values()) {
            lines.stream().map(AuditEvent::parse).flatMap(Optional::stream).filter(AuditEvent::isDecision).forEach(events::add);
        }
        decisions = new Decisions(version, List.copyOf(events));
        return decisions.events();
    }

    /**
     * The plan of {@code rollout} under {@code policy} on a fleet that reads, planned once per key:
     * continued from a cached plan when this commit is that plan's state with its first step merged,
     * planned in full otherwise.
     */
    Planned plan(Snapshot snapshot, Rollout rollout, Policy policy) {
        Fleet fleet = snapshot.fleet().orElseThrow(() -> new IllegalArgumentException(
                "no plan on commit " + snapshot.commit() + ": its fleet does not read"));
        PlanKey key = new PlanKey(snapshot.commit(), rollout, policy);
        Planned known = plans.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Planned planned;
        synchronized (memo) {
            TemplateSet templates = TemplateSet.forFleet(snapshot.files());
            try {
                Optional<Plan> continued = continued(snapshot, fleet, rollout, policy, templates);
                planned = new Planned(Optional.of(continued.isPresent() ? continued.get()
                        : planner.plan(fleet, rollout, policy, templates, memo, Integer.MAX_VALUE)), Optional.empty());
            } catch (PlanRefusedException e) {
                planned = new Planned(Optional.empty(), Optional.of(e));
            }
        }
        plans.put(key, planned);
        return planned;
    }

    /**
     * The plan at {@code snapshot} continued from a cached plan of the same rollout and policy whose
     * first step, applied to its commit's files, gives exactly this commit's files. A refusal of the
     * new first step is the refusal a full plan meets first, so it is thrown as such.
     */
    private Optional<Plan> continued(Snapshot snapshot, Fleet fleet, Rollout rollout, Policy policy, TemplateSet templates)
            throws PlanRefusedException {
        for (var cached : plans.asMap().entrySet()) {
            PlanKey key = cached.getKey();
            Optional<Plan> earlier = cached.getValue().plan();
            if (!key.rollout().equals(rollout) || !key.policy().equals(policy) || earlier.isEmpty() || earlier.get().isEmpty()) {
                continue;
            }
            Snapshot prior = snapshots.getIfPresent(key.commit());
            if (prior == null || !PlanContinuation.follows(prior.files(), earlier.get().firstStep(), snapshot.files())) {
                continue;
            }
            Plan head = planner.plan(fleet, rollout, policy, templates, memo, 1);
            PlanContinuation.Continued continued = PlanContinuation.continued(earlier.get(), head);
            LOG.debugf("plan of %s at %s %s from the plan at %s: %s", rollout.name(), snapshot.commit(),
                    continued.plan().isPresent() ? "continued" : "not continued", key.commit(), continued.why());
            return continued.plan();
        }
        return Optional.empty();
    }

    /**
     * The texts of the next step of a cached plan, built once per key; they render lazily and keep
     * what they rendered, so an unchanged pass renders no template again.
     */
    StepTexts texts(Snapshot snapshot, Rollout rollout, Policy policy, int mergedBefore, Supplier<StepTexts> build) {
        return texts.get(new TextKey(snapshot.commit(), rollout, policy, mergedBefore), key -> build.get());
    }
}
