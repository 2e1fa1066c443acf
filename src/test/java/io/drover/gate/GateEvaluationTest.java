package io.drover.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.gate.ApplicationState.Health;
import io.drover.gate.ApplicationState.LastOperation;
import io.drover.gate.ApplicationState.OperationPhase;
import io.drover.gate.ApplicationState.SourceRevision;
import io.drover.gate.ApplicationState.SyncStatus;
import io.drover.gate.GateEvaluation.Evaluation;
import io.drover.model.ExpectedApplication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gate's rules one by one, on observations made by hand: no HTTP, no Git. */
class GateEvaluationTest {

    private static final String FLEET = "https://github.com/example/fleet.git";
    private static final String BEFORE = "1111111111111111111111111111111111111111";
    private static final String MERGE = "2222222222222222222222222222222222222222";
    private static final String LATER = "3333333333333333333333333333333333333333";
    /** Git history as the reconciler would answer: LATER descends from MERGE, BEFORE does not. */
    private static final Ancestry HISTORY = (revision, merge) -> merge.equals(MERGE) && Set.of(MERGE, LATER).contains(revision);
    private static final Instant FINISHED = Instant.parse("2026-11-23T10:00:00Z");

    private static final ExpectedApplication SHOP = app("prod-euw-03-shop", "shop");
    private static final ExpectedApplication NGINX = app("prod-euw-03-ingress-nginx", "platform");

    @Test
    void passesWhenSyncedAtTheMergeAndHealthy() {
        Evaluation evaluation = running(SHOP, found(new State()));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(evaluation.summary()).isEqualTo("1 application Synced at 222222222222 (or a later commit) and Healthy");
        assertThat(evaluation.evidence()).containsExactly(new AppEvidence("prod-euw-03-shop", "prod-euw-03", Verdict.PASSED,
                "Synced at 222222222222 and Healthy", "Synced", "Healthy", MERGE, "successfully synced (all tasks run)"));
        assertThat(evaluation.refresh()).isEmpty();
    }

