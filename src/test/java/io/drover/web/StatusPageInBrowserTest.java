package io.drover.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.service.ReconcileService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The status page served by a running Drover, loaded in a real headless Chromium: a person sees
 * the rollout, each step's state and the link to the open pull request, and a pull request title
 * that carries a script runs nothing.
 */
@QuarkusTest
class StatusPageInBrowserTest {

    @Inject
    ReconcileService service;

    @TestHTTPResource("/")
    URL page;

    @Test
    void aPersonSeesTheRolloutItsStepsAndTheOpenPullRequest() throws Exception {
        service.statusBoard().accept(StatusViews.gatingAndPaused());

        // A fresh profile per run; @TempDir does not reach into a Quarkus test instance.
        Path profile = Files.createTempDirectory("drover-chromium");
        Document dom;
        try {
            dom = Jsoup.parse(HeadlessChromium.dumpDom(page.toString(), profile));
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        assertThat(dom.title()).isEqualTo("Drover: rollouts");
        assertThat(dom.select("#rollout-production-1-31 h2").text()).startsWith("production-1-31");
        assertThat(dom.select("#rollout-production-1-31 td.state").eachText()).containsExactly("gating", "PR open", "planned");
        assertThat(dom.select(".open-pr a").attr("href")).isEqualTo("https://github.example/acme/fleet/pull/8");
        assertThat(dom.select(".open-pr a").text()).contains("#8", "<script>");
        assertThat(dom.select(".paused").text()).contains("<b>mallory</b>");
        assertThat(dom.select("table.apps td").eachText()).contains("prod-euw-03-shop", "Progressing");
        assertThat(dom.select("img")).isEmpty();
        assertThat(dom.select("script")).isEmpty();
    }
}
