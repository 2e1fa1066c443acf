package io.drover.reconcile;

import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.Issue;
import io.drover.gate.Gate;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.leader.AlwaysLeader;
import io.drover.leader.Leadership;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.policy.InvalidPolicyException;
import io.drover.policy.Policy;
import io.drover.policy.PolicyCatalog;
import io.drover.reconcile.Outcome.Action;
import io.drover.status.RolloutView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Level-based reconciliation of every rollout in the fleet repository. Each pass fetches, reads the
 * base branch, and for every rollout observes ({@link Observe}), decides ({@link Decide}, pure) and
 * acts ({@link Act}, the one writer): at most one write per rollout. Holds no state between
 * passes but a memo of pure functions of git object ids ({@link PassCache}); a fresh reconciler on
 * the same data directory carries on where another stopped.
 */
public final class Reconciler {

    private final FleetWorkspace workspace;
    private final Forge forge;
    private final Gate gate;
    private final Clock clock;
    private final ReconcileSettings settings;
    private final Leadership leadership;
    /** Memo of pure reads and plans keyed by commit ids, so that an unchanged pass costs little. */
    private final PassCache cache;
    private final Consumer<RolloutView> views;
    /** Where commands are read besides the step pull request and, with dashboards, the dashboard issue. */
    private CommandThreads commandThreads = CommandThreads.NONE;
    /** Whether each pass keeps the rollouts' dashboard issues current; see {@link #withDashboards()}. */
    private final boolean dashboards;

    public Reconciler(FleetWorkspace workspace, Forge forge, Gate gate, Clock clock, ReconcileSettings settings) {
        this(workspace, forge, gate, clock, settings, AlwaysLeader.INSTANCE);
    }

    /** One of several replicas: only while {@code leadership} holds does {@link Act} write. */
    public Reconciler(FleetWorkspace workspace, Forge forge, Gate gate, Clock clock, ReconcileSettings settings,
            Leadership leadership) {
        this(workspace, forge, gate, clock, settings, leadership, view -> { });
    }

    /** As above, publishing each rollout's {@link RolloutView} to {@code views} after its pass. */
    public Reconciler(FleetWorkspace workspace, Forge forge, Gate gate, Clock clock, ReconcileSettings settings,
            Leadership leadership, Consumer<RolloutView> views) {
        this(workspace, forge, gate, clock, settings, leadership, views, new PassCache());
    }

    Reconciler(FleetWorkspace workspace, Forge forge, Gate gate, Clock clock, ReconcileSettings settings,
            Leadership leadership, Consumer<RolloutView> views, PassCache cache) {
        this(workspace, forge, gate, clock, settings, leadership, views, cache, false);
    }

    private Reconciler(FleetWorkspace workspace, Forge forge, Gate gate, Clock clock, ReconcileSettings settings,
            Leadership leadership, Consumer<RolloutView> views, PassCache cache, boolean dashboards) {
        this.dashboards = dashboards;
        this.cache = cache;
        this.views = views;
        this.leadership = leadership;
        this.workspace = workspace;
        this.forge = forge;
        this.gate = gate;
        this.clock = clock;
        this.settings = settings;
    }

    /** Reads ChatOps commands also from these threads (the rollout's dashboard issue). */
    public Reconciler readingCommandsFrom(CommandThreads threads) {
        this.commandThreads = threads;
        return this;
    }

    /**
     * The same reconciler, also keeping one dashboard issue per rollout current (opened labelled
     * {@code LABEL} and {@code LABEL/dashboard}, its body rewritten only when it changes) and
     * reading commands given on it, at the cost of one issue-list request per pass.
     */
    public Reconciler withDashboards() {
        return new Reconciler(workspace, forge, gate, clock, settings, leadership, views, cache, true)
                .readingCommandsFrom(commandThreads);
    }

