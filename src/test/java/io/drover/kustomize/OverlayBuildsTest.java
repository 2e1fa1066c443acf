package io.drover.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FleetFiles;
import io.drover.planning.Plan;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** After every step of every strategy, each kustomization the step touched builds with the real kustomize. */
class OverlayBuildsTest {

    @ParameterizedTest
    @ValueSource(strings = {"blue-green", "rolling", "canary-fleet"})
    void everyTouchedKustomizationBuilds(String strategy) throws Exception {
        FleetFiles files = ExampleFleet.withStrategy(strategy);
        FullPlan plan = Planning.plan(files);

        List<OverlayBuilds.Build> builds = new OverlayBuilds(Kustomize.resolve(null)).check(files, plan.steps());

        assertThat(builds).allSatisfy(b -> assertThat(b.result().ok()).as(b.directory() + ": " + b.result().message()).isTrue());
        if (!strategy.equals("rolling")) {
            // Each new cluster brings its definition and its app overlays.
            assertThat(builds).extracting(OverlayBuilds.Build::directory)
                    .contains("clusters/prod-euw-03", "apps/shop/overlays/prod-euw-03", "apps/recommendations/overlays/prod-euw-03",
                            "apps/ingress-nginx/overlays/prod-use-04");
        } else {
            // Upgrading in place edits clusters/<name>/cluster.yaml, which kustomize builds.
            assertThat(builds).extracting(OverlayBuilds.Build::directory).contains("clusters/prod-euw-01");
        }
    }
}
