package io.drover.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Liveness and readiness in Drover's meaning, judged at times the test chooses. */
class ProbesTest {

    private static final Instant START = Instant.parse("2026-12-04T05:00:00Z");
    private final Probes probes = new Probes(Duration.ofSeconds(60), 5, Duration.ofMinutes(5));

    @Test
    void liveWhileTheLoopCameRoundWithinFiveIntervalsStuckAfter() {
        ServiceState state = running(Optional.of(START.plusSeconds(30)), true, Optional.empty());

        assertThat(probes.live(state, START.plusSeconds(30 + 300)).up()).isTrue();
        Probes.Verdict stuck = probes.live(state, START.plusSeconds(30 + 301));
        assertThat(stuck.up()).isFalse();
        assertThat(stuck.detail()).contains("last pass started 301s ago", "stuck after 300s");
    }

    @Test
    void beforeTheFirstPassTheStartupGraceHolds() {
        ServiceState state = running(Optional.empty(), false, Optional.empty());

        assertThat(probes.live(state, START.plus(Duration.ofMinutes(5))).up()).isTrue();
        Probes.Verdict late = probes.live(state, START.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(late.up()).isFalse();
        assertThat(late.detail()).contains("no pass started yet");
    }

    @Test
    void unconfiguredIsLiveButNotReadyAndSaysWhatIsMissing() {
        ServiceState state = new ServiceState(START, Optional.empty(), Optional.of("set drover.repo.url"), false, Optional.empty());

        // A restart would not mend the settings: no restart loop, but no traffic either.
        assertThat(probes.live(state, START.plus(Duration.ofDays(1))).up()).isTrue();
        Probes.Verdict ready = Probes.ready(state);
        assertThat(ready.up()).isFalse();
        assertThat(ready.detail()).isEqualTo("not configured: set drover.repo.url");
    }

    @Test
    void readyOnceTheFleetRepoIsClonedAndWithLeaderElectionTheLeaseRead() {
        assertThat(Probes.ready(running(Optional.empty(), false, Optional.empty())).detail())
                .isEqualTo("the fleet repo is not cloned yet");
        assertThat(Probes.ready(running(Optional.empty(), true, Optional.empty())).up()).isTrue();
        Probes.Verdict beforeLease = Probes.ready(running(Optional.empty(), true, Optional.of(false)));
        assertThat(beforeLease.up()).isFalse();
        assertThat(beforeLease.detail()).contains("Lease has not been read");
        // A stand-by is ready: it takes webhooks in, and a rolling update waits for it.
        assertThat(Probes.ready(running(Optional.empty(), true, Optional.of(true))).up()).isTrue();
    }

    @Test
    void fewerThanOneMissedIntervalIsRefused() {
        assertThatThrownBy(() -> new Probes(Duration.ofSeconds(60), 0, Duration.ofMinutes(5)))
                .hasMessageContaining("drover.health.missed-intervals");
    }

    private static ServiceState running(Optional<Instant> lastLoop, boolean cloned, Optional<Boolean> knowsLeader) {
        return new ServiceState(START, lastLoop, Optional.empty(), cloned, knowsLeader);
    }
}
