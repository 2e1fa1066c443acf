package io.drover.argocd;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to reach Argo CD's API server: its URL, a bearer token, whether to trust any certificate
 * (a dev server's self-signed one), the namespace of the Applications when they live outside
 * Argo CD's own ("apps in any namespace"), how long to wait for an answer, and how often to look again.
 */
public record ArgoCdSettings(URI url, String token, boolean insecure, Optional<String> appNamespace, Duration timeout,
        Duration recheckInterval) {

    /** The settings the service was given, or a message naming every one that is missing or wrong. */
    public static ArgoCdSettings from(ArgoCdConfig config) {
        List<String> problems = new ArrayList<>();
        URI url = null;
        if (config.url().filter(u -> !u.isBlank()).isEmpty()) {
            problems.add("set drover.argocd.url to Argo CD's API server, e.g. https://argocd.example.com");
        } else {
            try {
                url = URI.create(config.url().get().trim().replaceAll("/+$", ""));
            } catch (IllegalArgumentException e) {
                problems.add("drover.argocd.url is not a URL (" + e.getMessage() + ")");
            }
            if (url != null && !"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                problems.add("drover.argocd.url must start with https:// (or http://), not " + config.url().get());
            }
        }
        if (config.token().filter(t -> !t.isBlank()).isEmpty()) {
            problems.add("set drover.argocd.token to an Argo CD API token (an account with the apiKey capability "
                    + "that may get the applications)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the Argo CD gate is not configured: " + String.join("; ", problems)
                    + " (or set drover.gate=none to go on without a health gate)");
        }
        return new ArgoCdSettings(url, config.token().get().trim(), config.insecure(),
                config.appNamespace().filter(n -> !n.isBlank()), config.timeout(), config.recheckInterval());
    }
}
