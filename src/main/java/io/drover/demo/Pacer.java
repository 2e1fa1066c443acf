package io.drover.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How the demo waits for a moment on its clock: by sleeping on the system clock, or, in tests, by
 * moving a clock of their own there at once.
 */
@FunctionalInterface
public interface Pacer {

    /** Returns once {@code when} has come; at once if it has passed. */
    void waitUntil(Instant when) throws InterruptedException;

    /** Sleeps until {@code clock} reaches the moment. */
    static Pacer sleeping(Clock clock) {
        return when -> {
            Duration left = Duration.between(clock.instant(), when);
            if (!left.isNegative() && !left.isZero()) {
                Thread.sleep(left.toMillis(), left.toNanosPart() % 1_000_000);
            }
        };
    }
}
