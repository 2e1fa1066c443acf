package io.drover.ops;

import java.time.Duration;

/**
 * Where the GitHub and Argo CD adapters report each HTTP request they made, so that metrics can count
 * them without the adapters knowing a metrics library. Tags stay low-cardinality: a method and an
 * outcome class, never a URL, a pull request number or a SHA.
 */
public interface RemoteCalls {

    /** Reports nothing: for the CLI and for tests that do not look at metrics. */
    RemoteCalls NONE = new RemoteCalls() {
        @Override
        public void request(String system, String method, String outcome, Duration took) {
        }
    };

    /**
     * @param system {@code github} or {@code argocd}
     * @param method the HTTP method
     * @param outcome {@link #outcome(int)} of the status, or {@code timeout} / {@code error} when none came
     */
    void request(String system, String method, String outcome, Duration took);

    /** GitHub's X-RateLimit-Remaining, as last seen. */
    default void rateLimitRemaining(long remaining) {
    }

    /** The class of an HTTP status: 2xx, 3xx, 4xx or 5xx. */
    static String outcome(int status) {
        return (status / 100) + "xx";
    }
}
