package io.drover.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The drover.argocd.* settings as the service binds them, and what it says when they are missing. */
class ArgoCdSettingsTest {

    @Test
    void bindsEverySettingWithItsDefaults() {
        ArgoCdSettings settings = ArgoCdSettings.from(config(Map.of(
                "drover.argocd.url", "https://argocd.example.com/",
                "drover.argocd.token", "t0ken")));

        assertThat(settings).isEqualTo(new ArgoCdSettings(URI.create("https://argocd.example.com"), "t0ken", false,
                Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(15)));
    }

    @Test
    void bindsTheOptionalOnes() {
        ArgoCdSettings settings = ArgoCdSettings.from(config(Map.of(
                "drover.argocd.url", "https://localhost:8443",
                "drover.argocd.token", "t0ken",
                "drover.argocd.insecure", "true",
                "drover.argocd.app-namespace", "fleet-apps",
                "drover.argocd.timeout", "10s",
                "drover.argocd.recheck-interval", "1m")));

        assertThat(settings).isEqualTo(new ArgoCdSettings(URI.create("https://localhost:8443"), "t0ken", true,
                Optional.of("fleet-apps"), Duration.ofSeconds(10), Duration.ofMinutes(1)));
    }

    @Test
    void namesEverySettingThatIsMissingAndTheWayOut() {
        assertThatThrownBy(() -> ArgoCdSettings.from(config(Map.of())))
                .hasMessage("the Argo CD gate is not configured: set drover.argocd.url to Argo CD's API server, e.g. "
                        + "https://argocd.example.com; set drover.argocd.token to an Argo CD API token (an account with the "
                        + "apiKey capability that may get the applications) (or set drover.gate=none to go on without a health gate)");
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> ArgoCdSettings.from(config(Map.of(
                "drover.argocd.url", "argocd.example.com:443",
                "drover.argocd.token", "t0ken"))))
                .hasMessageContaining("drover.argocd.url must start with https:// (or http://), not argocd.example.com:443");
        assertThatThrownBy(() -> ArgoCdSettings.from(config(Map.of(
                "drover.argocd.url", "https://argo cd.example.com",
                "drover.argocd.token", "t0ken"))))
                .hasMessageStartingWith("the Argo CD gate is not configured: drover.argocd.url is not a URL (Illegal character");
    }

    private static ArgoCdConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ArgoCdConfig.class)
                // Quarkus reads "30s"; plain SmallRye Config only ISO-8601 ("PT30S").
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(ArgoCdConfig.class);
    }
}
