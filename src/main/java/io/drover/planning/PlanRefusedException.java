package io.drover.planning;

import java.util.List;

/** The rollout cannot be planned safely; the message says why, with the numbers that fail. */
public final class PlanRefusedException extends Exception {

    private final List<String> reasons;

    public PlanRefusedException(String headline, List<String> reasons) {
        super(headline + (reasons.isEmpty() ? "" : ":\n  - " + String.join("\n  - ", reasons)));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
