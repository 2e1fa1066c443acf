package io.drover.forge.github;

import java.time.Duration;
import org.kohsuke.github.GHIOException;

/** GitHub asked to come back later (rate limit, secondary limit); carries how long to wait. */
final class RetryLater extends GHIOException {

    private final Duration wait;

    RetryLater(String message, Duration wait) {
        super(message);
        this.wait = wait;
    }

    Duration waitFor() {
        return wait;
    }
}
