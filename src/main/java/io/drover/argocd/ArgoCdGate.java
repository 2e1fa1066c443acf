package io.drover.argocd;

import io.drover.gate.AffectedApplications;
import io.drover.gate.Gate;
import io.drover.gate.GateEvaluation;
import io.drover.gate.GateEvaluation.Evaluation;
import io.drover.gate.Observation;
import io.drover.model.ExpectedApplication;
import io.drover.model.Fleet;
import io.drover.model.StepKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The health gate on Argo CD: looks up every application the merged step affects, judges them
 * ({@link GateEvaluation}), and where Argo CD's view may be behind (the merge not yet seen, a
 * stale health) asks it to refresh those applications and judges again on its fresh answer.
 */
public final class ArgoCdGate implements Gate {

    private final ArgoCdApplications argoCd;
    private final String fleetRepoUrl;
    private final Duration recheck;

    /**
     * @param fleetRepoUrl the fleet repository; the revisions of application sources that point
     *                     elsewhere (a Helm chart repository, say) are not the gate's business
     */
    public ArgoCdGate(ArgoCdApplications argoCd, String fleetRepoUrl, Duration recheck) {
        this.argoCd = argoCd;
        this.fleetRepoUrl = fleetRepoUrl;
        this.recheck = recheck;
    }

    @Override
    public String waitsFor(StepKind kind, List<String> clusters, Fleet before, Fleet after) {
        return AffectedApplications.of(kind, clusters, before, after).description();
    }

    @Override
    public Result check(Request request) {
        Objects.requireNonNull(request.fleetAtMerge(), "the Argo CD gate needs the fleets and Git ancestry of the merge");
        AffectedApplications affected = AffectedApplications.of(request.kind(), request.clusters(), request.fleetBefore(),
                request.fleetAtMerge());
        Map<String, Observation> seen = new HashMap<>(argoCd.look(
                Stream.concat(affected.running().stream(), affected.gone().stream()).toList()));
        Evaluation evaluation = evaluate(affected, seen, request);
        if (evaluation.refresh().isEmpty()) {
            return evaluation.toResult(recheck);
        }
        List<ExpectedApplication> refreshed = evaluation.refresh();
        seen.putAll(argoCd.refresh(refreshed));
        Result result = evaluate(affected, seen, request).toResult(recheck);
        if (result instanceof Result.Waiting waiting) {
            return new Result.Waiting(waiting.reason() + " (Drover asked Argo CD to refresh "
                    + refreshed.stream().map(ExpectedApplication::name).collect(Collectors.joining(", ")) + ")",
                    waiting.retryAfter(), waiting.evidence());
        }
        return result;
    }

    private Evaluation evaluate(AffectedApplications affected, Map<String, Observation> seen, Request request) {
        return GateEvaluation.evaluate(affected, seen, request.mergeRevision(), fleetRepoUrl, request.ancestry());
    }
}
