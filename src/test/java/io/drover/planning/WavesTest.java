package io.drover.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.StepKind;
import io.drover.testing.ExampleFleet;
import io.drover.testing.GeneratedFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Waves: {@code clustersInFlight} (a number or a percentage of the selected clusters) bounds the
 * clusters of every step of every strategy, and {@code stages} finish one before the next starts.
 */
class WavesTest {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    @ParameterizedTest
    @ValueSource(strings = {"blue-green", "rolling", "canary-fleet"})
    void everyStepMovesAtMostAWaveAndEachRegionFinishesBeforeTheNext(String strategy) throws Exception {
        // 10 clusters, 25% in flight: waves of 3; a region of 5 takes a wave of 3, then one of 2.
        FleetFiles start = withPolicy(fleet(10, strategy), "25%", "topology.kubernetes.io/region", "[eu-west-1]");
        FullPlan plan = Planning.plan(start, "waves");

        assertThat(plan.steps()).allSatisfy(step -> assertThat(step.clusters()).as(step.id()).hasSizeBetween(1, 3));
        List<String> regionOfEachStep = plan.steps().stream().map(step -> {
            List<String> regions = step.clusters().stream().map(WavesTest::region).distinct().toList();
            assertThat(regions).as("regions of %s", step.id()).hasSize(1);
            return regions.get(0);
        }).toList();
        int lastEu = regionOfEachStep.lastIndexOf("eu-west-1");
        assertThat(regionOfEachStep.subList(0, lastEu + 1)).as("eu-west-1 first").containsOnly("eu-west-1");
        assertThat(regionOfEachStep.subList(lastEu + 1, regionOfEachStep.size())).isNotEmpty().containsOnly("us-east-1");
        // The old clusters leave (or are upgraded) in waves of 3 and 2 per region, never across regions.
        StepKind last = strategy.equals("rolling") ? StepKind.UPGRADE_IN_PLACE : StepKind.RETIRE_CLUSTER;
        assertThat(plan.steps()).filteredOn(s -> s.kind() == last).extracting(s -> s.clusters().size())
                .containsExactly(3, 2, 3, 2);

        Fleet end = ExampleFleet.read(Planning.afterSteps(start, plan, plan.steps().size()));
        assertThat(end.clusters()).hasSize(10);
        assertThat(end.clusters().values()).allSatisfy(c -> assertThat(c.version().toString()).isEqualTo("v1.31.0"));
    }

