package io.drover.service;

import io.drover.argocd.ArgoCdClient;
import io.drover.argocd.ArgoCdConfig;
import io.drover.argocd.ArgoCdGate;
import io.drover.argocd.ArgoCdSettings;
import io.drover.forge.ForgeException;
import io.drover.forge.github.GitHubForge;
import io.drover.gate.Gate;
import io.drover.gate.NoHealthGate;
import io.drover.git.BotIdentity;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.leader.AlwaysLeader;
import io.drover.leader.LeaseLeadership;
import io.drover.leader.Leadership;
import io.drover.ops.DroverMetrics;
import io.drover.reconcile.Outcome;
import io.drover.reconcile.ReconcileSettings;
import io.drover.reconcile.Reconciler;
import io.drover.status.StatusBoard;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jboss.logging.Logger;

/**
 * Runs reconcile passes one at a time, on the schedule and when a webhook arrives. A trigger
 * while a pass runs or waits is folded into the next pass; failures back off.
 */
@ApplicationScoped
public class ReconcileService {

    private static final Logger LOG = Logger.getLogger(ReconcileService.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15));

    private final DroverConfig config;
    private final ArgoCdConfig argoCd;
    private final Instance<KubernetesClient> kubernetes;
    private volatile Leadership leadership = AlwaysLeader.INSTANCE;
    private volatile Gate gate;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "drover-reconcile"));
    private final AtomicBoolean queued = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger triggers = new java.util.concurrent.atomic.AtomicInteger();
    private final StatusBoard board = new StatusBoard();
    private final DroverMetrics metrics;
    private final Instant startedAt = clock.instant();
    /** When the loop last came round to a pass (run, or skipped as stand-by or while backing off): liveness. */
    private volatile Optional<Instant> lastLoop = Optional.empty();
    /** Why no pass will run, when the settings are missing or wrong: readiness. */
    private volatile Optional<String> notConfigured = Optional.empty();
    /** The liveness rule, from settings checked at start; empty before, or when they are wrong. */
    private volatile Optional<Probes> probes = Optional.empty();
    private volatile Reconciler reconciler;
    private volatile FleetWorkspace workspace;
    private volatile Instant notBefore = Instant.EPOCH;
    private volatile int failuresInARow;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "drover-come-back");
        thread.setDaemon(true);
        return thread;
    });
    private final WakeUpTimer wakeUp = new WakeUpTimer(timer, clock, () -> trigger("a rollout's wait ends"));

    public ReconcileService(DroverConfig config, ArgoCdConfig argoCd, Instance<KubernetesClient> kubernetes,
            MeterRegistry meters) {
        this.config = config;
        this.argoCd = argoCd;
        this.kubernetes = kubernetes;
        this.metrics = new DroverMetrics(meters, board::rollouts, startedAt).leader(() -> leadership.isLeader());
    }

    void start(@Observes StartupEvent event) {
        if (config.webhook().secret().filter(s -> !s.isBlank()).isEmpty()) {
            LOG.warn("drover.webhook.secret is not set: POST /webhooks/github refuses every delivery (fail closed); "
                    + "passes run on the schedule only");
        }
        List<String> missing = new ArrayList<>();
        if (config.repo().url().isEmpty()) {
            missing.add("drover.repo.url");
        }
        if (config.github().repository().isEmpty()) {
            missing.add("drover.github.repository");
        }
        if (config.github().token().isEmpty()) {
            missing.add("drover.github.token");
        }
        if (!missing.isEmpty()) {
            notConfigured = Optional.of("set " + String.join(", ", missing));
            LOG.errorf("Drover is not configured, no pass will run: set %s (see docs/settings.md)", String.join(", ", missing));
            return;
        }
        try {
            probes = Optional.of(Probes.of(config));
            gate = gate();
        } catch (IllegalArgumentException e) {
            notConfigured = Optional.of(e.getMessage());
            LOG.errorf("Drover is not configured, no pass will run: %s", e.getMessage());
            return;
        }
        if (config.leaderElection().enabled()) {
            leadership = elect();
        }
        trigger("start");
    }

    /** Joins the election on the Lease; a pass starts as soon as this replica wins it. */
    private Leadership elect() {
        KubernetesClient client = kubernetes.get();
        DroverConfig.LeaderElection election = config.leaderElection();
        String namespace = election.namespace().orElseGet(client::getNamespace);
        LOG.infof("leader election on lease %s/%s as %s: only the leader runs passes", namespace, election.leaseName(),
                election.identity());
        return new LeaseLeadership(client, namespace, election.leaseName(), election.identity(), LeaseLeadership.Timing.DEFAULT,
                () -> trigger("became leader")).start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (leadership instanceof LeaseLeadership lease) {
            lease.close();
        }
        worker.shutdownNow();
        timer.shutdownNow();
        if (workspace != null) {
            workspace.close();
        }
    }

    @Scheduled(every = "${drover.reconcile.interval:60s}", delayed = "${drover.reconcile.interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        trigger("schedule");
    }

    /** Asks for a pass; returns false when one is already queued (this trigger is folded into it). */
    public boolean trigger(String reason) {
        triggers.incrementAndGet();
        if (config.repo().url().isEmpty() || !queued.compareAndSet(false, true)) {
            return false;
        }
        worker.submit(() -> {
            queued.set(false);
            runPass(reason);
        });
        return true;
    }

    /** The latest view of each rollout, as the last pass saw it. */
    public StatusBoard statusBoard() {
        return board;
    }

    /** How many triggers arrived since start (schedule, webhooks), queued or folded. */
    public int triggerCount() {
        return triggers.get();
    }

    /** Where the service stands, for the health probes. */
    public ServiceState state() {
        return new ServiceState(startedAt, lastLoop, notConfigured, workspace != null,
                leadership instanceof LeaseLeadership lease ? Optional.of(lease.leaseRead()) : Optional.empty());
    }

    /** Whether the loop is live now: judged by the probes once the settings hold, live until then. */
    public Probes.Verdict live(Instant now) {
        ServiceState state = state();
        return probes.map(p -> p.live(state, now)).orElseGet(() -> Probes.withoutLoop(state));
    }

    private void runPass(String reason) {
        lastLoop = Optional.of(clock.instant());
        if (!leadership.isLeader()) {
            LOG.debugf("pass (%s) skipped: another replica is the leader", reason);
            standBy();
            return;
        }
        if (clock.instant().isBefore(notBefore)) {
            LOG.debugf("pass (%s) skipped: backing off until %s", reason, notBefore);
            return;
        }
        long began = System.nanoTime();
        try {
            List<Outcome> outcomes = reconciler().pass();
            metrics.passed(Duration.ofNanos(System.nanoTime() - began), outcomes, board.rollouts());
            outcomes.forEach(ReconcileService::log);
            Optional<Outcome> failed = outcomes.stream().filter(o -> o.action() == Outcome.Action.FAILED).findFirst();
            if (failed.isPresent()) {
                backOff(failed.get().toString(), failed.get().retryAfter().orElse(Duration.ZERO));
            } else {
                failuresInARow = 0;
                notBefore = Instant.EPOCH;
            }
            outcomes.stream().map(Outcome::comeBackAt).flatMap(Optional::stream).min(Instant::compareTo)
                    .ifPresent(this::comeBackAt);
        } catch (ForgeException e) {
            metrics.passFailed(Duration.ofNanos(System.nanoTime() - began));
            backOff(e.getMessage(), e.retryAfter().orElse(Duration.ZERO));
        } catch (GitFailure e) {
            metrics.passFailed(Duration.ofNanos(System.nanoTime() - began));
            backOff(e.getMessage(), Duration.ZERO);
        } catch (RuntimeException e) {
            metrics.passFailed(Duration.ofNanos(System.nanoTime() - began));
            LOG.error("reconcile pass failed", e);
            backOff(e.toString(), Duration.ZERO);
        }
    }

    /**
     * A stand-by clones the fleet repo too, once: it is ready to take over at once, and its
     * readiness says the repo is reachable from here. It fetches nothing more until it leads.
     */
    private void standBy() {
        if (workspace == null) {
            try {
                reconciler();
            } catch (GitFailure | ForgeException | RuntimeException e) {
                LOG.warnf("standing by, the fleet repo not cloned yet: %s", e.getMessage());
            }
        }
    }

    private static void log(Outcome outcome) {
        switch (outcome.action()) {
            case FAILED -> LOG.warn(outcome);
            case BLOCKED, PAUSED -> LOG.info(outcome);
            default -> {
                if (outcome.action().wrote()) {
                    LOG.info(outcome);
                } else {
                    LOG.debug(outcome);
                }
            }
        }
    }

    /** A pass at the earliest moment a rollout waits for (a soak's end, a change window), never before the backoff allows. */
    private void comeBackAt(Instant when) {
        wakeUp.at(when.isBefore(notBefore) ? notBefore : when);
    }

    private void backOff(String why, Duration asked) {
        failuresInARow++;
        Duration wait = BACKOFF.after(failuresInARow, asked);
        notBefore = clock.instant().plus(wait);
        LOG.warnf("pass failed (%d in a row), nothing further done; next try in %ss: %s", failuresInARow, wait.toSeconds(), why);
    }

    /** The configured gate; the Argo CD one refuses to start on missing or wrong settings. */
    private Gate gate() {
        if (config.gate() == DroverConfig.GateKind.NONE) {
            LOG.warn(NoHealthGate.WARNING);
            return new NoHealthGate();
        }
        ArgoCdSettings settings = ArgoCdSettings.from(argoCd);
        LOG.infof("gate: Argo CD at %s", settings.url());
        return new ArgoCdGate(new ArgoCdClient(settings, metrics), config.repo().url().orElseThrow(), settings.recheckInterval());
    }

    private synchronized Reconciler reconciler() throws GitFailure, ForgeException {
        if (reconciler == null) {
            CredentialsProvider credentials = config.repo().token()
                    .<CredentialsProvider>map(t -> new UsernamePasswordCredentialsProvider("x-access-token", t))
                    .orElse(CredentialsProvider.getDefault());
            workspace = FleetWorkspace.open(Path.of(config.dataDir()).resolve("fleet.git"), config.repo().url().orElseThrow(),
                    credentials);
            GitHubForge forge = GitHubForge.connect(config.github().apiUrl(), config.github().token().orElseThrow(),
                    config.github().repository().orElseThrow(), config.repo().branch(), config.github().writeSpacing(), config.github().timeout(), clock, metrics);
            reconciler = new Reconciler(workspace, forge, gate, clock, new ReconcileSettings(config.repo().branch(),
                            new BotIdentity(config.bot().name(), config.bot().email()), config.bot().label(), config.dryRun()), leadership, board)
                    .withDashboards();
        }
        return reconciler;
    }
}
