package io.drover.reconcile;

import io.drover.forge.PullRequest;
import io.drover.gate.Gate;
import io.drover.planning.StepOutline;
import io.drover.reconcile.Outcome.Action;
import io.drover.reconcile.RolloutState.AfterMerge;
import io.drover.status.AppView;
import io.drover.status.GateView;
import io.drover.status.PauseView;
import io.drover.status.PullRequestLink;
import io.drover.status.RolloutView;
import io.drover.status.StepState;
import io.drover.status.StepView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds a rollout's {@link RolloutView} from what one pass already observed and what it did:
 * pure, so the views cost no request of their own.
 */
final class RolloutViews {

    private RolloutViews() {
    }

    /**
     * {@code merged} are the rollout's merged step ids, oldest first; {@code remaining} the plan
     * from the base branch (the steps still to merge, next first).
     */
    static RolloutView of(RolloutState state, List<String> merged, List<StepOutline> remaining, Decision decision, Outcome outcome) {
        List<StepView> steps = new ArrayList<>();
        Optional<AfterMerge> last = state.last();
        for (int i = 0; i < merged.size(); i++) {
            boolean newest = i == merged.size() - 1;
            StepState stepState = newest && last.isPresent() ? afterMerge(last.get().gate(), outcome) : StepState.DONE;
            Optional<PullRequestLink> pr = newest ? last.flatMap(AfterMerge::pr).map(RolloutViews::link) : Optional.empty();
            // Trailers name the kind of the newest merged step only; older ones show their id alone.
            String kind = newest ? last.map(l -> l.step().trailers().kind()).orElse("") : "";
            steps.add(new StepView(i + 1, merged.get(i), kind, stepState, pr));
        }
        for (int i = 0; i < remaining.size(); i++) {
            StepOutline step = remaining.get(i);
            StepState stepState = StepState.PLANNED;
            Optional<PullRequestLink> pr = Optional.empty();
            if (i == 0 && state.stepPr().isPresent()) {
                PullRequest found = state.stepPr().get().pr();
                stepState = switch (found.state()) {
                    case OPEN -> StepState.PR_OPEN;
                    case MERGED -> StepState.MERGED;
                    case CLOSED -> StepState.PLANNED;
                };
                pr = Optional.of(link(found));
            } else if (i == 0 && decision instanceof Decision.Propose && outcome.action() == Action.OPENED) {
                // Opened by this very pass: its number is known from the next pass's observation.
                stepState = StepState.PR_OPEN;
            }
            steps.add(new StepView(merged.size() + i + 1, step.id(), step.kind().id(), stepState, pr));
        }
        PauseView pause = outcome.action() == Action.PAUSED ? new PauseView(true, Optional.empty(), outcome.detail())
                : PauseView.RUNNING;
        Optional<GateView> gate = last.map(l -> gate(l, gatePassedAt(l, state, decision, outcome)));
        return new RolloutView(state.rollout(), state.targetVersion(), state.now(), steps, gate, pause, outcome.detail(), outcome.comeBackAt());
    }

    /** The newest merged step while the next has no pull request: the gate decides whether it gates, soaks or failed. */
    private static StepState afterMerge(Gate.Result gate, Outcome outcome) {
        if (gate instanceof Gate.Result.Waiting) {
            return StepState.GATING;
        }
        if (gate instanceof Gate.Result.Failed) {
            return StepState.FAILED;
        }
        return outcome.action() == Action.WAITING && outcome.comeBackAt().isPresent() ? StepState.SOAKING : StepState.DONE;
    }

    /** When the gate passed: as Drover recorded it on the pull request, or now when this very pass records it. */
    private static Optional<Instant> gatePassedAt(AfterMerge last, RolloutState state, Decision decision,
            Outcome outcome) {
        if (last.said().gatePassedAt().isPresent()) {
            return last.said().gatePassedAt();
        }
        return decision instanceof Decision.RecordGatePassed && outcome.action() != Action.FAILED
                ? Optional.of(state.now()) : Optional.empty();
    }

    private static GateView gate(AfterMerge last, Optional<Instant> passedAt) {
        Gate.Result result = last.gate();
        String verdict = result.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        String reason = result instanceof Gate.Result.Passed passed ? passed.detail()
                : result instanceof Gate.Result.Waiting waiting ? waiting.reason()
                : ((Gate.Result.Failed) result).reason();
        return new GateView(last.step().stepId(), verdict, reason, result.evidence().stream()
                .map(e -> new AppView(e.application(), e.cluster(), e.syncStatus(), e.health(),
                        e.verdict().name().toLowerCase(Locale.ROOT)))
                .toList(), Optional.of(last.step().mergedAt()), passedAt);
    }

    private static PullRequestLink link(PullRequest pr) {
        return new PullRequestLink(pr.number(), pr.url(), pr.title());
    }
}