    @Test
    void canaryFleetBuildsMigratesRampsAndDrainsAStageInWavesBeforeTheNextPhase() throws Exception {
        FleetFiles start = withPolicy(fleet(10, "canary-fleet"), "2", "topology.kubernetes.io/region", "[eu-west-1]");
        FullPlan plan = Planning.plan(start, "waves");

        List<StepKind> euPhases = plan.steps().stream().filter(s -> region(s.clusters().get(0)).equals("eu-west-1"))
                .map(Step::kind).distinct().toList();
        assertThat(euPhases).containsExactly(StepKind.ADD_CLUSTER, StepKind.MIGRATE_APPS, StepKind.SHIFT_TRAFFIC,
                StepKind.DRAIN_CLUSTER, StepKind.RETIRE_CLUSTER);
        assertThat(plan.steps()).filteredOn(s -> s.kind() == StepKind.DRAIN_CLUSTER).extracting(s -> s.clusters().size())
                .containsExactly(2, 2, 1, 2, 2, 1);
        // The new clusters of a stage climb each rung together, a wave at a time.
        assertThat(plan.steps()).filteredOn(s -> s.kind() == StepKind.SHIFT_TRAFFIC).extracting(Step::title).startsWith(
                "Shift traffic: prod-eu-west-1-06 and prod-eu-west-1-07 to 10% of full share",
                "Shift traffic: prod-eu-west-1-08 and prod-eu-west-1-09 to 10% of full share",
                "Shift traffic: prod-eu-west-1-10 to 10% of full share",
                "Shift traffic: prod-eu-west-1-06 and prod-eu-west-1-07 to 25% of full share");
        assertThat(plan.steps()).extracting(Step::id).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"blue-green", "rolling", "canary-fleet"})
    void replanningAWavedRolloutAfterAnyPrefixGivesTheRest(String strategy) throws Exception {
        FleetFiles start = withPolicy(fleet(10, strategy), "25%", "topology.kubernetes.io/region", "[eu-west-1]");
        FullPlan full = Planning.plan(start, "waves");

        for (int k = 0; k <= full.steps().size(); k++) {
            FullPlan rest = Planning.plan(Planning.afterSteps(start, full, k), "waves");
            List<Step> expected = full.steps().subList(k, full.steps().size());
            assertThat(rest.steps()).as("after %d steps", k).extracting(Step::id)
                    .containsExactlyElementsOf(expected.stream().map(Step::id).toList());
            assertThat(rest.steps()).as("edits after %d steps", k).extracting(Step::changes)
                    .containsExactlyElementsOf(expected.stream().map(Step::changes).toList());
        }
    }

    @Test
    void stagesByTheWaveAnnotationGoListedFirstThenByNumberThenUnlabelled() throws Exception {
        FleetFiles files = fleet(6, "blue-green");
        Map<String, String> waves = new LinkedHashMap<>();
        waves.put("prod-us-east-1-01", "10");
        waves.put("prod-eu-west-1-01", "2");
        waves.put("prod-us-east-1-02", "canary");
        waves.put("prod-eu-west-1-02", "10");
        waves.put("prod-us-east-1-03", "2");
        // prod-eu-west-1-03 has none: it goes last.
        for (var wave : waves.entrySet()) {
            files = ExampleFleet.withEdit(files, "clusters/" + wave.getKey() + "/cluster.yaml", "    drover.io/capacity:",
                    "    drover.io/wave: \"" + wave.getValue() + "\"\n    drover.io/capacity:");
        }
        FleetFiles start = withPolicy(files, "2", "drover.io/wave", "[canary]");
        FullPlan plan = Planning.plan(start, "waves");

        assertThat(plan.steps()).filteredOn(s -> s.kind() == StepKind.RETIRE_CLUSTER).extracting(Step::clusters).containsExactly(
                List.of("prod-us-east-1-02"),
                List.of("prod-eu-west-1-01", "prod-us-east-1-03"),
                List.of("prod-eu-west-1-02", "prod-us-east-1-01"),
                List.of("prod-eu-west-1-03"));
        // A new cluster keeps its predecessor's wave, so the next rollout stages it the same way.
        FleetFiles end = Planning.afterSteps(start, plan, plan.steps().size());
        Fleet fleet = ExampleFleet.read(end);
        assertThat(fleet.clusters().values().stream().filter(c -> c.replaces().orElse("").equals("prod-us-east-1-02")))
                .singleElement().satisfies(c -> assertThat(c.wave()).contains("canary"));
        assertThat(fleet.clusters().values().stream().filter(c -> c.replaces().orElse("").equals("prod-eu-west-1-03")))
                .singleElement().satisfies(c -> assertThat(c.wave()).isEmpty());
    }

    @Test
    void aStageValueNoSelectedClusterHasIsSkippedWithAWarningAtItsLine() throws Exception {
        FleetFiles start = withPolicy(fleet(4, "blue-green"), "2", "topology.kubernetes.io/region", "[eu-wset-1, us-east-1]");
        String policy = start.read("policies/waves.yaml").orElseThrow();
        int orderLine = policy.substring(0, policy.indexOf("    order:")).split("\n", -1).length;

        FullPlan plan = Planning.plan(start, "waves");

        assertThat(plan.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.path()).isEqualTo("policies/waves.yaml");
            assertThat(warning.line()).isEqualTo(orderLine);
            assertThat(warning.message()).isEqualTo("stages.order names 'eu-wset-1', which no cluster the rollout selects "
                    + "has as topology.kubernetes.io/region; that stage is skipped");
            assertThat(warning.fix()).endsWith("the selected clusters have eu-west-1, us-east-1");
        });
        // Skipped, as documented: us-east-1 goes first, then the rest.
        assertThat(region(plan.steps().get(0).clusters().get(0))).isEqualTo("us-east-1");
        assertThat(Planning.plan(withPolicy(fleet(4, "blue-green"), "2", "topology.kubernetes.io/region", "[eu-west-1]"),
                "waves").warnings()).isEmpty();
    }

    @Test
    void aPercentageCountsAClusterAndItsReplacementOnceSoTheWaveSizeStaysTheSame() throws Exception {
        FleetFiles start = withPolicy(fleet(10, "blue-green"), "25%", "topology.kubernetes.io/region", "[]");
        FullPlan plan = Planning.plan(start, "waves");
        // Mid-rollout there are up to 13 clusters; the wave size is still 25% of 10.
        assertThat(plan.steps()).filteredOn(s -> s.kind() == StepKind.ADD_CLUSTER).extracting(s -> s.clusters().size())
                .containsExactly(3, 2, 3, 2);
        FullPlan afterFirstAdd = Planning.plan(Planning.afterSteps(start, plan, 1), "waves");
        assertThat(afterFirstAdd.steps().get(0).kind()).isEqualTo(StepKind.ENROLL_CLUSTER);
        assertThat(afterFirstAdd.steps().get(0).clusters()).hasSize(3);
    }

    /** Clusters named prod-REGION-NN in two regions, capacity to spare so that waves of a quarter are safe. */
    static FleetFiles fleet(int size, String strategy) {
        List<Integer> capacities = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            capacities.add(1000);
            weights.add(100);
        }
        return GeneratedFleet.of(new GeneratedFleet.Spec(REGIONS, capacities, weights, size * 1000 / 4,
                "v1.30.2", "v1.31.0", strategy));
    }

    /** The fleet with its own policy "waves": Drover's default with the given waves. */
    static FleetFiles withPolicy(FleetFiles files, String inFlight, String stagesBy, String order) {
        String policy = ExampleFleet.shippedPolicy("default")
                .replace("name: default", "name: waves")
                .replace("clustersInFlight: 1", "clustersInFlight: \"" + inFlight + "\"\n  stages:\n    by: " + stagesBy
                        + "\n    order: " + order)
                .replaceAll("changeWindows:\n(    .*\n)+", "changeWindows: []\n");
        Map<String, String> copy = new TreeMap<>(files.asMap());
        copy.put("policies/waves.yaml", policy);
        return FleetFiles.of(copy);
    }

    static String region(String cluster) {
        return cluster.substring("prod-".length(), cluster.lastIndexOf('-'));
    }
}
