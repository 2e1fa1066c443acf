package io.drover.gate;

import io.drover.gate.ApplicationState.SourceRevision;
import io.drover.model.ExpectedApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The gate as a pure function: from what Argo CD reported about each affected application, the
 * verdict, the evidence per application and which applications to ask Argo CD to refresh.
 */
public final class GateEvaluation {

    private static final int NAMED_IN_SUMMARY = 3;

    private GateEvaluation() {
    }

    /** The verdict of one look; {@code refresh} lists the applications whose state a refresh would bring up to date. */
    public record Evaluation(Verdict verdict, String summary, List<AppEvidence> evidence, List<ExpectedApplication> refresh) {
        public Evaluation {
            evidence = List.copyOf(evidence);
            refresh = List.copyOf(refresh);
        }

        public Gate.Result toResult(Duration retryAfter) {
            return switch (verdict) {
                case PASSED -> new Gate.Result.Passed(summary, evidence);
                case WAITING -> new Gate.Result.Waiting(summary, retryAfter, evidence);
                case FAILED -> new Gate.Result.Failed(summary, evidence);
            };
        }
    }

    /**
     * @param observations by application name; an application missing here counts as unreadable
     * @param fleetRepoUrl the fleet repository as Argo CD's sources name it (spelling variants are fine)
     */
    public static Evaluation evaluate(AffectedApplications affected, Map<String, Observation> observations,
            String mergeRevision, String fleetRepoUrl, Ancestry ancestry) {
        RunningApplicationCheck running = new RunningApplicationCheck(mergeRevision, fleetRepoUrl, ancestry);
        RemovedApplicationCheck removed = new RemovedApplicationCheck();
        List<AppEvidence> evidence = new ArrayList<>();
        List<ExpectedApplication> refresh = new ArrayList<>();
        for (ExpectedApplication app : affected.running()) {
            Observation seen = observed(app, observations);
            Finding finding = unnamed(app).orElseGet(() -> running.check(app, seen));
            evidence.add(evidence(app, finding, seen, fleetRepoUrl));
            if (finding.refresh()) {
                refresh.add(app);
            }
        }
        for (ExpectedApplication app : affected.gone()) {
            Observation seen = observed(app, observations);
            evidence.add(evidence(app, unnamed(app).orElseGet(() -> removed.check(app, seen)), seen, fleetRepoUrl));
        }
        return new Evaluation(verdict(evidence, affected), summary(evidence, affected, mergeRevision), evidence, refresh);
    }

    /** Names the template renders with a parameter Drover does not know cannot be looked up. */
    private static Optional<Finding> unnamed(ExpectedApplication app) {
        return app.name().contains("{{")
                ? Optional.of(Finding.waiting("ApplicationSet " + app.applicationSet() + " names it with a template "
                        + "parameter Drover cannot render, so Drover cannot look it up"))
                : Optional.empty();
    }

    private static Observation observed(ExpectedApplication app, Map<String, Observation> observations) {
        return observations.getOrDefault(app.name(), new Observation.Unreadable("Drover did not look it up"));
    }

    private static AppEvidence evidence(ExpectedApplication app, Finding finding, Observation seen, String fleetRepoUrl) {
        if (!(seen instanceof Observation.Found found)) {
            return new AppEvidence(app.name(), app.cluster(), finding.verdict(), finding.reason(), "", "", "", "");
        }
        ApplicationState state = found.state();
        String revisions = state.syncedRevisions().stream().filter(r -> RepoUrls.same(r.repoUrl(), fleetRepoUrl))
                .map(SourceRevision::revision).collect(Collectors.joining(", "));
        String message = Stream.concat(state.conditions().stream(),
                        state.lastOperation().map(ApplicationState.LastOperation::message).stream())
                .filter(m -> !m.isBlank()).collect(Collectors.joining("; "));
        return new AppEvidence(app.name(), app.cluster(), finding.verdict(), finding.reason(),
                state.syncStatus().toString(), state.health().toString(), revisions, message);
    }

    private static Verdict verdict(List<AppEvidence> evidence, AffectedApplications affected) {
        if (!affected.unknownClusters().isEmpty() || evidence.stream().anyMatch(e -> e.verdict() == Verdict.FAILED)) {
            return Verdict.FAILED;
        }
        return evidence.stream().anyMatch(e -> e.verdict() == Verdict.WAITING) ? Verdict.WAITING : Verdict.PASSED;
    }

    private static String summary(List<AppEvidence> evidence, AffectedApplications affected, String mergeRevision) {
        if (!affected.unknownClusters().isEmpty()) {
            return "the fleet has no cluster " + String.join(", ", affected.unknownClusters())
                    + ", which the step touches, so Drover cannot name its applications";
        }
        List<AppEvidence> failed = evidence.stream().filter(e -> e.verdict() == Verdict.FAILED).toList();
        if (!failed.isEmpty()) {
            return named(failed);
        }
        List<AppEvidence> waiting = evidence.stream().filter(e -> e.verdict() == Verdict.WAITING).toList();
        if (!waiting.isEmpty()) {
            return "waiting for " + waiting.size() + " of " + evidence.size() + " applications: " + named(waiting);
        }
        if (evidence.isEmpty()) {
            return "no ApplicationSet generates an application for the clusters the step touches";
        }
        List<String> parts = new ArrayList<>();
        if (!affected.running().isEmpty()) {
            parts.add(applications(affected.running().size()) + " Synced at " + Revisions.brief(mergeRevision)
                    + " (or a later commit) and Healthy");
        }
        if (!affected.gone().isEmpty()) {
            parts.add(applications(affected.gone().size()) + " gone");
        }
        return String.join("; ", parts);
    }

    private static String applications(int count) {
        return count + (count == 1 ? " application" : " applications");
    }

    private static String named(List<AppEvidence> apps) {
        String named = apps.stream().limit(NAMED_IN_SUMMARY).map(e -> e.application() + " (" + e.reason() + ")")
                .collect(Collectors.joining("; "));
        return apps.size() > NAMED_IN_SUMMARY ? named + "; and " + (apps.size() - NAMED_IN_SUMMARY) + " more" : named;
    }
}
