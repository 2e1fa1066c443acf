package io.drover.forge.github;

import java.time.Duration;

/**
 * Keeps mutating requests at least {@code spacing} apart, as GitHub asks of integrations to stay
 * clear of secondary rate limits. A pass makes few writes, so the wait is short and bounded.
 */
final class WriteSpacing {

    private final Duration spacing;
    private long lastWriteNanos = Long.MIN_VALUE;

    WriteSpacing(Duration spacing) {
        this.spacing = spacing;
    }

    synchronized void beforeWrite() {
        if (lastWriteNanos != Long.MIN_VALUE) {
            long waitNanos = spacing.toNanos() - (System.nanoTime() - lastWriteNanos);
            if (waitNanos > 0) {
                try {
                    Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        lastWriteNanos = System.nanoTime();
    }
}