    @Test
    void aLaterCommitPasses() {
        assertThat(running(SHOP, found(new State().revision(LATER))).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void anEarlierRevisionWaitsAndAsksForARefresh() {
        Evaluation evaluation = running(SHOP, found(new State().revision(BEFORE)));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(evaluation.evidence().get(0).reason())
                .isEqualTo("Argo CD compares it with 111111111111, not yet with the merge 222222222222 or a later commit");
        assertThat(evaluation.refresh()).containsExactly(SHOP);
    }

    @Test
    void aRevisionGitDoesNotKnowIsNotTheMerge() {
        assertThat(running(SHOP, found(new State().revision("rev1"))).verdict()).isEqualTo(Verdict.WAITING);
    }

    @Test
    void aRunningSyncWaitsWithoutRefresh() {
        Evaluation requested = running(SHOP, found(new State().operationRequested()));
        Evaluation running = running(SHOP, found(new State().phase(OperationPhase.RUNNING, "one or more tasks are running")));

        assertThat(requested.evidence().get(0).reason()).isEqualTo("a sync is running: successfully synced (all tasks run)");
        assertThat(running.evidence().get(0).reason()).isEqualTo("a sync is running: one or more tasks are running");
        assertThat(List.of(requested, running)).allSatisfy(e -> {
            assertThat(e.verdict()).isEqualTo(Verdict.WAITING);
            assertThat(e.refresh()).isEmpty();
        });
    }

    @Test
    void healthReconciledBeforeTheLastSyncFinishedIsStale() {
        Evaluation evaluation = running(SHOP, found(new State().reconciledAt(FINISHED.minusSeconds(1))));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(evaluation.evidence().get(0).reason()).isEqualTo("its health is stale: Argo CD last reconciled it at "
                + "2026-11-23T09:59:59Z, before the last sync finished at 2026-11-23T10:00:00Z");
        assertThat(evaluation.refresh()).containsExactly(SHOP);
    }

    @Test
    void healthReconciledTheSameSecondTheSyncFinishedIsFresh() {
        assertThat(running(SHOP, found(new State().reconciledAt(FINISHED))).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void anAppNeverReconciledWaitsForARefresh() {
        Evaluation evaluation = running(SHOP, found(new State().neverReconciled()));

        assertThat(evaluation.evidence().get(0).reason()).isEqualTo("Argo CD has not reconciled it yet");
        assertThat(evaluation.refresh()).containsExactly(SHOP);
    }

    @Test
    void staleDegradedIsNoFailure() {
        Evaluation evaluation = running(SHOP, found(new State().health(Health.DEGRADED).reconciledAt(FINISHED.minusSeconds(5))));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
    }

    @Test
    void degradedBeforeArgoCdSawTheMergeIsNoFailure() {
        Evaluation evaluation = running(SHOP, found(new State().health(Health.DEGRADED).revision(BEFORE)));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
    }

    @Test
    void degradedAtTheMergeFails() {
        Evaluation evaluation = running(SHOP, found(new State().health(Health.DEGRADED).sync(SyncStatus.OUT_OF_SYNC)));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(evaluation.summary()).isEqualTo("prod-euw-03-shop (Degraded at 222222222222)");
    }

    @Test
    void aFailedSyncOfTheMergeFails() {
        Evaluation evaluation = running(SHOP, found(new State().sync(SyncStatus.OUT_OF_SYNC)
                .phase(OperationPhase.FAILED, "one or more objects failed to apply")));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(evaluation.evidence().get(0).reason())
                .isEqualTo("the sync of 222222222222 ended Failed: one or more objects failed to apply");
    }

    @Test
    void aFailedSyncOfAnEarlierCommitWaitsForTheSyncOfTheMerge() {
        Evaluation evaluation = running(SHOP, found(new State().sync(SyncStatus.OUT_OF_SYNC).syncedBy(BEFORE)
                .phase(OperationPhase.ERROR, "ComparisonError")));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(evaluation.evidence().get(0).reason())
                .isEqualTo("the last sync ended Error (ComparisonError), but it was not a sync of the merge; waiting for one");
    }

    @Test
    void outOfSyncWaits() {
        Evaluation evaluation = running(SHOP, found(new State().sync(SyncStatus.OUT_OF_SYNC).health(Health.MISSING)));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(evaluation.evidence().get(0).reason()).isEqualTo("OutOfSync at 222222222222");
    }

    @ParameterizedTest
    @EnumSource(value = Health.class, names = {"PROGRESSING", "SUSPENDED", "MISSING", "UNKNOWN"})
    void everyHealthButHealthyAndDegradedWaits(Health health) {
        Evaluation evaluation = running(SHOP, found(new State().health(health)));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(evaluation.evidence().get(0).reason()).isEqualTo(health.toString());
    }

    @Test
    void anAppWithNoSourceInTheFleetRepoCannotBeJudgedAndWaits() {
        Evaluation evaluation = running(SHOP, found(new State().sources(
                new SourceRevision("https://charts.example.com", "1.2.3"))));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(evaluation.evidence().get(0).reason()).isEqualTo("none of its sources is the fleet repo " + FLEET
                + ", so Drover cannot tell which commit it runs");
    }

    @Test
    void aMultiSourceAppNeedsEveryFleetRepoSourceAtTheMergeAndIgnoresTheOthers() {
        SourceRevision chart = new SourceRevision("https://kubernetes.github.io/ingress-nginx", "4.11.3");
        SourceRevision values = new SourceRevision("git@github.com:example/fleet", MERGE);
        SourceRevision moreValues = new SourceRevision("https://github.com/Example/fleet/", LATER);
        SourceRevision oldValues = new SourceRevision(FLEET, BEFORE);

        Evaluation atMerge = running(NGINX, found(new State().sources(chart, values, moreValues)));
        Evaluation oneBehind = running(NGINX, found(new State().sources(chart, values, oldValues)));

        assertThat(atMerge.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(atMerge.evidence().get(0).revision()).isEqualTo(MERGE + ", " + LATER);
        assertThat(oneBehind.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(oneBehind.refresh()).containsExactly(NGINX);
    }

    @Test
    void anAppBeingDeletedIsNotRunningTheMerge() {
        Evaluation evaluation = running(SHOP, found(new State().deleting(FINISHED)));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(evaluation.evidence().get(0).reason()).isEqualTo("being deleted since 2026-11-23T10:00:00Z");
    }

    @Test
    void anAppNotGeneratedYetWaits() {
        Evaluation evaluation = running(SHOP, new Observation.Absent());

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(evaluation.evidence()).containsExactly(new AppEvidence("prod-euw-03-shop", "prod-euw-03", Verdict.WAITING,
                "not generated yet by ApplicationSet shop", "", "", "", ""));
    }

    @Test
    void anUnreadableAnswerWaitsWithItsReasonAndAnAppNotLookedUpToo() {
        Evaluation evaluation = GateEvaluation.evaluate(new AffectedApplications(List.of(SHOP, NGINX), List.of(), List.of()),
                Map.of(SHOP.name(), new Observation.Unreadable("Argo CD answered 502 about prod-euw-03-shop: bad gateway")),
                MERGE, FLEET, HISTORY);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(evaluation.summary()).isEqualTo("waiting for 2 of 2 applications: prod-euw-03-shop (Argo CD answered 502 "
                + "about prod-euw-03-shop: bad gateway); prod-euw-03-ingress-nginx (Drover did not look it up)");
    }

    @Test
    void aNameDroverCannotRenderWaitsWithoutBeingLookedUp() {
        ExpectedApplication unnamed = app("{{values.team}}-shop", "shop");

        Evaluation evaluation = running(unnamed, found(new State()));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(evaluation.evidence().get(0).reason()).isEqualTo(
                "ApplicationSet shop names it with a template parameter Drover cannot render, so Drover cannot look it up");
    }

    @Test
    void aRetiredAppPassesOnlyOnceArgoCdSaysItIsGone() {
        assertThat(gone(SHOP, new Observation.Absent()).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(gone(SHOP, new Observation.Absent()).summary()).isEqualTo("1 application gone");

        Evaluation deleting = gone(SHOP, found(new State().deleting(FINISHED)));
        assertThat(deleting.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(deleting.evidence().get(0).reason()).isEqualTo("being deleted since 2026-11-23T10:00:00Z; "
                + "its finalizers are still removing the cluster's resources");

        Evaluation present = gone(SHOP, found(new State()));
        assertThat(present.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(present.evidence().get(0).reason()).isEqualTo("still present; ApplicationSet shop deletes it once it no "
                + "longer generates it, unless its syncPolicy keeps applications (applicationsSync create-only or create-update)");

        assertThat(gone(SHOP, new Observation.Unreadable("cannot reach Argo CD")).verdict()).isEqualTo(Verdict.WAITING);
    }

    @Test
    void aTouchedClusterTheFleetDoesNotDefineFails() {
        Evaluation evaluation = GateEvaluation.evaluate(new AffectedApplications(List.of(), List.of(), List.of("prod-euw-09")),
                Map.of(), MERGE, FLEET, HISTORY);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(evaluation.summary())
                .isEqualTo("the fleet has no cluster prod-euw-09, which the step touches, so Drover cannot name its applications");
    }

    @Test
    void nothingToWaitForPassesAndSaysSo() {
        Evaluation evaluation = GateEvaluation.evaluate(new AffectedApplications(List.of(), List.of(), List.of()), Map.of(),
                MERGE, FLEET, HISTORY);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(evaluation.summary()).isEqualTo("no ApplicationSet generates an application for the clusters the step touches");
    }

    @Test
    void aFailureOutweighsWaitingAndTheSummaryNamesAtMostThree() {
        List<ExpectedApplication> apps = new ArrayList<>();
        java.util.Map<String, Observation> seen = new java.util.HashMap<>();
        for (int i = 1; i <= 5; i++) {
            ExpectedApplication app = app("app-" + i, "set");
            apps.add(app);
            seen.put(app.name(), found(new State().health(i == 5 ? Health.PROGRESSING : Health.DEGRADED)));
        }

        Evaluation evaluation = GateEvaluation.evaluate(new AffectedApplications(apps, List.of(), List.of()), seen, MERGE, FLEET,
                HISTORY);

        assertThat(evaluation.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(evaluation.summary()).isEqualTo("app-1 (Degraded at 222222222222); app-2 (Degraded at 222222222222); "
                + "app-3 (Degraded at 222222222222); and 1 more");
        assertThat(evaluation.evidence()).hasSize(5);
    }

    @Test
    void aResultCarriesTheEvidenceAndTheRetryInterval() {
        Evaluation waiting = running(SHOP, found(new State().health(Health.PROGRESSING)));

        Gate.Result result = waiting.toResult(java.time.Duration.ofSeconds(15));

        assertThat(result).isEqualTo(new Gate.Result.Waiting("waiting for 1 of 1 applications: prod-euw-03-shop (Progressing)",
                java.time.Duration.ofSeconds(15), waiting.evidence()));
    }

    private static Evaluation running(ExpectedApplication app, Observation observation) {
        return GateEvaluation.evaluate(new AffectedApplications(List.of(app), List.of(), List.of()),
                Map.of(app.name(), observation), MERGE, FLEET, HISTORY);
    }

    private static Evaluation gone(ExpectedApplication app, Observation observation) {
        return GateEvaluation.evaluate(new AffectedApplications(List.of(), List.of(app), List.of()),
                Map.of(app.name(), observation), MERGE, FLEET, HISTORY);
    }

    private static ExpectedApplication app(String name, String set) {
        return new ExpectedApplication(name, set, "prod-euw-03", "default", List.of("apps/" + set + "/overlays/prod-euw-03"));
    }

    private static Observation found(State state) {
        return new Observation.Found(state.build());
    }

    /** An application Synced and Healthy at MERGE after a successful sync, reconciled after it; each method changes one thing. */
    private static final class State {
        private Optional<Instant> deletion = Optional.empty();
        private SyncStatus sync = SyncStatus.SYNCED;
        private List<SourceRevision> sources = List.of(new SourceRevision(FLEET, MERGE));
        private Health health = Health.HEALTHY;
        private boolean operationRequested;
        private OperationPhase phase = OperationPhase.SUCCEEDED;
        private String message = "successfully synced (all tasks run)";
        private String syncedBy = MERGE;
        private Optional<Instant> reconciled = Optional.of(FINISHED.plusSeconds(1));

        State revision(String revision) {
            sources = List.of(new SourceRevision(FLEET, revision));
            syncedBy = revision;
            return this;
        }

        State sources(SourceRevision... revisions) {
            sources = List.of(revisions);
            return this;
        }

        State syncedBy(String revision) {
            syncedBy = revision;
            return this;
        }

        State sync(SyncStatus status) {
            sync = status;
            return this;
        }

        State health(Health status) {
            health = status;
            return this;
        }

        State operationRequested() {
            operationRequested = true;
            return this;
        }

        State phase(OperationPhase operationPhase, String operationMessage) {
            phase = operationPhase;
            message = operationMessage;
            return this;
        }

        State reconciledAt(Instant instant) {
            reconciled = Optional.of(instant);
            return this;
        }

        State neverReconciled() {
            reconciled = Optional.empty();
            return this;
        }

        State deleting(Instant since) {
            deletion = Optional.of(since);
            return this;
        }

        ApplicationState build() {
            Optional<Instant> finished = phase.inProgress() ? Optional.empty() : Optional.of(FINISHED);
            return new ApplicationState("app", deletion, sync, sources, health, operationRequested,
                    Optional.of(new LastOperation(phase, message, finished, List.of(new SourceRevision(FLEET, syncedBy)))),
                    reconciled, List.of());
        }
    }
}
