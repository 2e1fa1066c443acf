package io.drover.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WakeUpTimerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    private final List<Instant> woken = new CopyOnWriteArrayList<>();
    private final WakeUpTimer timer = new WakeUpTimer(executor, clock, () -> woken.add(clock.instant()));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aWaitThatEndsSoonWakesThePassThenNotAtTheNextInterval() {
        timer.at(clock.instant().plusMillis(200));

        await().atMost(Duration.ofSeconds(5)).until(() -> woken.size() == 1);
    }

    @Test
    void aSoonerRequestReplacesALaterOneAndALaterOneIsIgnored() {
        assertThat(timer.at(clock.instant().plus(Duration.ofHours(1)))).isTrue();
        assertThat(timer.at(clock.instant().plusMillis(100))).isTrue();
        assertThat(timer.at(clock.instant().plus(Duration.ofMinutes(30)))).isFalse();

        await().atMost(Duration.ofSeconds(5)).until(() -> woken.size() == 1);
        // Once it has fired nothing is pending, so any new request is taken.
        assertThat(timer.at(clock.instant().plusMillis(100))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> woken.size() == 2);
    }

    @Test
    void aMomentAlreadyPastWakesAtOnce() {
        timer.at(clock.instant().minusSeconds(5));

        await().atMost(Duration.ofSeconds(5)).until(() -> woken.size() == 1);
    }
}
