package io.drover.status;

import java.util.Locale;

/** Where one step of a rollout stands, in the words of the dashboard and the status page. */
public enum StepState {
    PLANNED, PR_OPEN, MERGED, GATING, SOAKING, DONE, SKIPPED, FAILED;

    /** "PR open", "soaking": how a person reads it. */
    public String label() {
        return this == PR_OPEN ? "PR open" : name().toLowerCase(Locale.ROOT);
    }
}
