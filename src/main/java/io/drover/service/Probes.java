package io.drover.service;

import java.time.Duration;
import java.time.Instant;

/**
 * Drover's meaning of liveness and readiness, as pure functions of the service's state and the
 * time. Live: the reconcile loop is not stuck (it came round within {@code missedIntervals}
 * intervals, or has not had to yet). Ready: the settings hold, the fleet repo is cloned and, with
 * leader election, the Lease has been read, so that a webhook delivered here is taken in and acted
 * on by whichever replica leads.
 */
public record Probes(Duration interval, int missedIntervals, Duration startupGrace) {

    /** A probe's answer and why, in words for the operator. */
    public record Verdict(boolean up, String detail) {
    }

    public Probes {
        if (missedIntervals < 1) {
            throw new IllegalArgumentException("drover.health.missed-intervals must be at least 1, not " + missedIntervals);
        }
    }

    public static Probes of(DroverConfig config) {
        return new Probes(config.reconcile().interval(), config.health().missedIntervals(), config.health().startupGrace());
    }

    public Verdict live(ServiceState state, Instant now) {
        if (state.notConfigured().isPresent()) {
            return withoutLoop(state);
        }
        Duration limit = interval.multipliedBy(missedIntervals);
        if (state.lastLoop().isEmpty()) {
            Duration up = Duration.between(state.startedAt(), now);
            return new Verdict(up.compareTo(startupGrace) <= 0, "no pass started yet, " + up.toSeconds()
                    + "s after start (startup grace " + startupGrace.toSeconds() + "s)");
        }
        Duration since = Duration.between(state.lastLoop().get(), now);
        return new Verdict(since.compareTo(limit) <= 0, "last pass started " + since.toSeconds() + "s ago (stuck after "
                + limit.toSeconds() + "s: " + missedIntervals + " × drover.reconcile.interval)");
    }

    /** Live while no loop runs: not configured (a restart does not mend settings; readiness says what is wrong), or starting. */
    public static Verdict withoutLoop(ServiceState state) {
        return new Verdict(true, state.notConfigured().isPresent() ? "no loop runs: not configured" : "starting");
    }

    public static Verdict ready(ServiceState state) {
        if (state.notConfigured().isPresent()) {
            return new Verdict(false, "not configured: " + state.notConfigured().get());
        }
        if (!state.cloned()) {
            return new Verdict(false, "the fleet repo is not cloned yet");
        }
        if (state.knowsLeader().isPresent() && !state.knowsLeader().get()) {
            return new Verdict(false, "leader election: the Lease has not been read yet");
        }
        return new Verdict(true, state.knowsLeader().isPresent() ? "fleet repo cloned, Lease read" : "fleet repo cloned");
    }
}
