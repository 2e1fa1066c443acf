package io.drover.policy;

import io.drover.model.StepKind;
import io.drover.model.Team;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** How carefully a rollout proceeds: read from {@code policies/<name>.yaml}. */
public record Policy(
        String name,
        String source,
        List<Integer> trafficRamp,
        Map<StepKind, Duration> soak,
        ClustersInFlight clustersInFlight,
        Optional<Stages> stages,
        CapacityRule capacity,
        List<TimeWindow> freezeWindows,
        List<TimeWindow> changeWindows,
        Set<StepKind> autoMerge,
        Duration defaultGateTimeout,
        Map<StepKind, Duration> gateTimeouts,
        ChatOpsAccess chatOps,
        String newClusterName,
        boolean automaticRollback) {

    public Policy {
        trafficRamp = List.copyOf(trafficRamp);
        soak = Map.copyOf(soak);
        freezeWindows = List.copyOf(freezeWindows);
        changeWindows = List.copyOf(changeWindows);
        autoMerge = Set.copyOf(autoMerge);
        gateTimeouts = Map.copyOf(gateTimeouts);
    }

    public Duration soakOf(StepKind kind) {
        return soak.getOrDefault(kind, Duration.ZERO);
    }

    public Duration gateTimeoutOf(StepKind kind) {
        return gateTimeouts.getOrDefault(kind, defaultGateTimeout);
    }

    public Optional<TimeWindow> freezeAt(Instant instant) {
        return freezeWindows.stream().filter(w -> w.contains(instant)).findFirst();
    }

    /** True when no change window is declared (any time is allowed) or one contains the instant. */
    public boolean inChangeWindow(Instant instant) {
        return changeWindows.isEmpty() || changeWindows.stream().anyMatch(w -> w.contains(instant));
    }

    /**
     * The first moment from {@code from} on when a new step may be proposed (no freeze, inside a
     * change window), to the minute; empty if there is none within {@code horizon}.
     */
    public Optional<Instant> nextAllowed(Instant from, java.time.Duration horizon) {
        Instant t = from.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant end = from.plus(horizon);
        while (!t.isAfter(end)) {
            if (freezeAt(t).isEmpty() && inChangeWindow(t)) {
                return Optional.of(t.isBefore(from) ? from : t);
            }
            t = t.plus(java.time.Duration.ofMinutes(1));
        }
        return Optional.empty();
    }

    /**
     * N+k: with any {@code spareClusters} serving clusters lost, the rest still carry the peak
     * at no more than 100%; and no cluster ever runs above {@code maxUtilisation} (0..1).
     */
    public record CapacityRule(int spareClusters, double maxUtilisation) {
        public String name() {
            return "N+" + spareClusters;
        }
    }

    /**
     * Who may give ChatOps commands beyond those with write access to the fleet repository, by
     * numeric GitHub user id (a login can be renamed, an id cannot) or by team, whose active members
     * count: {@code steer} and {@code steerTeams} may give every command, {@code pause} and
     * {@code pauseTeams} only pause (and status and help).
     */
    public record ChatOpsAccess(Set<Long> steer, Set<Long> pause, Set<Team> steerTeams, Set<Team> pauseTeams) {
        public static final ChatOpsAccess NONE = new ChatOpsAccess(Set.of(), Set.of(), Set.of(), Set.of());

        public ChatOpsAccess {
            steer = Set.copyOf(steer);
            pause = Set.copyOf(pause);
            steerTeams = Set.copyOf(steerTeams);
            pauseTeams = Set.copyOf(pauseTeams);
        }
    }
}
