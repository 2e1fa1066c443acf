package io.drover.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.FleetFiles;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    @Test
    void aFleetAtTheTargetGetsAnEmptyPlanThatSaysWhy() throws Exception {
        FleetFiles start = ExampleFleet.files();
        FullPlan full = Planning.plan(start);
        FullPlan done = Planning.plan(Planning.afterSteps(start, full, full.steps().size()));

        assertThat(done.isEmpty()).isTrue();
        assertThat(done.selected()).containsExactly("prod-euw-03", "prod-euw-04", "prod-use-03", "prod-use-04");
        assertThat(done.atTarget()).containsExactlyElementsOf(done.selected());
    }

    @Test
    void clustersAlreadyAtTheTargetAreLeftAlone() throws Exception {
        FleetFiles files = ExampleFleet.withEdit(ExampleFleet.files(), "clusters/prod-use-02/cluster.yaml",
                "version: v1.30.6", "version: v1.31.4");
        FullPlan plan = Planning.plan(files);

        assertThat(plan.atTarget()).containsExactly("prod-use-02");
        assertThat(plan.steps()).hasSize(24);
        assertThat(plan.steps()).flatExtracting(Step::clusters).doesNotContain("prod-use-02");
    }

    @Test
    void rollingInPlaceRefusesToSkipAMinorVersion() {
        FleetFiles files = ExampleFleet.withEdit(ExampleFleet.withStrategy("rolling"), "rollouts/production-1-31.yaml",
                "targetVersion: v1.31.4", "targetVersion: v1.32.1");

        assertThatThrownBy(() -> Planning.plan(files))
                .isInstanceOf(PlanRefusedException.class)
                .hasMessageContaining("would skip a minor version")
                .hasMessageContaining("prod-euw-01 is at v1.30.6, v1.32.1 is 2 minor versions ahead")
                .hasMessageContaining("roll out v1.31.x first");
    }

    @Test
    void blueGreenMayJumpMinorVersionsBecauseItBuildsNewClusters() throws Exception {
        FleetFiles files = ExampleFleet.withEdit(ExampleFleet.files(), "rollouts/production-1-31.yaml",
                "targetVersion: v1.31.4", "targetVersion: v1.32.1");

        assertThat(Planning.plan(files).steps()).hasSize(32);
    }

    @Test
    void aStepThatBreaksTheCapacityRuleRefusesThePlanWithTheArithmetic() {
        // N+2 at most 60%: draining one of four clusters leaves three, and losing two more
        // leaves one cluster with all 2000 rps.
        FleetFiles files = ExampleFleet.withStrategy("rolling");

        assertThatThrownBy(() -> Planning.plan(files, "conservative"))
                .isInstanceOf(PlanRefusedException.class)
                .hasMessageContaining("step 1 (Drain prod-euw-01) would break the capacity rule of policy conservative (N+2, at most 60% utilisation)")
                .hasMessageContaining("N+2 fails: losing prod-euw-02 and prod-use-01 puts prod-use-02 at 2000 rps of 1000 rps = 200%");
    }

    @Test
    void aFleetThatAlreadyBreaksTheRuleIsRefusedBeforeAnyStep() {
        FleetFiles files = ExampleFleet.withEdit(ExampleFleet.files(), "traffic/shop.yaml",
                "drover.io/peak-rps: \"1400\"", "drover.io/peak-rps: \"3000\"");

        assertThatThrownBy(() -> Planning.plan(files))
                .isInstanceOf(PlanRefusedException.class)
                .hasMessageContaining("already breaks the capacity rule of policy default")
                .hasMessageContaining("prod-use-01 would carry 900 rps of its 1000 rps capacity = 90%, above the maximum utilisation of 80%");
    }
}
