package io.drover.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.drover.model.ExpectedApplication;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.StepKind;
import io.drover.planning.Plan;
import io.drover.planning.Step;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which applications each step kind waits for, on the example fleet's real plans. */
class AffectedApplicationsTest {

    @Test
    void addClusterWaitsForTheApplicationThatDeploysTheClustersDefinition() throws Exception {
        AffectedApplications affected = affected(ExampleFleet.files(), "add-prod-euw-03");

        assertThat(affected.running()).containsExactly(new ExpectedApplication("cluster-prod-euw-03", "cluster-definitions",
                "prod-euw-03", "default", List.of("clusters/prod-euw-03")));
        assertThat(affected.gone()).isEmpty();
    }

    @Test
    void enrollWaitsForEveryApplicationTheApplicationSetsNowGenerateForTheCluster() throws Exception {
        AffectedApplications affected = affected(ExampleFleet.files(), "enroll-prod-euw-03");

        assertThat(affected.running()).extracting(ExpectedApplication::name, ExpectedApplication::applicationSet,
                        ExpectedApplication::project)
                .containsExactly(
                        tuple("prod-euw-03-ingress-nginx", "platform", "default"),
                        tuple("prod-euw-03-recommendations", "recommendations", "default"),
                        tuple("prod-euw-03-shop", "shop", "default"));
    }

    @Test
    void shiftAndDrainWaitForTheApplicationsOnTheClustersWhoseWeightMoved() throws Exception {
        assertThat(names(affected(ExampleFleet.files(), "shift-prod-euw-03-10").running()))
                .containsExactly("prod-euw-03-ingress-nginx", "prod-euw-03-recommendations", "prod-euw-03-shop");
        assertThat(names(affected(ExampleFleet.files(), "drain-prod-euw-01").running()))
                .containsExactly("prod-euw-01-ingress-nginx", "prod-euw-01-recommendations", "prod-euw-01-shop");
    }

    @Test
    void retireWaitsForEveryApplicationTheClusterHadBeforeToBeGone() throws Exception {
        AffectedApplications affected = affected(ExampleFleet.files(), "retire-prod-euw-01");

        assertThat(affected.running()).isEmpty();
        assertThat(names(affected.gone())).containsExactly(
                "cluster-prod-euw-01", "prod-euw-01-ingress-nginx", "prod-euw-01-recommendations", "prod-euw-01-shop");
        assertThat(affected.unknownClusters()).isEmpty();
    }

    @Test
    void upgradeInPlaceWaitsForTheClusterApplicationAndAllItsApplications() throws Exception {
        AffectedApplications affected = affected(ExampleFleet.withStrategy("rolling"), "upgrade-prod-use-01-1.31");

        assertThat(names(affected.running())).containsExactly("cluster-prod-use-01", "prod-use-01-ingress-nginx", "prod-use-01-shop");
    }

    @Test
    void migratingAnApplicationSetWaitsForTheApplicationsOnTheNewClusters() throws Exception {
        AffectedApplications affected = affected(ExampleFleet.withStrategy("canary-fleet"), "migrate-platform-prod-use-03");

        assertThat(names(affected.running())).containsExactly("prod-use-03-ingress-nginx");
    }

    @Test
    void saysWhatItWaitsForAsThePullRequestWillSayIt() throws Exception {
        assertThat(affected(ExampleFleet.files(), "add-prod-euw-03").description())
                .isEqualTo("Argo CD to report cluster-prod-euw-03 Synced at the merge commit (or a later one) and Healthy");
        assertThat(affected(ExampleFleet.files(), "enroll-prod-euw-03").description())
                .isEqualTo("Argo CD to report prod-euw-03-ingress-nginx, prod-euw-03-recommendations and prod-euw-03-shop "
                        + "Synced at the merge commit (or a later one) and Healthy");
        assertThat(affected(ExampleFleet.files(), "retire-prod-euw-01").description())
                .isEqualTo("Argo CD to report cluster-prod-euw-01, prod-euw-01-ingress-nginx, prod-euw-01-recommendations "
                        + "and prod-euw-01-shop gone");
        assertThat(new AffectedApplications(List.of(), List.of(), List.of()).description())
                .isEqualTo("no application in Argo CD (no ApplicationSet generates one for the clusters this step touches)");
    }

    @Test
    void aClusterTheFleetDoesNotDefineIsReported() {
        Fleet fleet = ExampleFleet.read(ExampleFleet.files());

        AffectedApplications affected = AffectedApplications.of(StepKind.ENROLL_CLUSTER, List.of("prod-euw-01", "prod-euw-09"),
                fleet, fleet);

        assertThat(affected.unknownClusters()).containsExactly("prod-euw-09");
        assertThat(names(affected.running())).containsExactly(
                "prod-euw-01-ingress-nginx", "prod-euw-01-recommendations", "prod-euw-01-shop");
    }

    /** The step's applications, with the fleet before and at its merge as planning the example gives them. */
    private static AffectedApplications affected(FleetFiles files, String stepId) throws Exception {
        FullPlan plan = Planning.plan(files);
        List<String> ids = plan.steps().stream().map(Step::id).toList();
        assertThat(ids).contains(stepId);
        int index = ids.indexOf(stepId);
        Step step = plan.steps().get(index);
        return AffectedApplications.of(step.kind(), step.clusters(), ExampleFleet.read(Planning.afterSteps(files, plan, index)),
                ExampleFleet.read(Planning.afterSteps(files, plan, index + 1)));
    }

    private static List<String> names(List<ExpectedApplication> apps) {
        return apps.stream().map(ExpectedApplication::name).toList();
    }
}
