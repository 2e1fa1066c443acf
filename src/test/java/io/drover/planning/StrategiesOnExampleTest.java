package io.drover.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Cluster;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.KubeVersion;
import io.drover.model.StepKind;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategiesOnExampleTest {

    private static final KubeVersion TARGET = KubeVersion.parse("v1.31.4").orElseThrow();

    @Test
    void blueGreenReplacesEachProductionClusterInTurn() throws Exception {
        FleetFiles files = ExampleFleet.files();
        FullPlan plan = Planning.plan(files);

        List<String> perCluster = List.of("add", "enroll", "shift", "shift", "shift", "shift", "drain", "retire");
        assertThat(plan.steps()).hasSize(4 * perCluster.size());
        assertThat(plan.steps().subList(0, 8)).extracting(Step::id).containsExactly(
                "add-prod-euw-03", "enroll-prod-euw-03", "shift-prod-euw-03-10", "shift-prod-euw-03-25",
                "shift-prod-euw-03-50", "shift-prod-euw-03-100", "drain-prod-euw-01", "retire-prod-euw-01");
        assertThat(plan.steps()).extracting(s -> s.id().split("-")[0])
                .containsExactlyElementsOf(repeat(perCluster, 4));
        assertThat(plan.atTarget()).isEmpty();

        Fleet end = ExampleFleet.read(Planning.afterSteps(files, plan, plan.steps().size()));
        assertThat(end.clusters().keySet()).containsExactly(
                "prod-euw-03", "prod-euw-04", "prod-use-03", "prod-use-04", "staging-euw-01");
        assertThat(end.clusters().values()).extracting(Cluster::version).allMatch(v -> v.equals(TARGET));
        end.traffic().stream().filter(t -> !t.hostname().contains("staging"))
                .forEach(t -> assertThat(t.weights()).containsOnlyKeys("prod-euw-03", "prod-euw-04", "prod-use-03", "prod-use-04")
                        .allSatisfy((cluster, weight) -> assertThat(weight).isEqualTo(100)));
        Cluster euw03 = end.cluster("prod-euw-03").orElseThrow();
        assertThat(euw03.region()).isEqualTo("eu-west-1");
        assertThat(euw03.capacityRps()).isEqualTo(1200);
        assertThat(end.expectedApplications(euw03)).extracting(a -> a.name())
                .containsExactlyInAnyOrder("prod-euw-03-ingress-nginx", "prod-euw-03-shop", "prod-euw-03-recommendations");
        assertThat(files.read("clusters/staging-euw-01/cluster.yaml"))
                .isEqualTo(Planning.afterSteps(files, plan, plan.steps().size()).read("clusters/staging-euw-01/cluster.yaml"));
    }

    @Test
    void rollingDrainsUpgradesAndRampsBackEachClusterByName() throws Exception {
        FleetFiles files = ExampleFleet.withStrategy("rolling");
        FullPlan plan = Planning.plan(files);

        assertThat(plan.steps().subList(0, 6)).extracting(Step::id).containsExactly(
                "drain-prod-euw-01", "upgrade-prod-euw-01-1.31", "shift-prod-euw-01-10", "shift-prod-euw-01-25",
                "shift-prod-euw-01-50", "shift-prod-euw-01-100");
        assertThat(plan.steps()).hasSize(24);
        assertThat(plan.steps()).filteredOn(s -> s.kind() == StepKind.UPGRADE_IN_PLACE).extracting(Step::clusters)
                .containsExactly(List.of("prod-euw-01"), List.of("prod-euw-02"), List.of("prod-use-01"), List.of("prod-use-02"));

        Fleet end = ExampleFleet.read(Planning.afterSteps(files, plan, plan.steps().size()));
        assertThat(end.clusters().keySet()).containsExactly("prod-euw-01", "prod-euw-02", "prod-use-01", "prod-use-02", "staging-euw-01");
        assertThat(end.clusters().values()).extracting(Cluster::version).allMatch(v -> v.equals(TARGET));
        assertThat(end.traffic()).allSatisfy(t -> assertThat(t.weights().values()).containsOnly(100));
    }

    @Test
    void canaryFleetBuildsASecondFleetAndMovesOneApplicationSetAtATime() throws Exception {
        FleetFiles files = ExampleFleet.withStrategy("canary-fleet");
        FullPlan plan = Planning.plan(files);

        // One cluster in flight: every phase runs over the whole fleet, one cluster per step, before the next.
        assertThat(plan.steps()).allSatisfy(step -> assertThat(step.clusters()).as(step.id()).hasSize(1));
        assertThat(plan.steps()).extracting(Step::kind).containsExactlyElementsOf(concat(
                repeat(List.of(StepKind.ADD_CLUSTER), 4), repeat(List.of(StepKind.MIGRATE_APPS), 12),
                repeat(List.of(StepKind.SHIFT_TRAFFIC), 16), repeat(List.of(StepKind.DRAIN_CLUSTER), 4),
                repeat(List.of(StepKind.RETIRE_CLUSTER), 4)));
        assertThat(plan.steps()).extracting(Step::id).startsWith("add-prod-euw-03", "add-prod-euw-04", "add-prod-use-03",
                "add-prod-use-04", "migrate-platform-prod-euw-03", "migrate-platform-prod-euw-04", "migrate-platform-prod-use-03",
                "migrate-platform-prod-use-04", "migrate-shop-prod-euw-03").doesNotHaveDuplicates();
        assertThat(plan.steps()).filteredOn(s -> s.kind() == StepKind.SHIFT_TRAFFIC).extracting(Step::id).startsWith(
                "shift-prod-euw-03-10", "shift-prod-euw-04-10", "shift-prod-use-03-10", "shift-prod-use-04-10",
                "shift-prod-euw-03-25");
        List<Step> migrateRecommendations = plan.steps().stream()
                .filter(s -> s.id().startsWith("migrate-recommendations-")).toList();
        assertThat(migrateRecommendations).allSatisfy(step -> assertThat(step.summary()).doesNotContain("also bring"));
        // Every replacement gains its region label; only the eu-west-1 ones then match recommendations.
        assertThat(migrateRecommendations).flatExtracting(Step::changes).extracting(c -> c.path()).containsExactly(
                "argocd/clusters/prod-euw-03.yaml", "argocd/clusters/prod-euw-04.yaml",
                "argocd/clusters/prod-use-03.yaml", "argocd/clusters/prod-use-04.yaml");

        Fleet end = ExampleFleet.read(Planning.afterSteps(files, plan, plan.steps().size()));
        assertThat(end.clusters().keySet()).containsExactly("prod-euw-03", "prod-euw-04", "prod-use-03", "prod-use-04", "staging-euw-01");
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static <T> List<T> repeat(List<T> list, int times) {
        List<T> out = new java.util.ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll(list);
        }
        return out;
    }
}
