package io.drover.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.drover.gate.AppEvidence;
import io.drover.gate.Gate;
import io.drover.gate.Gate.Result;
import io.drover.gate.Verdict;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.planning.Plan;
import io.drover.planning.Step;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import io.drover.testing.StepHistory;
import io.drover.testing.argocd.ApplicationJson;
import io.drover.testing.argocd.StubArgoCd;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Argo CD gate against a stub Argo CD whose every request and answer is checked against Argo
 * CD's swagger, on the example fleet's blue/green plan, with the merge in a real Git history.
 */
class ArgoCdGateTest {

    private static final String FLEET_REPO = "https://github.com/example/fleet.git";
    private static final Duration RECHECK = Duration.ofSeconds(15);
    /** The default timeout: the stub checks each answer against the swagger before sending it, slowly on a busy machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Longer than the impatient gate's timeout of 2 s, which is long enough for the other answers on a busy machine. */
    private static final Duration NEVER_IN_TIME = Duration.ofSeconds(6);
    private static final List<String> EUW03_APPS = List.of(
            "prod-euw-03-ingress-nginx", "prod-euw-03-recommendations", "prod-euw-03-shop");

    private static final Map<Integer, FleetFiles> STATES = new ConcurrentHashMap<>();
    private static final Map<Integer, Fleet> FLEETS = new ConcurrentHashMap<>();

    private static FleetFiles files;
    private static FullPlan plan;
    private static StubArgoCd argoCd;

    @TempDir
    Path temp;

    @BeforeAll
    static void planAndStart() throws Exception {
        files = ExampleFleet.files();
        plan = Planning.plan(files);
        argoCd = new StubArgoCd();
        argoCd.start();
    }

    @AfterAll
    static void stop() {
        argoCd.stop();
    }

    @BeforeEach
    void noAppsYet() {
        argoCd.reset();
    }

    @AfterEach
    void contractHeld() {
        argoCd.assertValidationPassed();
    }

