package io.drover.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Service settings: properties {@code drover.*}, or environment variables such as {@code DROVER_REPO_URL}. */
@ConfigMapping(prefix = "drover")
public interface DroverConfig {

    Repo repo();

    GitHub github();

    Webhook webhook();

    /** Where Drover keeps its clone of the fleet repo. */
    @WithName("data-dir")
    @WithDefault("drover-data")
    String dataDir();

    Reconcile reconcile();

    /**
     * What Drover waits for after a merge: {@code argocd} (the default: Argo CD reports every affected
     * application Synced at the merge and Healthy, settings drover.argocd.*), or {@code none} (only the
     * soak time; Drover warns at start).
     */
    @WithDefault("argocd")
    GateKind gate();

    enum GateKind { ARGOCD, NONE }

    /** Decide and report every pass, write nothing (no push, pull request, comment or merge). */
    @WithName("dry-run")
    @WithDefault("false")
    boolean dryRun();

    Bot bot();

    @WithName("leader-election")
    LeaderElection leaderElection();

    /** With several replicas: only the holder of a Kubernetes Lease runs passes and writes. */
    interface LeaderElection {
        /** Off: this instance always acts (one replica). */
        @WithDefault("false")
        boolean enabled();

        /** The Lease's namespace; without it, the pod's own (from its service account). */
        Optional<String> namespace();

        @WithName("lease-name")
        @WithDefault("drover")
        String leaseName();

        /** This replica's name in the Lease; the pod name. */
        @WithDefault("${HOSTNAME:drover}")
        String identity();
    }

    interface Repo {
        /** The fleet repo to clone, e.g. https://github.com/acme/fleet.git. */
        Optional<String> url();

        @WithDefault("main")
        String branch();

        /** Token for fetch and push over HTTPS (sent as the password of x-access-token). */
        Optional<String> token();
    }

    interface GitHub {
        /** https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
        @WithName("api-url")
        @WithDefault("https://api.github.com")
        String apiUrl();

        /** owner/name of the fleet repo on GitHub. */
        Optional<String> repository();

        Optional<String> token();

        /** Least time between two writes to GitHub. */
        @WithName("write-spacing")
        @WithDefault("1s")
        Duration writeSpacing();

        /** How long to wait for an answer; a write not answered in time is looked up, not resent. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Webhook {
        /** Without it, every delivery is refused. */
        Optional<String> secret();
    }

    interface Reconcile {
        @WithDefault("60s")
        Duration interval();
    }

    Health health();

    /** The liveness probe's limits (docs/operations.md). */
    interface Health {
        /** Live while a pass started within this many reconcile intervals. */
        @WithName("missed-intervals")
        @WithDefault("5")
        int missedIntervals();

        /** Live before the first pass for this long after start. */
        @WithName("startup-grace")
        @WithDefault("5m")
        Duration startupGrace();
    }

    interface Bot {
        @WithDefault("Drover")
        String name();

        @WithDefault("drover@users.noreply.github.com")
        String email();

        /** Label on every Drover pull request, and prefix of the step-kind label. */
        @WithDefault("drover")
        String label();
    }
}
