package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FleetFiles;
import io.drover.status.AppView;
import io.drover.status.GateView;
import io.drover.status.PauseView;
import io.drover.status.PullRequestLink;
import io.drover.status.RolloutView;
import io.drover.status.StepState;
import io.drover.status.StepView;
import io.drover.testing.ExampleFleet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DashboardTextTest {

    private static final FleetFiles FILES = ExampleFleet.withFleetPolicy(ExampleFleet.defaultPolicyAnyTime());

    @Test
    void theBodyListsEveryStepItsPullRequestTheGateAndThePauseAndEndsWithTheMarker() {
        String body = DashboardText.body(FILES, view(Instant.parse("2026-12-04T03:00:00Z"), "shop is Progressing"));

        assertThat(body).contains("## Rollout `production-1-31` to Kubernetes 1.31",
                "| 1 | `add-prod-euw-03` | add-cluster | gating | [#7](https://github.example/pull/7) |",
                "| 2 | `shift-traffic-10` | shift-traffic | planned | - |",
                "**Paused** by alice: checking alerts",
                "| prod-euw-03-shop | prod-euw-03 | Synced | Progressing | waiting |");
        assertThat(body).endsWith("<!-- drover:dashboard rollout=production-1-31 -->\n");
    }

    @Test
    void anotherPassThatSawTheSameRendersTheSameBody() {
        assertThat(DashboardText.body(FILES, view(Instant.parse("2026-12-04T03:00:00Z"), "x")))
                .isEqualTo(DashboardText.body(FILES, view(Instant.parse("2026-12-04T03:05:00Z"), "x")));
    }

    @Test
    void outsidersTextCannotBreakTheTablesOrAddMarkup() {
        String body = DashboardText.body(FILES, view(Instant.EPOCH, "bad | cell\n# heading <img src=x>"));

        assertThat(body).contains("bad \\| cell # heading &lt;img src=x>").doesNotContain("<img").doesNotContain("\n# heading");
    }

    private static RolloutView view(Instant observedAt, String gateReason) {
        return new RolloutView("production-1-31", "1.31", observedAt, List.of(
                new StepView(1, "add-prod-euw-03", "add-cluster", StepState.GATING,
                        Optional.of(new PullRequestLink(7, "https://github.example/pull/7", "step 1"))),
                new StepView(2, "shift-traffic-10", "shift-traffic", StepState.PLANNED, Optional.empty())),
                Optional.of(new GateView("add-prod-euw-03", "waiting", gateReason, List.of(
                        new AppView("prod-euw-03-shop", "prod-euw-03", "Synced", "Progressing", "waiting")))),
                new PauseView(true, Optional.of("alice"), "checking alerts"), "waits for the gate", Optional.empty());
    }
}