    @Test
    void enrollPassesWhenEveryGeneratedAppRunsTheMergeSyncedAndHealthy() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.merge())));

            Result result = gate().check(request("enroll-prod-euw-03", history));

            assertThat(result).isInstanceOf(Result.Passed.class);
            assertThat(((Result.Passed) result).detail())
                    .isEqualTo("3 applications Synced at " + history.merge().substring(0, 12) + " (or a later commit) and Healthy");
            assertThat(result.evidence()).extracting(AppEvidence::application, AppEvidence::cluster, AppEvidence::verdict,
                            AppEvidence::syncStatus, AppEvidence::health, AppEvidence::revision)
                    .containsExactlyElementsOf(EUW03_APPS.stream().map(name -> tuple(
                            name, "prod-euw-03", Verdict.PASSED, "Synced", "Healthy", history.merge())).toList());
            assertThat(argoCd.requests("prod-euw-03-shop")).singleElement().satisfies(r -> {
                assertThat(r.queryParameter("projects").values()).containsExactly("default");
                assertThat(r.queryParameter("refresh").isPresent()).isFalse();
            });
            assertThat(EUW03_APPS).allSatisfy(name -> assertThat(argoCd.refreshRequests(name)).isZero());
        }
    }

    @Test
    void aLaterCommitOnMainCountsAsTheMerge() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.later())));

            assertThat(gate().check(request("enroll-prod-euw-03", history))).isInstanceOf(Result.Passed.class);
        }
    }

    @Test
    void progressingWaitsThenHealthyPasses() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.merge())));
            argoCd.serve("prod-euw-03-shop", app("prod-euw-03-shop", history.merge()).health("Progressing"));
            Gate.Request request = request("enroll-prod-euw-03", history);

            Result first = gate().check(request);

            assertThat(first).isInstanceOf(Result.Waiting.class);
            assertThat(((Result.Waiting) first).reason()).isEqualTo("waiting for 1 of 3 applications: prod-euw-03-shop (Progressing)");
            assertThat(((Result.Waiting) first).retryAfter()).isEqualTo(RECHECK);
            assertThat(argoCd.refreshRequests("prod-euw-03-shop")).isZero();

            argoCd.serve("prod-euw-03-shop", app("prod-euw-03-shop", history.merge()));
            assertThat(gate().check(request)).isInstanceOf(Result.Passed.class);
        }
    }

    @Test
    void syncedAndHealthyAtTheCommitBeforeTheMergeDoesNotPassAndAsksForARefresh() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.before())));

            Result result = gate().check(request("enroll-prod-euw-03", history));

            assertThat(result).isInstanceOf(Result.Waiting.class);
            assertThat(((Result.Waiting) result).reason()).contains("prod-euw-03-ingress-nginx (Argo CD compares it with "
                    + history.before().substring(0, 12) + ", not yet with the merge " + history.merge().substring(0, 12))
                    .endsWith("(Drover asked Argo CD to refresh " + String.join(", ", EUW03_APPS) + ")");
            assertThat(result.evidence()).extracting(AppEvidence::revision).containsOnly(history.before());
            assertThat(EUW03_APPS).allSatisfy(name -> assertThat(argoCd.refreshRequests(name)).isEqualTo(1));
        }
    }

    @Test
    void aRefreshThatShowsTheMergePassesAtOnce() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            for (String name : EUW03_APPS) {
                argoCd.serve(name, app(name, history.before()));
                argoCd.afterRefresh(name, app(name, history.merge()));
            }

            assertThat(gate().check(request("enroll-prod-euw-03", history))).isInstanceOf(Result.Passed.class);
            assertThat(EUW03_APPS).allSatisfy(name -> assertThat(argoCd.refreshRequests(name)).isEqualTo(1));
        }
    }

    @Test
    void healthReconciledBeforeTheSyncFinishedIsStaleUntilARefreshBringsItUpToDate() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            Instant finished = Instant.parse("2026-11-23T10:00:00Z");
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.merge())));
            ApplicationJson stale = app("prod-euw-03-shop", history.merge()).finishedAt(finished).reconciledAt(finished.minusSeconds(30));
            argoCd.serve("prod-euw-03-shop", stale);
            Gate.Request request = request("enroll-prod-euw-03", history);

            Result whileStale = gate().check(request);

            assertThat(whileStale).isInstanceOf(Result.Waiting.class);
            assertThat(((Result.Waiting) whileStale).reason()).contains("prod-euw-03-shop (its health is stale: Argo CD last "
                    + "reconciled it at 2026-11-23T09:59:30Z, before the last sync finished at 2026-11-23T10:00:00Z)");
            assertThat(argoCd.refreshRequests("prod-euw-03-shop")).isEqualTo(1);
            assertThat(argoCd.refreshRequests("prod-euw-03-recommendations")).isZero();

            argoCd.afterRefresh("prod-euw-03-shop", app("prod-euw-03-shop", history.merge()).finishedAt(finished)
                    .reconciledAt(finished.plusSeconds(2)));
            assertThat(gate().check(request)).isInstanceOf(Result.Passed.class);
            assertThat(argoCd.refreshRequests("prod-euw-03-shop")).isEqualTo(2);
        }
    }

    @Test
    void anAppTheApplicationSetHasNotGeneratedYetIsWaitedForNotFailed() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            argoCd.serve("prod-euw-03-ingress-nginx", app("prod-euw-03-ingress-nginx", history.merge()));
            argoCd.serve("prod-euw-03-shop", app("prod-euw-03-shop", history.merge()));
            argoCd.remove("prod-euw-03-recommendations");
            Gate.Request request = request("enroll-prod-euw-03", history);

            Result result = gate().check(request);

            assertThat(result).isInstanceOf(Result.Waiting.class);
            assertThat(((Result.Waiting) result).reason()).isEqualTo("waiting for 1 of 3 applications: "
                    + "prod-euw-03-recommendations (not generated yet by ApplicationSet recommendations)");

            argoCd.serve("prod-euw-03-recommendations", app("prod-euw-03-recommendations", history.merge()));
            assertThat(gate().check(request)).isInstanceOf(Result.Passed.class);
        }
    }

    @Test
    void addClusterWaitsForTheClustersOwnApplication() throws Exception {
        try (StepHistory history = history("add-prod-euw-03")) {
            argoCd.serve("cluster-prod-euw-03", app("cluster-prod-euw-03", history.merge()).health("Progressing"));

            Result result = gate().check(request("add-prod-euw-03", history));

            assertThat(result.evidence()).extracting(AppEvidence::application, AppEvidence::cluster, AppEvidence::health)
                    .containsExactly(tuple("cluster-prod-euw-03", "prod-euw-03", "Progressing"));
            assertThat(result).isInstanceOf(Result.Waiting.class);
        }
    }

    @Test
    void retireWaitsWhileTheAppsAreDeletingAndPassesOnceArgoCdSaysTheyAreGone() throws Exception {
        try (StepHistory history = history("retire-prod-euw-01")) {
            List<String> apps = List.of("cluster-prod-euw-01", "prod-euw-01-ingress-nginx", "prod-euw-01-recommendations",
                    "prod-euw-01-shop");
            Instant since = Instant.parse("2026-11-23T11:00:00Z");
            apps.forEach(name -> argoCd.serve(name, app(name, history.before()).deleting(since)));
            Gate.Request request = request("retire-prod-euw-01", history);

            Result deleting = gate().check(request);

            assertThat(deleting).isInstanceOf(Result.Waiting.class);
            assertThat(deleting.evidence()).extracting(AppEvidence::application).containsExactlyElementsOf(apps);
            assertThat(deleting.evidence()).allSatisfy(e -> assertThat(e.reason()).startsWith("being deleted since 2026-11-23T11:00:00Z"));

            apps.subList(0, 3).forEach(argoCd::remove);
            assertThat(gate().check(request)).isInstanceOf(Result.Waiting.class);

            argoCd.remove("prod-euw-01-shop");
            Result gone = gate().check(request);
            assertThat(gone).isInstanceOf(Result.Passed.class);
            assertThat(((Result.Passed) gone).detail()).isEqualTo("4 applications gone");
        }
    }

    @Test
    void aNotFoundThatIsNotArgoCdsOwnNeverCountsAsGone() throws Exception {
        try (StepHistory history = history("retire-prod-euw-01")) {
            List.of("cluster-prod-euw-01", "prod-euw-01-ingress-nginx", "prod-euw-01-recommendations", "prod-euw-01-shop")
                    .forEach(argoCd::notArgoCd);

            Result result = gate().check(request("retire-prod-euw-01", history));

            assertThat(result).isInstanceOf(Result.Waiting.class);
            assertThat(result.evidence()).allSatisfy(e -> assertThat(e.reason())
                    .contains("without saying that the application does not exist (<html><head><title>404 Not Found</title>")
                    .contains("is drover.argocd.url " + argoCd.url() + " Argo CD's API server?"));
        }
    }

    @Test
    void aMultiSourceAppIsJudgedByItsFleetRepoSourceOnly() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.merge())));
            String chartRepo = "https://kubernetes.github.io/ingress-nginx";
            argoCd.serve("prod-euw-03-ingress-nginx", app("prod-euw-03-ingress-nginx", history.merge())
                    .multiSource(chartRepo, "4.11.3", FLEET_REPO, "apps/ingress-nginx/overlays/prod-euw-03", history.merge()));
            Gate.Request request = request("enroll-prod-euw-03", history);

            Result atMerge = gate().check(request);

            assertThat(atMerge).isInstanceOf(Result.Passed.class);
            assertThat(atMerge.evidence().get(0).revision()).isEqualTo(history.merge());

            ApplicationJson valuesBehind = app("prod-euw-03-ingress-nginx", history.merge())
                    .multiSource(chartRepo, "4.11.3", FLEET_REPO, "apps/ingress-nginx/overlays/prod-euw-03", history.before());
            argoCd.serve("prod-euw-03-ingress-nginx", valuesBehind);
            Result behind = gate().check(request);

            assertThat(behind).isInstanceOf(Result.Waiting.class);
            assertThat(((Result.Waiting) behind).reason()).contains("prod-euw-03-ingress-nginx (Argo CD compares it with "
                    + history.before().substring(0, 12));
        }
    }

    @Test
    void degradedFailsWithTheEvidenceOfEveryApp() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.merge())));
            argoCd.serve("prod-euw-03-shop", app("prod-euw-03-shop", history.merge()).health("Degraded")
                    .condition("SyncError", "Deployment shop: Progress deadline exceeded"));

            Result result = gate().check(request("enroll-prod-euw-03", history));

            assertThat(result).isInstanceOf(Result.Failed.class);
            assertThat(((Result.Failed) result).reason())
                    .isEqualTo("prod-euw-03-shop (Degraded at " + history.merge().substring(0, 12) + ")");
            assertThat(result.evidence()).hasSize(3);
            assertThat(result.evidence()).filteredOn(e -> e.verdict() == Verdict.FAILED).singleElement()
                    .isEqualTo(new AppEvidence("prod-euw-03-shop", "prod-euw-03", Verdict.FAILED,
                            "Degraded at " + history.merge().substring(0, 12), "Synced", "Degraded", history.merge(),
                            "SyncError: Deployment shop: Progress deadline exceeded; successfully synced (all tasks run)"));
        }
    }

    @Test
    void argoCdFailingWaitsAndSaysWhy() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.merge())));
            argoCd.fail("prod-euw-03-shop", 503, 14, "connection error: desc = \"transport: Error while dialing\"");

            Result result = gate().check(request("enroll-prod-euw-03", history));

            assertThat(result).isInstanceOf(Result.Waiting.class);
            assertThat(((Result.Waiting) result).reason()).isEqualTo("waiting for 1 of 3 applications: prod-euw-03-shop "
                    + "(Argo CD answered 503 about prod-euw-03-shop: connection error: desc = \"transport: Error while dialing\")");
        }
    }

    @Test
    void aTokenArgoCdRefusesWaitsAndSaysWhichSetting() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.merge())));
            ArgoCdGate wrongToken = gate(argoCd.url(), "expired", false, Optional.empty(), PATIENCE);

            Result result = wrongToken.check(request("enroll-prod-euw-03", history));

            assertThat(result).isInstanceOf(Result.Waiting.class);
            assertThat(result.evidence()).allSatisfy(e -> assertThat(e.reason()).isEqualTo("Argo CD refused Drover's token "
                    + "(401: invalid session: token signature is invalid); set drover.argocd.token to a valid API token"));
        }
    }

    @Test
    void anArgoCdThatDoesNotAnswerInTimeWaitsAndCostsOneTimeoutNotOnePerApp() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.delay(name, app(name, history.merge()), NEVER_IN_TIME));

            long start = System.nanoTime();
            Result result = impatient().check(request("enroll-prod-euw-03", history));
            long millis = (System.nanoTime() - start) / 1_000_000;

            System.out.printf("gate check, 3 applications, none answering, timeout 2 s: %d ms%n", millis);
            assertThat(result).isInstanceOf(Result.Waiting.class);
            assertThat(result.evidence()).extracting(AppEvidence::reason).containsOnly(
                    "Argo CD at " + argoCd.url() + " did not answer within 2s (drover.argocd.timeout)");
        }
    }

    @Test
    void aRefreshArgoCdDoesNotAnswerInTimeWaits() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.merge())));
            argoCd.serve("prod-euw-03-shop", app("prod-euw-03-shop", history.before()));
            argoCd.afterRefresh("prod-euw-03-shop", app("prod-euw-03-shop", history.merge()), NEVER_IN_TIME);

            Result result = impatient().check(request("enroll-prod-euw-03", history));

            assertThat(result).isInstanceOf(Result.Waiting.class);
            assertThat(((Result.Waiting) result).reason()).isEqualTo("waiting for 1 of 3 applications: prod-euw-03-shop "
                    + "(Drover asked Argo CD to refresh prod-euw-03-shop and it did not answer within 2s "
                    + "(drover.argocd.timeout)) (Drover asked Argo CD to refresh prod-euw-03-shop)");
        }
    }

    @Test
    void anAnswerThatIsNotJsonWaits() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.merge())));
            argoCd.garble("prod-euw-03-shop");

            Result result = gate().check(request("enroll-prod-euw-03", history));

            assertThat(result).isInstanceOf(Result.Waiting.class);
            assertThat(result.evidence()).filteredOn(e -> e.verdict() == Verdict.WAITING).singleElement()
                    .extracting(AppEvidence::reason).asString()
                    .startsWith("Argo CD's answer about prod-euw-03-shop is unreadable: not JSON: Unexpected character ('<'");
        }
    }

    @Test
    void aSelfSignedCertificateIsTrustedOnlyWhenInsecureIsSet() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.merge())));
            Gate.Request request = request("enroll-prod-euw-03", history);

            Result checked = overHttps(false).check(request);

            assertThat(checked).isInstanceOf(Result.Waiting.class);
            assertThat(checked.evidence()).allSatisfy(e -> assertThat(e.reason())
                    .startsWith("no trusted TLS connection to Argo CD at " + argoCd.httpsUrl())
                    .endsWith("for a dev server with a self-signed certificate set drover.argocd.insecure=true"));
            assertThat(overHttps(true).check(request)).isInstanceOf(Result.Passed.class);
        }
    }

    @Test
    void theAppNamespaceIsSentWhenSet() throws Exception {
        try (StepHistory history = history("enroll-prod-euw-03")) {
            EUW03_APPS.forEach(name -> argoCd.serve(name, app(name, history.merge())));
            ArgoCdGate namespaced = gate(argoCd.url(), StubArgoCd.TOKEN, false, Optional.of("fleet-apps"), PATIENCE);

            assertThat(namespaced.check(request("enroll-prod-euw-03", history))).isInstanceOf(Result.Passed.class);
            assertThat(argoCd.requests("prod-euw-03-shop")).singleElement()
                    .satisfies(r -> assertThat(r.queryParameter("appNamespace").values()).containsExactly("fleet-apps"));
        }
    }

    private ArgoCdGate gate() {
        return gate(argoCd.url(), StubArgoCd.TOKEN, false, Optional.empty(), PATIENCE);
    }

    private ArgoCdGate impatient() {
        return gate(argoCd.url(), StubArgoCd.TOKEN, false, Optional.empty(), Duration.ofSeconds(2));
    }

    private ArgoCdGate overHttps(boolean insecure) {
        return gate(argoCd.httpsUrl(), StubArgoCd.TOKEN, insecure, Optional.empty(), PATIENCE);
    }

    private static ArgoCdGate gate(String url, String token, boolean insecure, Optional<String> appNamespace, Duration timeout) {
        return new ArgoCdGate(new ArgoCdClient(new ArgoCdSettings(URI.create(url), token, insecure, appNamespace, timeout,
                RECHECK)), FLEET_REPO, RECHECK);
    }

    /** The example's history around the step: the fleet before it, its merge, a later commit. */
    private StepHistory history(String stepId) throws Exception {
        int index = indexOf(stepId);
        return StepHistory.of(temp.resolve("origin.git"), state(index), state(index + 1));
    }

    private static Gate.Request request(String stepId, StepHistory history) {
        int index = indexOf(stepId);
        Step step = plan.steps().get(index);
        return new Gate.Request("production-1-31", step.id(), step.kind(), step.clusters(), history.merge(),
                fleet(index), fleet(index + 1), history.ancestry());
    }

    /** The example after the first k steps of its plan. */
    private static FleetFiles state(int k) {
        return STATES.computeIfAbsent(k, n -> Planning.afterSteps(files, plan, n));
    }

    private static Fleet fleet(int k) {
        return FLEETS.computeIfAbsent(k, n -> ExampleFleet.read(state(n)));
    }

    private static int indexOf(String stepId) {
        List<String> ids = plan.steps().stream().map(Step::id).toList();
        assertThat(ids).contains(stepId);
        return ids.indexOf(stepId);
    }

    /** The app as its ApplicationSet generates it on the example fleet, synced and healthy at the revision. */
    private static ApplicationJson app(String name, String revision) {
        String cluster = name.startsWith("cluster-") ? name.substring("cluster-".length()) : name.substring(0, "prod-euw-03".length());
        String set = name.startsWith("cluster-") ? "cluster-definitions" : name.substring(cluster.length() + 1);
        String path = name.startsWith("cluster-") ? "clusters/" + cluster : "apps/" + set + "/overlays/" + cluster;
        return ApplicationJson.generated(name, set.equals("ingress-nginx") ? "platform" : set, cluster, FLEET_REPO, path, revision);
    }
}
