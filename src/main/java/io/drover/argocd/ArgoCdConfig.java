package io.drover.argocd;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Settings {@code drover.argocd.*}, or environment variables such as {@code DROVER_ARGOCD_URL}. */
@ConfigMapping(prefix = "drover.argocd")
public interface ArgoCdConfig {

    /** Argo CD's API server, the same host as its web UI, e.g. https://argocd.example.com. */
    Optional<String> url();

    /** A bearer token: an API key of a local account, or a project role's token. */
    Optional<String> token();

    /** Trust any TLS certificate: only for a dev server with a self-signed one. */
    @WithDefault("false")
    boolean insecure();

    /** The namespace of the Applications when it is not Argo CD's own ("apps in any namespace"). */
    @WithName("app-namespace")
    Optional<String> appNamespace();

    /** How long to wait for an answer, a refresh included. */
    @WithDefault("30s")
    Duration timeout();

    /** How soon to look again while the gate waits, and how often during the soak. */
    @WithName("recheck-interval")
    @WithDefault("15s")
    Duration recheckInterval();
}
