package io.drover.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One pending wake-up: runs an action at the earliest moment asked for. A later request replaces
 * the pending one only if it is sooner, so a soak that ends at T is acted on at T, not at the
 * next scheduled interval.
 */
final class WakeUpTimer {

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Runnable action;
    private ScheduledFuture<?> pending;
    private Instant pendingAt;

    WakeUpTimer(ScheduledExecutorService executor, Clock clock, Runnable action) {
        this.executor = executor;
        this.clock = clock;
        this.action = action;
    }

    /** Asks to run the action at {@code when}; returns whether this request is now the pending one. */
    synchronized boolean at(Instant when) {
        if (pending != null && !pending.isDone() && !when.isBefore(pendingAt)) {
            return false;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        pendingAt = when;
        pending = executor.schedule(action, delay, TimeUnit.MILLISECONDS);
        return true;
    }
}
