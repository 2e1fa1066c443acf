package io.drover.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one pass did for one rollout: at most one action, or why it waits, and when to look again
 * if that is known. A FAILED outcome carries how long the forge asked to be left alone, if it did.
 */
public record Outcome(String rollout, Action action, String detail, Optional<Instant> comeBackAt,
        Optional<Duration> retryAfter) {

    public enum Action {
        OPENED, REBUILT, MERGED, CLOSED_SUPERSEDED,
        /** Brought a step's pull request up to what the step says, or finished what an earlier pass left half-done. */
        UPDATED,
        WAITING, PAUSED, DONE, BLOCKED, FAILED;

        /** Whether the pass wrote something to the forge or the repository. */
        public boolean wrote() {
            return this == OPENED || this == REBUILT || this == MERGED || this == CLOSED_SUPERSEDED || this == UPDATED;
        }
    }

    public Outcome(String rollout, Action action, String detail, Optional<Instant> comeBackAt) {
        this(rollout, action, detail, comeBackAt, Optional.empty());
    }

    static Outcome of(String rollout, Action action, String detail) {
        return new Outcome(rollout, action, detail, Optional.empty());
    }

    static Outcome waitUntil(String rollout, String detail, Instant when) {
        return new Outcome(rollout, Action.WAITING, detail, Optional.of(when));
    }

    /** This rollout's pass could not finish (the forge or Git failed); the others are unaffected. */
    static Outcome failed(String rollout, String why, Optional<Duration> retryAfter) {
        return new Outcome(rollout, Action.FAILED, why, Optional.empty(), retryAfter);
    }

    @Override
    public String toString() {
        return rollout + ": " + action + " " + detail + comeBackAt.map(t -> " (until " + t + ")").orElse("");
    }
}
