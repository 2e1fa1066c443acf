package io.drover.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15));

    @Test
    void doublesPerFailureUpToTheMaximum() {
        assertThat(backoff.after(1, Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(2, Duration.ZERO)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(4, Duration.ZERO)).isEqualTo(Duration.ofSeconds(80));
        assertThat(backoff.after(8, Duration.ZERO)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.after(1000, Duration.ZERO)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aWaitTheRemoteAskedForWinsWhenLonger() {
        assertThat(backoff.after(1, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(8, Duration.ofSeconds(60))).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.after(1, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
    }
}
