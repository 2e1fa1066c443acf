package io.drover.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs Drover as a service: proposes each step of every rollout in the fleet repo as a pull request,",
                "waits for its merge, for Argo CD to report its applications Synced at the merge and Healthy,",
                "and for its soak time, then proposes the next."},
        footer = {"", "Settings, as properties (-Ddrover.repo.url=...) or environment variables (DROVER_REPO_URL=...):",
                "  drover.repo.url             the fleet repo to clone (https://github.com/OWNER/NAME.git)",
                "  drover.repo.branch          its base branch (main)",
                "  drover.repo.token           token for fetch and push over HTTPS",
                "  drover.github.api-url       https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise",
                "  drover.github.repository    OWNER/NAME",
                "  drover.github.token         token for the GitHub API (pull requests, comments, merges)",
                "  drover.github.timeout       how long to wait for GitHub's answer (30s)",
                "  drover.github.write-spacing least time between two writes to GitHub (1s)",
                "  drover.webhook.secret       the webhook's secret; without it every delivery is refused",
                "  drover.data-dir             where the clone is kept (drover-data)",
                "  drover.reconcile.interval   how often a pass runs without webhooks (60s)",
                "  drover.dry-run              decide and report every pass, write nothing (false)",
                "  drover.gate                 argocd, or none: only the soak time, no look at Argo CD (argocd)",
                "  drover.argocd.url           Argo CD's API server (https://argocd.example.com)",
                "  drover.argocd.token         a bearer token that may get the applications",
                "  drover.argocd.insecure      trust any TLS certificate, for a dev server only (false)",
                "  drover.argocd.app-namespace the Applications' namespace when it is not Argo CD's own",
                "  drover.argocd.timeout       how long to wait for Argo CD's answer (30s)",
                "  drover.argocd.recheck-interval  how soon to look again while the gate waits or soaks (15s)",
                "  drover.leader-election.enabled     with several replicas: only the holder of a Lease acts (false)",
                "  drover.leader-election.namespace   the Lease's namespace (the pod's own)",
                "  drover.leader-election.lease-name  the Lease's name (drover)",
                "  drover.leader-election.identity    this replica's name in the Lease (HOSTNAME: the pod name)",
                "  quarkus.http.port           the port of POST /webhooks/github (8080)"})
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