    /**
     * One pass over every rollout. A failure reading the fleet repo or the list of Drover's pull
     * requests ends the pass (nothing can be judged); a failure within one rollout is that
     * rollout's outcome only.
     */
    public List<Outcome> pass() throws GitFailure, ForgeException {
        workspace.fetch();
        String head = workspace.branchTip(settings.baseBranch()).orElseThrow(() ->
                new GitFailure("origin has no branch " + settings.baseBranch() + " (drover.repo.branch)"));
        PassCache.Snapshot base = cache.at(workspace, head);
        if (base.invalid().isPresent()) {
            return List.of(Outcome.of("*", Action.BLOCKED, "the fleet repo at " + head.substring(0, 12)
                    + " is invalid; nothing is proposed until it is fixed:\n" + base.invalid().get().getMessage()));
        }
        FleetFiles files = base.files();
        Fleet fleet = base.fleet().orElseThrow();
        Observe observe = new Observe(workspace, forge, gate, settings, head, cache, base,
                forge.openPullRequests(ReconcileSettings.BRANCH_PREFIX));
        Act act = new Act(workspace, forge, files, settings, clock, head, leadership);
        // One list request per pass finds every rollout's dashboard, for writing it and for its commands.
        Optional<List<Issue>> dashboards = this.dashboards
                ? Optional.of(forge.issues(DashboardIssues.label(settings.label()))) : Optional.empty();
        CommandThreads threads = dashboards.isPresent() ? alsoDashboard(commandThreads, dashboards.get()) : commandThreads;
        CommandObserver commands = new CommandObserver(workspace, forge, settings, head, threads, cache, base);
        List<Outcome> outcomes = new ArrayList<>();
        for (Rollout rollout : fleet.rollouts().values()) {
            outcomes.add(reconcile(rollout, files, observe, commands, act, dashboards));
        }
        pushPendingNotes().ifPresent(outcomes::add);
        return outcomes;
    }

    /** The rollout's dashboard issue, found in this pass's list, besides {@code threads}. */
    private CommandThreads alsoDashboard(CommandThreads threads, List<Issue> dashboards) {
        return rollout -> {
            List<Integer> numbers = new ArrayList<>(threads.of(rollout));
            DashboardIssues.find(dashboards, rollout, forge.login()).map(Issue::number)
                    .filter(n -> !numbers.contains(n)).ifPresent(numbers::add);
            return numbers;
        };
    }

    /** Audit notes an earlier push could not deliver; a failure is reported, the notes stay for the next pass. */
    private java.util.Optional<Outcome> pushPendingNotes() {
        if (settings.dryRun() || !leadership.isLeader()) {
            return java.util.Optional.empty();
        }
        try {
            workspace.pushNotes();
            return java.util.Optional.empty();
        } catch (GitFailure e) {
            return java.util.Optional.of(Outcome.failed("*", "audit notes not pushed yet: " + e.getMessage(),
                    java.util.Optional.empty()));
        }
    }

    /**
     * The dashboard after the rollout's own write, so that it shows what that write did. A forge
     * failure here is added to the rollout's outcome; the next pass tries again.
     */
    private void writeDashboard(RolloutState state, Act act, RolloutView view, FleetFiles files, List<Issue> dashboards)
            throws GitFailure, ForgeException {
        var existing = DashboardIssues.find(dashboards, state.rollout(), forge.login());
        var write = DashboardIssues.decide(state.rollout(), existing, DashboardText.body(files, view));
        if (write.isPresent()) {
            act.apply(state, write.get());
        }
    }

    private Outcome reconcile(Rollout rollout, FleetFiles files, Observe observe, CommandObserver commands, Act act,
            Optional<List<Issue>> dashboards) {
        Policy policy;
        try {
            policy = PolicyCatalog.resolve(files, rollout);
        } catch (InvalidPolicyException e) {
            return Outcome.of(rollout.name(), Action.BLOCKED, e.getMessage());
        }
        try {
            Instant now = clock.instant();
            // Clusters left out by /drover skip are planned without, from the audit trail on every pass.
            Rollout planned = rollout.leavingOut(commands.steering(rollout.name()).leftOut());
            RolloutState state = commands.observe(observe.rollout(planned, policy, now), planned,
                    observe.progress(rollout.name()).remaining());
            Decision decision = Decide.decide(state);
            Outcome outcome = act.apply(state, decision);
            Observe.Progress progress = observe.progress(rollout.name());
            RolloutView view = RolloutViews.of(state, progress.merged(), progress.remaining(), decision, outcome);
            views.accept(view);
            if (dashboards.isPresent()) {
                try {
                    writeDashboard(state, act, view, files, dashboards.get());
                } catch (ForgeException e) {
                    // The rollout's own write is done and stays reported; the next pass writes the dashboard.
                    return new Outcome(outcome.rollout(), outcome.action(),
                            outcome.detail() + "; dashboard not written yet: " + e.getMessage(), outcome.comeBackAt(),
                            e.retryAfter());
                }
            }
            return outcome;
        } catch (ForgeException e) {
            return Outcome.failed(rollout.name(), e.getMessage(), e.retryAfter());
        } catch (GitFailure | RuntimeException e) {
            return Outcome.failed(rollout.name(), e.toString(), java.util.Optional.empty());
        }
    }
}
