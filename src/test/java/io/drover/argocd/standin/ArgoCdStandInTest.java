package io.drover.argocd.standin;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.fleet.FleetReader;
import io.drover.forge.local.LocalRepository;
import io.drover.gate.ApplicationState;
import io.drover.gate.ApplicationState.Health;
import io.drover.gate.ApplicationState.SyncStatus;
import io.drover.gate.Observation;
import io.drover.model.ExpectedApplication;
import io.drover.model.Fleet;
import io.drover.testing.ExampleFleet;
import io.drover.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in derives the example's Applications at each revision and moves them through a sync on the clock. */
class ArgoCdStandInTest {

    private static final PersonIdent SOMEONE = new PersonIdent("Someone", "someone@fleet.example", Instant.parse("2026-11-24T09:00:00Z"),
            ZoneOffset.UTC);
    private static final StandInTiming TIMING = new StandInTiming(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5),
            Duration.ofSeconds(2));

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private LocalRepository origin;
    private ArgoCdStandIn argoCd;
    private Fleet fleet;

    @BeforeEach
    void setUp() throws Exception {
        origin = LocalRepository.create(tmp.resolve("origin.git"), "main");
        origin.commit("main", ExampleFleet.files().asMap(), "Fleet as it is today", SOMEONE);
        fleet = FleetReader.read(ExampleFleet.files());
        argoCd = new ArgoCdStandIn(origin.repository(), "main", origin.url(), clock, TIMING);
    }

    @AfterEach
    void tearDown() {
        origin.close();
    }

    @Test
    void whatRunsAtTheStartIsSyncedAndHealthyAtTheTip() throws Exception {
        List<ExpectedApplication> apps = fleet.expectedApplications(fleet.cluster("prod-euw-01").orElseThrow());

        Map<String, Observation> seen = argoCd.look(apps);

        assertThat(apps).extracting(ExpectedApplication::name).contains("prod-euw-01-shop");
        assertThat(seen.values()).allSatisfy(o -> {
            ApplicationState state = ((Observation.Found) o).state();
            assertThat(state.syncStatus()).isEqualTo(SyncStatus.SYNCED);
            assertThat(state.health()).isEqualTo(Health.HEALTHY);
            assertThat(state.syncedRevisions().get(0).revision()).isEqualTo(origin.tip("main").orElseThrow().name());
        });
    }

    @Test
    void aNewRevisionIsComparedThenSyncedThenProgressingThenHealthy() throws Exception {
        ExpectedApplication shop = app("prod-euw-01", "prod-euw-01-shop");
        argoCd.look(List.of(shop));
        String merge = origin.commit("main", Map.of("README.md", "changed\n"), "A change", SOMEONE).name();

        ApplicationState compared = state(shop);
        clock.advance(Duration.ofSeconds(2));
        ApplicationState syncing = state(shop);
        clock.advance(Duration.ofSeconds(2));
        ApplicationState progressing = state(shop);
        clock.advance(Duration.ofSeconds(2));
        ApplicationState healthy = state(shop);

        assertThat(compared.syncStatus()).isEqualTo(SyncStatus.OUT_OF_SYNC);
        assertThat(compared.syncedRevisions().get(0).revision()).isEqualTo(merge);
        assertThat(syncing.operationRequested()).isTrue();
        assertThat(syncing.lastOperation().orElseThrow().phase()).isEqualTo(ApplicationState.OperationPhase.RUNNING);
        assertThat(progressing.syncStatus()).isEqualTo(SyncStatus.SYNCED);
        assertThat(progressing.health()).isEqualTo(Health.PROGRESSING);
        assertThat(healthy.health()).isEqualTo(Health.HEALTHY);
        assertThat(healthy.lastOperation().orElseThrow().finishedAt()).isPresent();
        assertThat(healthy.reconciledAt().orElseThrow()).isAfterOrEqualTo(healthy.lastOperation().orElseThrow().finishedAt().get());
    }

    @Test
    void labellingAClusterSecretGeneratesItsApplicationsAndRemovingItDeletesThem() throws Exception {
        // Unlabelled, prod-euw-01 gets no app from the ApplicationSets that select env: production.
        String secret = "argocd/clusters/prod-euw-01.yaml";
        String labelled = ExampleFleet.files().read(secret).orElseThrow();
        ExpectedApplication shop = app("prod-euw-01", "prod-euw-01-shop");
        argoCd.look(List.of(shop));
        origin.commit("main", Map.of(secret, labelled.replace("env: production", "env: retired")), "Unlabel", SOMEONE);

        Observation deleting = argoCd.look(List.of(shop)).get(shop.name());
        clock.advance(Duration.ofSeconds(3));
        Observation gone = argoCd.look(List.of(shop)).get(shop.name());
        origin.commit("main", Map.of(secret, labelled), "Label again", SOMEONE);
        Observation generated = argoCd.look(List.of(shop)).get(shop.name());

        assertThat(((Observation.Found) deleting).state().deletionTimestamp()).isPresent();
        assertThat(gone).isInstanceOf(Observation.Absent.class);
        assertThat(((Observation.Found) generated).state().health()).isEqualTo(Health.MISSING);
    }

    @Test
    void aDegradedApplicationReportsDegradedOnceItsNextSyncIsDone() throws Exception {
        ExpectedApplication shop = app("prod-euw-01", "prod-euw-01-shop");
        ExpectedApplication nginx = app("prod-euw-01", "prod-euw-01-ingress-nginx");
        argoCd.look(List.of(shop, nginx));
        argoCd.degrade(shop.name());
        origin.commit("main", Map.of("README.md", "changed\n"), "A change", SOMEONE);
        argoCd.look(List.of(shop, nginx));
        clock.advance(Duration.ofSeconds(6));

        Map<String, Observation> seen = argoCd.look(List.of(shop, nginx));

        assertThat(((Observation.Found) seen.get(shop.name())).state().health()).isEqualTo(Health.DEGRADED);
        assertThat(((Observation.Found) seen.get(nginx.name())).state().health()).isEqualTo(Health.HEALTHY);
    }

    private ApplicationState state(ExpectedApplication app) {
        return ((Observation.Found) argoCd.look(List.of(app)).get(app.name())).state();
    }

    private ExpectedApplication app(String cluster, String name) {
        Map<String, ExpectedApplication> byName = new HashMap<>();
        fleet.expectedApplications(fleet.cluster(cluster).orElseThrow()).forEach(a -> byName.put(a.name(), a));
        return byName.get(name);
    }
}
