package io.drover.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs Drover as a service: proposes each step of every rollout in the fleet repo as a pull request,",
                "waits for its merge, for Argo CD to report its applications Synced at the merge and Healthy,",
                "and for its soak time, then proposes the next."},
        footer = {"", "Settings, as properties (-Ddrover.repo.url=...) or environment variables (DROVER_REPO_URL=...); to start:",
                "  drover.repo.url             the fleet repo to clone (https://github.com/OWNER/NAME.git)",
                "  drover.repo.token           token for fetch and push over HTTPS",
                "  drover.github.repository    OWNER/NAME",
                "  drover.github.token         token for the GitHub API (pull requests, comments, merges)",
                "  drover.webhook.secret       the webhook's secret; without it every delivery is refused",
                "  drover.argocd.url           Argo CD's API server (or drover.gate=none: only the soak time)",
                "  drover.argocd.token         a bearer token that may get the applications",
                "Every setting with its default: docs/settings.md. Metrics at /q/metrics, probes at /q/health/live and"
                        + " /q/health/ready: docs/operations.md."})
final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Quarkus.run(Service.class);
        return ExitCodes.OK;
    }

    /** Keeps the service up until it is stopped; the reconcile service starts itself on startup. */
    public static final class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
