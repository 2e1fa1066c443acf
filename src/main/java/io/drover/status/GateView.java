package io.drover.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The gate of the last merged step as observed in the latest pass: its verdict, why, and each
 * application; when the step was merged and when its gate passed, once it has (the gate's wait).
 */
public record GateView(String stepId, String verdict, String reason, List<AppView> apps, Optional<Instant> mergedAt,
        Optional<Instant> passedAt) {

    public GateView {
        apps = List.copyOf(apps);
    }

    public GateView(String stepId, String verdict, String reason, List<AppView> apps) {
        this(stepId, verdict, reason, apps, Optional.empty(), Optional.empty());
    }
}
