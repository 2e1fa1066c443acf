package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.forge.PullRequest;
import io.drover.model.FleetFiles;
import io.drover.model.StepKind;
import io.drover.planning.Plan;
import io.drover.planning.Step;
import io.drover.reconcile.Outcome.Action;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FakeForge;
import io.drover.testing.GeneratedFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A waved rollout of a generated 200-cluster fleet under the shipped regional policy (a quarter of
 * the fleet per step, eu-west-1 first), first pull request to last, through a real origin: every
 * step opened, merged, gated and soaked until the rollout is done. Part of the default build
 * (about 100 s on two cores, most of it re-planning after each merge; it prints its time); tagged
 * {@code scale} so that {@code -DexcludedGroups=scale} can leave it out.
 */
@Tag("scale")
class WavedRolloutAtScaleTest {

    private static final int CLUSTERS = 200;
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-south-1", "sa-east-1");

    @TempDir
    Path tmp;

    @Test
    void aRegionalRolloutOf200ClustersRunsToTheEndAWaveOfAQuarterPerStep() throws Exception {
        long started = System.nanoTime();
        FleetFiles start = fleet();
        FullPlan plan = Planning.plan(start);
        // Four regions of 50, 25% in flight: one wave of 50 per region, eu-west-1 first.
        assertThat(plan.steps()).allSatisfy(step -> assertThat(step.clusters()).as(step.id()).hasSize(50));
        assertThat(plan.steps()).filteredOn(s -> s.kind() == StepKind.RETIRE_CLUSTER)
                .extracting(s -> region(s.clusters().get(0)))
                .containsExactly("eu-west-1", "ap-south-1", "sa-east-1", "us-east-1");

        try (ReconcileFixture fixture = new ReconcileFixture(tmp, start)) {
            Reconciler reconciler = fixture.freshReconciler(fixture.forge);

            List<Outcome> log = fixture.runToCompletion(() -> reconciler, 10 * plan.steps().size());

            List<FakeForge.Record> pulls = fixture.forge.pulls();
            assertThat(pulls).extracting(p -> p.request().head())
                    .containsExactlyElementsOf(plan.steps().stream().map(s -> "drover/upgrade/" + s.id()).toList());
            assertThat(pulls).allMatch(p -> p.state() == PullRequest.State.MERGED);
            // Each merged step soaked before the next opened.
            assertThat(log).filteredOn(o -> o.action() == Action.WAITING).hasSizeGreaterThanOrEqualTo(plan.steps().size() - 1);
            assertThat(log.get(log.size() - 1).action()).isEqualTo(Action.DONE);

            FleetFiles end = Planning.afterSteps(start, plan, plan.steps().size());
            assertThat(fixture.origin.read("main", "traffic/web.yaml")).isEqualTo(end.read("traffic/web.yaml").orElseThrow());
            assertThat(ExampleFleet.read(end).clusters().values())
                    .hasSize(CLUSTERS)
                    .allSatisfy(c -> assertThat(c.version().toString()).isEqualTo("v1.31.0"));
        }
        System.out.printf("waved rollout of %d clusters: %d steps, %.1f s%n", CLUSTERS, plan.steps().size(),
                (System.nanoTime() - started) / 1e9);
    }

    /** 200 clusters in four regions, a rollout under regional (without change windows, so a long run stays inside them). */
    private static FleetFiles fleet() {
        List<Integer> capacities = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < CLUSTERS; i++) {
            capacities.add(1000);
            weights.add(100);
        }
        FleetFiles files = GeneratedFleet.of(new GeneratedFleet.Spec(REGIONS, capacities, weights, CLUSTERS * 300,
                "v1.30.2", "v1.31.0", "blue-green"));
        files = ExampleFleet.withEdit(files, "rollouts/upgrade.yaml", "  strategy: blue-green\n",
                "  strategy: blue-green\n  policy: regional\n");
        Map<String, String> copy = new TreeMap<>(files.asMap());
        copy.put("policies/regional.yaml", ExampleFleet.shippedPolicy("regional")
                .replaceAll("changeWindows:\n(    .*\n)+", "changeWindows: []\n"));
        return FleetFiles.of(copy);
    }

    private static String region(String cluster) {
        return cluster.substring("prod-".length(), cluster.lastIndexOf('-'));
    }
}
