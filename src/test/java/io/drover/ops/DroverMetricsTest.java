package io.drover.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.reconcile.Outcome;
import io.drover.status.GateView;
import io.drover.status.PauseView;
import io.drover.status.RolloutView;
import io.drover.status.StepState;
import io.drover.status.StepView;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The metrics count what the adapters report and what the rollout views show, each gate's wait once. */
class DroverMetricsTest {

    private static final Instant START = Instant.parse("2026-12-04T05:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<RolloutView> views = new ArrayList<>();
    private final DroverMetrics metrics = new DroverMetrics(registry, () -> List.copyOf(views), START);

    @Test
    void requestsAreCountedBySystemMethodAndOutcomeAndTheRateLimitIsTheLastSeen() {
        metrics.request("github", "GET", RemoteCalls.outcome(200), Duration.ofMillis(120));
        metrics.request("github", "GET", RemoteCalls.outcome(304), Duration.ofMillis(30));
        metrics.request("github", "POST", RemoteCalls.outcome(502), Duration.ofMillis(900));
        metrics.request("argocd", "GET", "timeout", Duration.ofSeconds(30));
        assertThat(registry.get("drover.github.rate.limit.remaining").gauge().value()).isEqualTo(-1);
        metrics.rateLimitRemaining(4999);
        metrics.rateLimitRemaining(4987);

        assertThat(timer("drover.github.requests", "method", "GET", "outcome", "2xx").count()).isEqualTo(1);
        assertThat(timer("drover.github.requests", "method", "GET", "outcome", "3xx").count()).isEqualTo(1);
        assertThat(timer("drover.github.requests", "method", "POST", "outcome", "5xx").totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(900);
        assertThat(timer("drover.argocd.requests", "method", "GET", "outcome", "timeout").count()).isEqualTo(1);
        assertThat(registry.get("drover.github.rate.limit.remaining").gauge().value()).isEqualTo(4987);
    }

    @Test
    void rolloutsAndStepsAreCountedByStateFromTheLatestViewsAtEachLook() {
        views.add(view("a", PauseView.RUNNING, Optional.empty(), StepState.DONE, StepState.GATING, StepState.PLANNED));
        views.add(view("b", new PauseView(true, Optional.of("dana"), "alerts"), Optional.empty(), StepState.DONE,
                StepState.PR_OPEN));
        views.add(view("c", PauseView.RUNNING, Optional.empty(), StepState.DONE, StepState.DONE));

        assertThat(rollouts("gating")).isEqualTo(1);
        assertThat(rollouts("paused")).isEqualTo(1);
        assertThat(rollouts("done")).isEqualTo(1);
        assertThat(rollouts("soaking")).isZero();
        assertThat(steps("done")).isEqualTo(4);
        assertThat(steps("gating")).isEqualTo(1);
        assertThat(steps("pr_open")).isEqualTo(1);

        // The gauges read the views when looked at: the next pass's views count, not the first ones.
        views.set(0, view("a", PauseView.RUNNING, Optional.empty(), StepState.DONE, StepState.SOAKING, StepState.PLANNED));
        assertThat(rollouts("gating")).isZero();
        assertThat(rollouts("soaking")).isEqualTo(1);
    }

    @Test
    void aRolloutThePassNamedWithoutAViewCountsAsUnplannedUntilAPassShowsIt() {
        RolloutView shown = view("a", PauseView.RUNNING, Optional.empty(), StepState.PR_OPEN);
        views.add(shown);
        Outcome invalidPolicy = new Outcome("b", Outcome.Action.BLOCKED, "policies/typo.yaml: no such policy", Optional.empty());
        Outcome wholeFleet = new Outcome("*", Outcome.Action.FAILED, "audit notes not pushed yet", Optional.empty());

        metrics.passed(Duration.ofMillis(500), List.of(new Outcome("a", Outcome.Action.WAITING, "review", Optional.empty()),
                invalidPolicy, wholeFleet), List.copyOf(views));

        assertThat(rollouts("unplanned")).isEqualTo(1);
        assertThat(rollouts("pr_open")).isEqualTo(1);

        views.add(view("b", PauseView.RUNNING, Optional.empty(), StepState.PLANNED));
        metrics.passed(Duration.ofMillis(500), List.of(new Outcome("b", Outcome.Action.OPENED, "#1", Optional.empty())),
                List.copyOf(views));
        assertThat(rollouts("unplanned")).isZero();
        assertThat(rollouts("waiting")).isEqualTo(1);
    }

    @Test
    void aGatesWaitFromMergeToPassIsRecordedOnceAndNotForGatesThatPassedBeforeTheStart() {
        Instant merged = START.plusSeconds(60);
        RolloutView gating = view("a", PauseView.RUNNING, gate("step-1", merged, Optional.empty()), StepState.GATING);
        RolloutView soaking = view("a", PauseView.RUNNING, gate("step-1", merged, Optional.of(merged.plusSeconds(95))),
                StepState.SOAKING);
        RolloutView before = view("b", PauseView.RUNNING, gate("step-9", START.minusSeconds(600),
                Optional.of(START.minusSeconds(500))), StepState.SOAKING);

        metrics.passed(Duration.ofMillis(800), List.of(new Outcome("a", Outcome.Action.WAITING, "gate", Optional.empty())),
                List.of(gating, before));
        metrics.passed(Duration.ofMillis(700), List.of(new Outcome("a", Outcome.Action.WAITING, "soak", Optional.empty())),
                List.of(soaking, before));
        metrics.passed(Duration.ofMillis(600), List.of(new Outcome("a", Outcome.Action.FAILED, "GitHub 502", Optional.empty())),
                List.of(soaking, before));

        Timer wait = registry.get("drover.gate.wait").timer();
        assertThat(wait.count()).isEqualTo(1);
        assertThat(wait.totalTime(TimeUnit.SECONDS)).isEqualTo(95);
        assertThat(timer("drover.reconcile.pass", "result", "ok").count()).isEqualTo(2);
        assertThat(timer("drover.reconcile.pass", "result", "failed").count()).isEqualTo(1);
        assertThat(registry.get("drover.reconcile.outcomes").tag("action", "waiting").counter().count()).isEqualTo(2);
        assertThat(registry.get("drover.reconcile.outcomes").tag("action", "failed").counter().count()).isEqualTo(1);

        metrics.passFailed(Duration.ofSeconds(2));
        assertThat(timer("drover.reconcile.pass", "result", "failed").count()).isEqualTo(2);
    }

    @Test
    void theLeaderGaugeFollowsLeadership() {
        boolean[] leads = {false};
        metrics.leader(() -> leads[0]);
        assertThat(registry.get("drover.leader").gauge().value()).isZero();
        leads[0] = true;
        assertThat(registry.get("drover.leader").gauge().value()).isEqualTo(1);
    }

    private Timer timer(String name, String... tags) {
        return registry.get(name).tags(tags).timer();
    }

    private double rollouts(String state) {
        return registry.get("drover.rollouts").tag("state", state).gauge().value();
    }

    private double steps(String state) {
        return registry.get("drover.steps").tag("state", state).gauge().value();
    }

    private static Optional<GateView> gate(String step, Instant merged, Optional<Instant> passed) {
        return Optional.of(new GateView(step, passed.isPresent() ? "passed" : "waiting", "", List.of(), Optional.of(merged),
                passed));
    }

    private static RolloutView view(String name, PauseView pause, Optional<GateView> gate, StepState... states) {
        List<StepView> steps = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            steps.add(new StepView(i + 1, "step-" + (i + 1), "shift-traffic", states[i], Optional.empty()));
        }
        return new RolloutView(name, "1.31", START, steps, gate, pause, "", Optional.empty());
    }
}
