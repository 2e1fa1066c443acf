package io.drover.web;

import io.drover.status.AppView;
import io.drover.status.GateView;
import io.drover.status.PauseView;
import io.drover.status.PullRequestLink;
import io.drover.status.RolloutView;
import io.drover.status.StepState;
import io.drover.status.StepView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Rollout views for the status page's tests, with text from outsiders that tries to break out of HTML. */
final class StatusViews {

    static final String HOSTILE_TITLE = "Upgrade <script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";
    static final String HOSTILE_LOGIN = "<b>mallory</b>";

    private StatusViews() {
    }

    /** Step 1 merged and gating on two apps, step 2's pull request open, step 3 planned; paused by an outsider. */
    static RolloutView gatingAndPaused() {
        PullRequestLink merged = new PullRequestLink(7, "https://github.example/acme/fleet/pull/7", "step 1");
        PullRequestLink open = new PullRequestLink(8, "https://github.example/acme/fleet/pull/8", HOSTILE_TITLE);
        return new RolloutView("production-1-31", "1.31", Instant.parse("2026-12-04T03:00:00Z"), List.of(
                new StepView(1, "add-prod-euw-03", "add-cluster", StepState.GATING, Optional.of(merged)),
                new StepView(2, "shift-traffic-10", "shift-traffic", StepState.PR_OPEN, Optional.of(open)),
                new StepView(3, "retire-prod-euw-01", "retire-cluster", StepState.PLANNED, Optional.empty())),
                Optional.of(new GateView("add-prod-euw-03", "waiting", "shop is Progressing", List.of(
                        new AppView("cluster-prod-euw-03", "prod-euw-03", "Synced", "Healthy", "ok"),
                        new AppView("prod-euw-03-shop", "prod-euw-03", "Synced", "Progressing", "waiting")))),
                new PauseView(true, Optional.of(HOSTILE_LOGIN), "checking <i>alerts</i>"),
                "gate of add-prod-euw-03 waits for Argo CD", Optional.of(Instant.parse("2026-12-04T03:15:00Z")));
    }
}
