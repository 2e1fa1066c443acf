package io.drover.reconcile;

import java.time.Instant;
import java.util.Optional;

/** What one pass did for one rollout: at most one action, or why it waits. */
public record Outcome(String rollout, Action action, String detail, Optional<Instant> comeBackAt) {

    public enum Action {
        OPENED, REBUILT, MERGED, CLOSED_SUPERSEDED,
        /** Brought a step's pull request up to what the step says, or finished what an earlier pass left half-done. */
        UPDATED,
        WAITING, PAUSED, DONE, BLOCKED;

        /** Whether the pass wrote something to the forge or the repository. */
        public boolean wrote() {
            return this == OPENED || this == REBUILT || this == MERGED || this == CLOSED_SUPERSEDED || this == UPDATED;
        }
    }

    static Outcome of(String rollout, Action action, String detail) {
        return new Outcome(rollout, action, detail, Optional.empty());
    }

    static Outcome waitUntil(String rollout, String detail, Instant when) {
        return new Outcome(rollout, Action.WAITING, detail, Optional.of(when));
    }

    @Override
    public String toString() {
        return rollout + ": " + action + " " + detail + comeBackAt.map(t -> " (until " + t + ")").orElse("");
    }
}
