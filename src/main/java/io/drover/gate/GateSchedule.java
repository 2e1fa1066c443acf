package io.drover.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The gate over time, a pure function of the clock. The check must pass within {@code timeout}
 * of the merge. From the first passing check at T the step soaks until T + {@code soak}, checked
 * again every {@code recheck}: a failing check (Degraded) fails the step at any moment, a waiting
 * one ends the soak, which starts again at the next passing check, still within the timeout.
 *
 * <p>Drover keeps no state: the caller says when the check passed ({@code passedAt}), read from
 * what it recorded where auditors look (the merge commit's status), and drops it once a check waits.
 */
public record GateSchedule(Instant mergedAt, Duration soak, Duration timeout, Duration recheck) {

    public sealed interface Progress {
        List<AppEvidence> evidence();
    }

    /** Not passed yet; look again at {@code comeBackAt}. */
    public record Waiting(String reason, Instant comeBackAt, List<AppEvidence> evidence) implements Progress {
    }

    /** Passed at {@code passedAt} and soaking until {@code until}; look again at {@code comeBackAt}. */
    public record Soaking(Instant passedAt, Instant until, Instant comeBackAt, List<AppEvidence> evidence) implements Progress {
    }

    /** Passed and soaked: the next step may be proposed. */
    public record Done(Instant passedAt, Instant soakedAt, List<AppEvidence> evidence) implements Progress {
    }

    public record Failed(String reason, List<AppEvidence> evidence) implements Progress {
    }

    /** Did not pass by {@code deadline}, the merge plus the policy's timeout. */
    public record TimedOut(String reason, Instant deadline, List<AppEvidence> evidence) implements Progress {
    }

    public Instant deadline() {
        return mergedAt.plus(timeout);
    }

    public Progress progress(Gate.Result check, Optional<Instant> passedAt, Instant now) {
        if (check instanceof Gate.Result.Failed failed) {
            return new Failed(failed.reason(), failed.evidence());
        }
        if (check instanceof Gate.Result.Waiting waiting) {
            if (!now.isBefore(deadline())) {
                return new TimedOut("not passed within " + timeout.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                        + " of the merge: " + waiting.reason(), deadline(),
                        waiting.evidence());
            }
            return new Waiting(waiting.reason(), earliest(now.plus(waiting.retryAfter()), deadline()), waiting.evidence());
        }
        Instant since = passedAt.orElse(now);
        Instant until = since.plus(soak);
        if (!now.isBefore(until)) {
            return new Done(since, until, check.evidence());
        }
        return new Soaking(since, until, earliest(now.plus(recheck), until), check.evidence());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
