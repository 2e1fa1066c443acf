package io.drover.forge;

import java.time.Duration;
import java.util.Optional;

/**
 * The forge did not do what was asked. {@code retryAfter} is set when the forge said when to come
 * back (rate limits, Retry-After); a pass that meets this waits and retries, it never assumes.
 */
public final class ForgeException extends Exception {

    private final Optional<Duration> retryAfter;

    public ForgeException(String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
