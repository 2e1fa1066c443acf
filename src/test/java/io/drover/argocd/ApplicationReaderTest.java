package io.drover.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.gate.ApplicationState;
import io.drover.gate.ApplicationState.Health;
import io.drover.gate.ApplicationState.LastOperation;
import io.drover.gate.ApplicationState.OperationPhase;
import io.drover.gate.ApplicationState.SourceRevision;
import io.drover.gate.ApplicationState.SyncStatus;
import io.drover.testing.argocd.ApplicationJson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading Argo CD's Application JSON: the real example as it is, scenario variants, and what is refused. */
class ApplicationReaderTest {

    private static final String FLEET = "https://github.com/example/fleet.git";
    private static final String MERGE = "2222222222222222222222222222222222222222";

    @Test
    void readsArgoCdsOwnExampleAsItIs() throws Exception {
        String example;
        try (InputStream in = getClass().getResourceAsStream("/contracts/argocd/examples/application.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        ApplicationState state = ApplicationReader.read(example);

        assertThat(state).isEqualTo(new ApplicationState("velero-test", Optional.empty(), SyncStatus.SYNCED,
                List.of(new SourceRevision("https://github.com/foo/manifests-velero.git", "rev1")), Health.HEALTHY, false,
                Optional.of(new LastOperation(OperationPhase.SUCCEEDED, "successfully synced (all tasks run)",
                        Optional.of(Instant.parse("2024-03-05T07:33:04Z")),
                        List.of(new SourceRevision("https://github.com/foo/manifests-velero.git",
                                "ea8759964626a583667a2bfd08f334ec2070040a")))),
                Optional.of(Instant.parse("2024-03-05T07:33:04Z")), List.of()));
    }

    @Test
    void pairsEachRevisionOfAMultiSourceAppWithItsSource() throws Exception {
        ApplicationState state = ApplicationReader.read(app().multiSource("https://kubernetes.github.io/ingress-nginx", "4.11.3",
                FLEET, "apps/ingress-nginx/overlays/prod-euw-03", MERGE).json());

        List<SourceRevision> expected = List.of(new SourceRevision("https://kubernetes.github.io/ingress-nginx", "4.11.3"),
                new SourceRevision(FLEET, MERGE));
        assertThat(state.syncedRevisions()).isEqualTo(expected);
        assertThat(state.lastOperation().orElseThrow().revisions()).isEqualTo(expected);
    }

    @Test
    void readsARunningSyncDeletionAndConditions() throws Exception {
        ApplicationState state = ApplicationReader.read(app().syncRunning("waiting for healthy state of apps/Deployment/shop")
                .deleting(Instant.parse("2026-11-23T11:00:00Z")).condition("SyncError", "Failed sync attempt").json());

        assertThat(state.operationRequested()).isTrue();
        assertThat(state.lastOperation().orElseThrow().phase()).isEqualTo(OperationPhase.RUNNING);
        assertThat(state.lastOperation().orElseThrow().finishedAt()).isEmpty();
        assertThat(state.deletionTimestamp()).contains(Instant.parse("2026-11-23T11:00:00Z"));
        assertThat(state.conditions()).containsExactly("SyncError: Failed sync attempt");
    }

    @Test
    void aStatusValueDroverDoesNotKnowIsUnknown() throws Exception {
        ApplicationState state = ApplicationReader.read(app().health("Exploded").sync("Sideways").lastSync("Paused", "").json());

        assertThat(state.health()).isEqualTo(Health.UNKNOWN);
        assertThat(state.syncStatus()).isEqualTo(SyncStatus.UNKNOWN);
        assertThat(state.lastOperation().orElseThrow().phase()).isEqualTo(OperationPhase.UNKNOWN);
    }

    @Test
    void aNewAppWithoutStatusReadsAsNothingKnownYet() throws Exception {
        ApplicationState state = ApplicationReader.read("{\"metadata\": {\"name\": \"prod-euw-03-shop\"}, \"spec\": {}}");

        assertThat(state).isEqualTo(new ApplicationState("prod-euw-03-shop", Optional.empty(), SyncStatus.UNKNOWN, List.of(),
                Health.UNKNOWN, false, Optional.empty(), Optional.empty(), List.of()));
    }

    @Test
    void refusesWhatItCannotReadAndSaysWhere() {
        assertUnreadable("<html>", "not JSON: Unexpected character ('<' (code 60))");
        assertUnreadable("[]", "not a JSON object");
        assertUnreadable("{\"metadata\": {}}", "no metadata.name");
        assertUnreadable("{\"metadata\": {\"name\": \"a\"}, \"status\": \"Healthy\"}", "status is STRING, not an object");
        assertUnreadable("{\"metadata\": {\"name\": \"a\"}, \"status\": {\"health\": {\"status\": 3}}}",
                "status.health.status is NUMBER, not a string");
        assertUnreadable("{\"metadata\": {\"name\": \"a\"}, \"status\": {\"sync\": {\"revisions\": \"abc\"}}}",
                "status.sync.revisions is STRING, not an array");
        assertUnreadable("{\"metadata\": {\"name\": \"a\", \"deletionTimestamp\": \"yesterday\"}}",
                "metadata.deletionTimestamp is 'yesterday', not an RFC 3339 time");
    }

    private static void assertUnreadable(String json, String message) {
        assertThatThrownBy(() -> ApplicationReader.read(json)).isInstanceOf(ApplicationReader.UnreadableApplication.class)
                .hasMessageStartingWith(message);
    }

    private static ApplicationJson app() {
        return ApplicationJson.generated("prod-euw-03-shop", "shop", "prod-euw-03", FLEET, "apps/shop/overlays/prod-euw-03", MERGE);
    }
}
