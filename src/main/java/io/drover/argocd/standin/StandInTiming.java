package io.drover.argocd.standin;

import java.time.Duration;

/**
 * How long the stand-in's Argo CD takes, counted from the moment it sees a new revision of the
 * fleet repo: its automated sync starts after {@code syncStarts}, ends after {@code syncEnds}, and
 * the synced resources report Healthy after {@code healthy}; an Application no longer generated
 * is deleted in {@code deletion} (its finalizers run meanwhile).
 */
public record StandInTiming(Duration syncStarts, Duration syncEnds, Duration healthy, Duration deletion) {

    public StandInTiming {
        if (syncStarts.isNegative() || syncEnds.compareTo(syncStarts) < 0 || healthy.compareTo(syncEnds) < 0
                || deletion.isNegative()) {
            throw new IllegalArgumentException("the stand-in's timing must run sync start <= sync end <= healthy, got "
                    + syncStarts + ", " + syncEnds + ", " + healthy);
        }
    }
}
