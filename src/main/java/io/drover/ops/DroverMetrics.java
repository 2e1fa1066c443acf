package io.drover.ops;

import io.drover.reconcile.Outcome;
import io.drover.status.GateView;
import io.drover.status.RolloutView;
import io.drover.status.StepState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Drover's metrics on Micrometer (Prometheus names in docs/operations.md): the GitHub and Argo CD
 * requests the adapters report, each pass, and the rollouts and steps as the latest views show
 * them. Rollout and step counts are read from the views at each scrape, so they never drift from
 * the status page; tags stay low-cardinality (no rollout, pull request or application names).
 */
public final class DroverMetrics implements RemoteCalls {

    /** Where a gate's wait usually falls: a minute or two for a healthy sync, up to the gate timeout. */
    private static final Duration[] GATE_WAIT_BUCKETS = {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofHours(1)};
    private static final Duration[] PASS_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5)};

    /** The {@code drover_rollouts} state of a rollout the latest pass could not plan, so has no view of. */
    static final String UNPLANNED = "unplanned";

    private final MeterRegistry registry;
    private final Supplier<List<RolloutView>> rollouts;
    private final Instant since;
    private final AtomicLong rateLimitRemaining = new AtomicLong(-1);
    private final Timer gateWait;
    /**
     * The rollouts the latest pass named without a view: planning never started (an invalid policy,
     * say) or their first pass failed. The views alone would leave them out of {@code drover_rollouts}.
     */
    private volatile Set<String> unplanned = Set.of();
    /** The step whose gate wait was last recorded, per rollout: each gate is recorded once. */
    private final Map<String, String> gateRecorded = new ConcurrentHashMap<>();

    /**
     * {@code rollouts}: the latest view of each rollout (the status board); {@code since}: when this
     * process started, so that a gate that passed before it is not recorded again after a restart.
     */
    public DroverMetrics(MeterRegistry registry, Supplier<List<RolloutView>> rollouts, Instant since) {
        this.registry = registry;
        this.rollouts = rollouts;
        this.since = since;
        for (RolloutPhase phase : RolloutPhase.values()) {
            Gauge.builder("drover.rollouts", () -> count(phase)).tag("state", phase.tag())
                    .description("Rollouts in this state, as the latest pass saw them").register(registry);
        }
        Gauge.builder("drover.rollouts", () -> unplanned.size()).tag("state", UNPLANNED)
                .description("Rollouts in this state, as the latest pass saw them").register(registry);
        for (StepState state : StepState.values()) {
            Gauge.builder("drover.steps", () -> count(state)).tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("Steps of all rollouts in this state, as the latest pass saw them").register(registry);
        }
        Gauge.builder("drover.github.rate.limit.remaining", rateLimitRemaining, AtomicLong::get)
                .description("GitHub's X-RateLimit-Remaining as last seen; -1 before the first answer").register(registry);
        gateWait = Timer.builder("drover.gate.wait").description("From a step's merge to its gate passing")
                .serviceLevelObjectives(GATE_WAIT_BUCKETS).register(registry);
    }

    /** Reports 1 while this replica is the leader, else 0. */
    public DroverMetrics leader(BooleanSupplier leader) {
        Gauge.builder("drover.leader", () -> leader.getAsBoolean() ? 1 : 0)
                .description("1 while this replica leads (runs passes and writes), else 0").register(registry);
        return this;
    }

    @Override
    public void request(String system, String method, String outcome, Duration took) {
        Timer.builder("drover." + system + ".requests").description("HTTP requests to " + system + " by method and outcome")
                .tag("method", method).tag("outcome", outcome).register(registry).record(took);
    }

    @Override
    public void rateLimitRemaining(long remaining) {
        rateLimitRemaining.set(remaining);
    }

    /**
     * One pass that ran to its end: how long it took, what it did per rollout, and the gates that
     * passed in it ({@code views}: the latest views after the pass).
     */
    public void passed(Duration took, List<Outcome> outcomes, List<RolloutView> views) {
        boolean failed = outcomes.stream().anyMatch(o -> o.action() == Outcome.Action.FAILED);
        pass(failed ? "failed" : "ok").record(took);
        for (Outcome outcome : outcomes) {
            Counter.builder("drover.reconcile.outcomes").description("What passes did per rollout")
                    .tag("action", outcome.action().name().toLowerCase(Locale.ROOT)).register(registry).increment();
        }
        views.forEach(this::gatePassed);
        Set<String> shown = views.stream().map(RolloutView::rollout).collect(Collectors.toSet());
        // "*" is an outcome for the whole fleet (an invalid fleet repo, notes not pushed), not a rollout.
        unplanned = outcomes.stream().map(Outcome::rollout).filter(r -> !r.equals("*") && !shown.contains(r))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A pass that ended early: the fleet repo or the forge could not be read at all. */
    public void passFailed(Duration took) {
        pass("failed").record(took);
    }

    private Timer pass(String result) {
        return Timer.builder("drover.reconcile.pass").description("Reconcile passes by result (ok, or failed for any rollout)")
                .tag("result", result).serviceLevelObjectives(PASS_BUCKETS).register(registry);
    }

    private void gatePassed(RolloutView view) {
        view.gate().ifPresent(gate -> {
            if (gate.passedAt().isPresent() && gate.mergedAt().isPresent() && !gate.passedAt().get().isBefore(since)
                    && !gate.stepId().equals(gateRecorded.put(view.rollout(), gate.stepId()))) {
                gateWait.record(waited(gate));
            }
        });
    }

    private static Duration waited(GateView gate) {
        Duration waited = Duration.between(gate.mergedAt().orElseThrow(), gate.passedAt().orElseThrow());
        return waited.isNegative() ? Duration.ZERO : waited;
    }

    private long count(RolloutPhase phase) {
        return rollouts.get().stream().filter(v -> RolloutPhase.of(v) == phase).count();
    }

    private long count(StepState state) {
        return rollouts.get().stream().flatMap(v -> v.steps().stream()).filter(s -> s.state() == state).count();
    }
}
