package io.drover.service;

import java.time.Duration;

/**
 * When to try again after failed passes: {@code base} doubled per failure in a row, at most
 * {@code max}; a wait the remote asked for (Retry-After, rate-limit reset) wins when longer.
 */
public record Backoff(Duration base, Duration max) {

    public Duration after(int failuresInARow, Duration asked) {
        if (failuresInARow <= 0) {
            return asked;
        }
        int doublings = Math.min(failuresInARow - 1, 30);
        Duration exponential = base.multipliedBy(1L << doublings);
        if (exponential.compareTo(max) > 0 || exponential.isNegative()) {
            exponential = max;
        }
        return asked.compareTo(exponential) > 0 ? asked : exponential;
    }
}
