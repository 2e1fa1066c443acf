package io.drover.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.argocd.ArgoCdConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the service makes of wrong settings at start: it says which and why, and runs no pass. */
class ReconcileServiceStartTest {

    @TempDir
    Path tmp;
    ReconcileService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop(null);
        }
    }

    @Test
    void missedIntervalsBelowOneIsRefusedAtStartNamingTheSettingAndValue() {
        service = started(Map.of("drover.health.missed-intervals", "0"));

        assertThat(service.state().notConfigured()).contains("drover.health.missed-intervals must be at least 1, not 0");
        assertThat(Probes.ready(service.state()).up()).isFalse();
        // The liveness probe answers (no restart loop over a setting a restart does not mend).
        Probes.Verdict live = service.live(Instant.now().plus(Duration.ofDays(1)));
        assertThat(live.up()).isTrue();
        assertThat(live.detail()).isEqualTo("no loop runs: not configured");
    }

    private ReconcileService started(Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(Map.of(
                // A repository that is not there: a pass, if one ran, would fail rather than reach anything.
                "drover.repo.url", tmp.resolve("no-such-origin.git").toUri().toString(),
                "drover.github.repository", "acme/fleet",
                "drover.github.token", "t0ken",
                "drover.gate", "none",
                "drover.data-dir", tmp.resolve("data").toString()));
        properties.putAll(settings);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(DroverConfig.class)
                .withMapping(ArgoCdConfig.class)
                // Quarkus reads "30s"; plain SmallRye Config only ISO-8601 ("PT30S").
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        ReconcileService started = new ReconcileService(config.getConfigMapping(DroverConfig.class),
                config.getConfigMapping(ArgoCdConfig.class), null, new SimpleMeterRegistry());
        started.start(null);
        return started;
    }
}
